package io.mlmd4j.bench;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hand-written baseline of {@code PutExecution} for a new execution whose inputs and
 * contexts are stored already: in one transaction, the Execution row and its properties, the
 * new artifacts and their properties, the events and their path steps, the associations, and
 * the attributions of every artifact to every context (skipping those that exist). Statements
 * are prepared once and reused, one batch a table; nothing is checked.
 */
final class JdbcStepWriter implements AutoCloseable {

  private final Connection connection;
  private final Dialect dialect;
  private final PreparedStatement execution;
  private final PreparedStatement executionProperty;
  private final PreparedStatement artifact;
  private final PreparedStatement artifactProperty;
  private final PreparedStatement event;
  private final PreparedStatement eventPath;
  private final PreparedStatement association;
  private final PreparedStatement attribution;

  JdbcStepWriter(Connection connection, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    execution = JdbcBaseline.prepareInsert(connection, dialect, "INSERT INTO Execution(type_id,"
        + " last_known_state, name, external_id, create_time_since_epoch,"
        + " last_update_time_since_epoch) VALUES (?, ?, ?, ?, ?, ?)");
    executionProperty = connection.prepareStatement(
        JdbcBaseline.insertPropertySql("ExecutionProperty", "execution_id"));
    artifact = JdbcBaseline.prepareInsert(connection, dialect, "INSERT INTO Artifact(type_id,"
        + " uri, state, name, external_id, create_time_since_epoch,"
        + " last_update_time_since_epoch) VALUES (?, ?, ?, ?, ?, ?, ?)");
    artifactProperty = connection.prepareStatement(
        JdbcBaseline.insertPropertySql("ArtifactProperty", "artifact_id"));
    event = JdbcBaseline.prepareInsert(connection, dialect, "INSERT INTO Event(artifact_id,"
        + " execution_id, type, milliseconds_since_epoch) VALUES (?, ?, ?, ?)");
    eventPath = connection.prepareStatement("INSERT INTO EventPath(event_id, is_index_step,"
        + " step_index, step_key) VALUES (?, ?, ?, ?)");
    association = connection.prepareStatement(
        "INSERT INTO Association(context_id, execution_id) VALUES (?, ?)");
    attribution = connection.prepareStatement((dialect == Dialect.MYSQL
        ? "INSERT IGNORE" : "INSERT OR IGNORE") + " INTO Attribution(context_id, artifact_id)"
        + " VALUES (?, ?)");
  }

  /** Writes the step; returns the new execution's id. */
  long put(PutExecutionRequest request) throws SQLException {
    return Transactions.run(connection, dialect, true, c -> write(request));
  }

  private long write(PutExecutionRequest request) throws SQLException {
    long now = System.currentTimeMillis();
    Execution e = request.getExecution();
    execution.setLong(1, e.getTypeId());
    execution.setInt(2, e.getLastKnownState().getNumber());
    JdbcBaseline.setString(execution, 3, e.hasName() ? e.getName() : null);
    JdbcBaseline.setString(execution, 4, e.hasExternalId() ? e.getExternalId() : null);
    execution.setLong(5, now);
    execution.setLong(6, now);
    execution.executeUpdate();
    long executionId = JdbcBaseline.generatedIds(connection, dialect, execution, 1).get(0);
    JdbcBaseline.addProperties(executionProperty, executionId, e.getPropertiesMap(),
        e.getCustomPropertiesMap());
    executionProperty.executeBatch();

    List<Artifact> created = new ArrayList<>();
    for (PutExecutionRequest.ArtifactAndEvent pair : request.getArtifactEventPairsList()) {
      if (!pair.getArtifact().hasId()) {
        created.add(pair.getArtifact());
      }
    }
    List<Long> createdIds = List.of();
    if (!created.isEmpty()) {
      for (Artifact a : created) {
        JdbcBaseline.bindArtifact(artifact, a, now);
        artifact.addBatch();
      }
      artifact.executeBatch();
      createdIds = JdbcBaseline.generatedIds(connection, dialect, artifact, created.size());
      for (int i = 0; i < created.size(); i++) {
        JdbcBaseline.addProperties(artifactProperty, createdIds.get(i),
            created.get(i).getPropertiesMap(), created.get(i).getCustomPropertiesMap());
      }
      artifactProperty.executeBatch();
    }

    Set<Long> artifactIds = new LinkedHashSet<>();
    List<Event> events = new ArrayList<>();
    int next = 0;
    for (PutExecutionRequest.ArtifactAndEvent pair : request.getArtifactEventPairsList()) {
      long artifactId = pair.getArtifact().hasId() ? pair.getArtifact().getId()
          : createdIds.get(next++);
      artifactIds.add(artifactId);
      Event ev = pair.getEvent();
      event.setLong(1, artifactId);
      event.setLong(2, executionId);
      event.setInt(3, ev.getType().getNumber());
      event.setLong(4, now);
      event.addBatch();
      events.add(ev);
    }
    event.executeBatch();
    List<Long> eventIds = JdbcBaseline.generatedIds(connection, dialect, event, events.size());
    for (int i = 0; i < events.size(); i++) {
      for (Event.Path.Step step : events.get(i).getPath().getStepsList()) {
        eventPath.setLong(1, eventIds.get(i));
        eventPath.setBoolean(2, step.hasIndex());
        if (step.hasIndex()) {
          eventPath.setLong(3, step.getIndex());
          eventPath.setNull(4, Types.VARCHAR);
        } else {
          eventPath.setNull(3, Types.BIGINT);
          eventPath.setString(4, step.getKey());
        }
        eventPath.addBatch();
      }
    }
    eventPath.executeBatch();

    for (Context context : request.getContextsList()) {
      association.setLong(1, context.getId());
      association.setLong(2, executionId);
      association.addBatch();
      for (long artifactId : artifactIds) {
        attribution.setLong(1, context.getId());
        attribution.setLong(2, artifactId);
        attribution.addBatch();
      }
    }
    association.executeBatch();
    attribution.executeBatch();
    return executionId;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : List.of(execution, executionProperty, artifact, artifactProperty,
        event, eventPath, association, attribution)) {
      s.close();
    }
  }
}

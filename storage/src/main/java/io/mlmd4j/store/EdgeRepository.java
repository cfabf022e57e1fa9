package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Event;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the edges of the graph: events with their paths, attributions, associations
 * and parent contexts, in batches.
 */
final class EdgeRepository {

  private final Connection connection;
  private final Dialect dialect;

  EdgeRepository(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Inserts complete events (both ids and a type set) and their path steps; a missing time
   * becomes {@code now}. A repeated (artifact, execution, type) is ALREADY_EXISTS.
   */
  void insertEvents(List<Event> events, long now) throws SQLException {
    List<List<Object>> rows = new ArrayList<>(events.size());
    for (Event e : events) {
      rows.add(Arrays.asList(e.getArtifactId(), e.getExecutionId(), e.getType().getNumber(),
          e.hasMillisecondsSinceEpoch() ? e.getMillisecondsSinceEpoch() : now));
    }
    List<Long> ids = Sql.insertReturningIds(connection, dialect, "INSERT INTO Event(artifact_id,"
        + " execution_id, type, milliseconds_since_epoch) VALUES (?, ?, ?, ?)", rows);
    List<List<Object>> steps = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      for (Event.Path.Step step : events.get(i).getPath().getStepsList()) {
        steps.add(step.hasIndex()
            ? Arrays.asList(ids.get(i), true, step.getIndex(), null)
            : Arrays.asList(ids.get(i), false, null, step.getKey()));
      }
    }
    batch("INSERT INTO EventPath(event_id, is_index_step, step_index, step_key)"
        + " VALUES (?, ?, ?, ?)", steps);
  }

  /** The events whose {@code column} (artifact_id or execution_id) is one of {@code ids}. */
  List<Event> events(String column, Collection<Long> ids) throws SQLException {
    Map<Long, Event.Builder> events = new LinkedHashMap<>();
    Sql.forEachIn(connection, "SELECT id, artifact_id, execution_id, type,"
        + " milliseconds_since_epoch FROM Event WHERE " + column + " IN (%s) ORDER BY id",
        List.of(), new HashSet<>(ids), rs -> {
          Event.Builder e = Event.newBuilder().setArtifactId(rs.getLong("artifact_id"))
              .setExecutionId(rs.getLong("execution_id"));
          Event.Type type = Event.Type.forNumber(rs.getInt("type"));
          if (type != null) {
            e.setType(type);
          }
          Long time = Sql.getLong(rs, "milliseconds_since_epoch");
          if (time != null) {
            e.setMillisecondsSinceEpoch(time);
          }
          events.put(rs.getLong("id"), e);
        });
    if (!events.isEmpty()) {
      // Steps come back in insertion order: SQLite by rowid, InnoDB in the order of the
      // event_id index, whose entries follow the hidden row id.
      String order = dialect == Dialect.SQLITE ? " ORDER BY event_id, rowid" : "";
      Sql.forEachIn(connection, "SELECT event_id, is_index_step, step_index, step_key"
          + " FROM EventPath WHERE event_id IN (%s)" + order, List.of(), events.keySet(), rs -> {
            Event.Path.Step.Builder step = Event.Path.Step.newBuilder();
            if (rs.getBoolean("is_index_step")) {
              step.setIndex(rs.getLong("step_index"));
            } else {
              step.setKey(rs.getString("step_key"));
            }
            events.get(rs.getLong("event_id")).getPathBuilder().addSteps(step);
          });
    }
    List<Event> result = new ArrayList<>(events.size());
    events.values().forEach(e -> result.add(e.build()));
    return result;
  }

  /** Links (context, node) pairs in {@code table}, keeping the links that exist already. */
  void link(String table, String nodeColumn, Collection<long[]> contextAndNode)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (long[] pair : contextAndNode) {
      rows.add(List.of(pair[0], pair[1]));
    }
    batch(dialect.insertIgnore() + " INTO " + table + "(context_id, " + nodeColumn
        + ") VALUES (?, ?)", rows);
  }

  /** Which of {@code ids} exist in {@code table}. */
  Set<Long> existing(String table, Collection<Long> ids) throws SQLException {
    return new HashSet<>(Sql.queryIn(connection, "SELECT id FROM " + table
        + " WHERE id IN (%s)", List.of(), new HashSet<>(ids), rs -> rs.getLong(1)));
  }

  /** Checks that every id names a row of {@code table}; INVALID_ARGUMENT names the first not. */
  void requireExisting(String table, Collection<Long> ids, String what) throws SQLException {
    Set<Long> found = existing(table, ids);
    for (Long id : ids) {
      if (!found.contains(id)) {
        throw MlmdException.invalidArgument("No %s with id %d found", what, id);
      }
    }
  }

  /** For each of {@code ids}, the ids at the other end of its ParentContext rows. */
  Map<Long, List<Long>> relatives(Collection<Long> ids, boolean parents) throws SQLException {
    String from = parents ? "context_id" : "parent_context_id";
    String to = parents ? "parent_context_id" : "context_id";
    Map<Long, List<Long>> result = new HashMap<>();
    Sql.forEachIn(connection, "SELECT " + from + ", " + to + " FROM ParentContext WHERE " + from
        + " IN (%s) ORDER BY " + to, List.of(), new HashSet<>(ids), rs -> {
          result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
    return result;
  }

  void insertParentContexts(List<long[]> childAndParent) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (long[] pair : childAndParent) {
      rows.add(List.of(pair[0], pair[1]));
    }
    batch("INSERT INTO ParentContext(context_id, parent_context_id) VALUES (?, ?)", rows);
  }

  private void batch(String sql, List<List<Object>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (List<Object> row : rows) {
        Sql.bind(s, 1, row);
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}

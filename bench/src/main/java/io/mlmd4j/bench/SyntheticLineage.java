package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A large lineage graph written straight into a store's tables (the API would take minutes to
 * write it and is not what is measured): {@code chains} chains of {@link #DEPTH} executions.
 * Execution (c, d) outputs three artifacts (c, d, k); it takes as inputs the three outputs of
 * (c, d - 1) and the third output of (c + 1, d - 1), so each third output feeds two executions
 * (fan-out) and each execution has four inputs (fan-in). The upstream closure of a last output
 * is therefore a cone, one chain wider per step back: about 1,300 executions and 3,900
 * artifacts. Each artifact has the properties {@code span} (its depth) and {@code split}
 * ("train" for k = 0, else "eval"); each chain is one context, {@code run-c}, holding its nodes.
 * Ids are dense and in order: execution (c, d) has id {@code c * DEPTH + d + 1} and artifact
 * (c, d, k) id {@code 3 * (c * DEPTH + d) + k + 1}.
 */
final class SyntheticLineage {

  static final int DEPTH = 50;
  private static final int BATCH = 5_000;

  final int chains;

  SyntheticLineage(int executions) {
    this.chains = Math.max(2, executions / DEPTH);
  }

  int executions() {
    return chains * DEPTH;
  }

  int artifacts() {
    return 3 * executions();
  }

  static long executionId(int chain, int depth) {
    return (long) chain * DEPTH + depth + 1;
  }

  static long artifactId(int chain, int depth, int k) {
    return 3 * ((long) chain * DEPTH + depth) + k + 1;
  }

  /** The last output of a chain: the leaf whose upstream closure is measured. */
  long leaf(int chain) {
    return artifactId(chain, DEPTH - 1, 0);
  }

  /** Writes the graph into a fresh store (types through the API, rows through JDBC). */
  void write(MetadataStore store, Connection c, Dialect dialect) throws SQLException {
    long artifactType = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
        .setArtifactType(ArtifactType.newBuilder().setName("Data")
            .putProperties("span", PropertyType.INT)
            .putProperties("split", PropertyType.STRING)).build()).getTypeId();
    long executionType = store.putExecutionType(PutExecutionTypeRequest.newBuilder()
        .setExecutionType(ExecutionType.newBuilder().setName("Step")).build()).getTypeId();
    long contextType = store.putContextType(PutContextTypeRequest.newBuilder()
        .setContextType(ContextType.newBuilder().setName("run")).build()).getTypeId();
    long now = System.currentTimeMillis();
    Transactions.run(c, dialect, true, conn -> {
      List<Object[]> rows = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        for (int d = 0; d < DEPTH; d++) {
          rows.add(new Object[] {executionId(chain, d), executionType, "x-" + chain + "-" + d,
              3, now, now});
        }
      }
      insert(conn, "INSERT INTO Execution(id, type_id, name, last_known_state,"
          + " create_time_since_epoch, last_update_time_since_epoch) VALUES (?, ?, ?, ?, ?, ?)",
          rows);
      rows.clear();
      List<Object[]> properties = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        for (int d = 0; d < DEPTH; d++) {
          for (int k = 0; k < 3; k++) {
            long id = artifactId(chain, d, k);
            rows.add(new Object[] {id, artifactType, "/data/" + chain + "/" + d + "/" + k, 2,
                "a-" + chain + "-" + d + "-" + k, now, now});
            properties.add(new Object[] {id, "span", 0, d, null});
            properties.add(new Object[] {id, "split", 0, null, k == 0 ? "train" : "eval"});
          }
        }
      }
      insert(conn, "INSERT INTO Artifact(id, type_id, uri, state, name,"
          + " create_time_since_epoch, last_update_time_since_epoch)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
      insert(conn, "INSERT INTO ArtifactProperty(artifact_id, name, is_custom_property,"
          + " int_value, string_value) VALUES (?, ?, ?, ?, ?)", properties);
      rows.clear();
      properties.clear();
      List<Object[]> events = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        for (int d = 0; d < DEPTH; d++) {
          long x = executionId(chain, d);
          for (int k = 0; k < 3; k++) {
            events.add(new Object[] {artifactId(chain, d, k), x, 4, now});
          }
          if (d > 0) {
            for (int k = 0; k < 3; k++) {
              events.add(new Object[] {artifactId(chain, d - 1, k), x, 3, now});
            }
            events.add(new Object[] {artifactId((chain + 1) % chains, d - 1, 2), x, 3, now});
          }
        }
      }
      insert(conn, "INSERT INTO Event(artifact_id, execution_id, type,"
          + " milliseconds_since_epoch) VALUES (?, ?, ?, ?)", events);
      events.clear();
      List<Object[]> contexts = new ArrayList<>();
      List<Object[]> attributions = new ArrayList<>();
      List<Object[]> associations = new ArrayList<>();
      for (int chain = 0; chain < chains; chain++) {
        long context = chain + 1;
        contexts.add(new Object[] {context, contextType, "run-" + chain, now, now});
        for (int d = 0; d < DEPTH; d++) {
          associations.add(new Object[] {context, executionId(chain, d)});
          for (int k = 0; k < 3; k++) {
            attributions.add(new Object[] {context, artifactId(chain, d, k)});
          }
        }
      }
      insert(conn, "INSERT INTO Context(id, type_id, name, create_time_since_epoch,"
          + " last_update_time_since_epoch) VALUES (?, ?, ?, ?, ?)", contexts);
      insert(conn, "INSERT INTO Attribution(context_id, artifact_id) VALUES (?, ?)",
          attributions);
      insert(conn, "INSERT INTO Association(context_id, execution_id) VALUES (?, ?)",
          associations);
      return null;
    });
  }

  private static void insert(Connection c, String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          s.setObject(i + 1, row[i]);
        }
        s.addBatch();
        if (++pending == BATCH) {
          s.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }
}

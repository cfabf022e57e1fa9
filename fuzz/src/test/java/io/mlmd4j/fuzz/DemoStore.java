package io.mlmd4j.fuzz;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.demo.TfxDemo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small store to fuzz against: two runs of the demo's TFX pipeline (60 or so nodes with
 * properties, events and contexts), written through the store API, behind a driver connection.
 */
final class DemoStore implements AutoCloseable {

  /** Tables whose row counts must not change while read-only SQL is fuzzed. */
  private static final List<String> TABLES = List.of("artifacts", "executions", "contexts",
      "events", "event_path_steps", "attributions", "associations", "parent_contexts",
      "artifact_properties", "execution_properties", "context_properties", "artifact_types",
      "execution_types", "context_types");

  final Connection connection;
  final MetadataStore store;
  final Vocabulary words;

  DemoStore(String url) throws SQLException {
    connection = DriverManager.getConnection(url);
    store = connection.unwrap(MetadataStore.class);
    TfxDemo.populate(store, 2);
    words = Vocabulary.of(store);
    // Loads Calcite (seconds on a busy machine), which must not count as the first case's time.
    rowCounts();
  }

  static DemoStore fake() throws SQLException {
    return new DemoStore("jdbc:mlmd:fake");
  }

  /** Every table's row count, to compare before and after. */
  List<Long> rowCounts() throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.add(rs.getLong(1));
        }
      }
    }
    return counts;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

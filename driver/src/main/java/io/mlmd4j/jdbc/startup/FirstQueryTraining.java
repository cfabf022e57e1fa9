package io.mlmd4j.jdbc.startup;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.demo.TfxDemo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statements a first connection typically runs, which the jar's build runs once in a JVM of
 * their own to find the classes they load: a point query, a join with an aggregate, a per-type
 * table, an LQL statement, the lineage table function in a join, a parameterized query, and a
 * schema browser's first metadata calls.
 */
public final class FirstQueryTraining {

  /** The statements; each reads all its rows. */
  static final String[] STATEMENTS = {
      "SELECT name, uri FROM artifacts WHERE id = 1",
      "SELECT a.type, COUNT(*) AS n FROM artifacts a JOIN events e ON e.artifact_id = a.id"
          + " WHERE a.state = 'LIVE' GROUP BY a.type ORDER BY 2 DESC LIMIT 10",
      "SELECT name, framework, size_bytes FROM artifact.\"Model\" ORDER BY"
          + " create_time_since_epoch DESC",
      "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model' RETURN ARTIFACTS, EXECUTIONS",
      "SELECT a.name, l.distance FROM TABLE(lineage('UPSTREAM', 'ARTIFACTS', 'id = 1')) l"
          + " JOIN artifacts a ON a.id = l.artifact_id ORDER BY l.distance"};

  private FirstQueryTraining() {}

  /**
   * {@code setup <store>} makes a demo store there (in a JVM apart, whose classes, those of
   * writing, are not counted); {@code run <store>} runs the statements on it. A failure is an
   * exception.
   */
  public static void main(String[] args) throws SQLException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: FirstQueryTraining setup|run <store path>");
    }
    Path store = Path.of(args[1]);
    switch (args[0]) {
      case "setup" -> setUp(store);
      case "run" -> run(store);
      default -> throw new IllegalArgumentException("unknown step " + args[0]);
    }
  }

  /** Makes a demo store of one pipeline run at {@code store}. */
  static void setUp(Path store) {
    try (MetadataStore metadata = MetadataStore.open(ConnectionUrl.PREFIX + "sqlite:" + store)) {
      TfxDemo.populate(metadata, 1);
    }
  }

  /** Runs every statement and the metadata calls on the store at {@code store}. */
  static void run(Path store) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:mlmd:sqlite:" + store)) {
      try (Statement statement = connection.createStatement()) {
        for (String sql : STATEMENTS) {
          readAll(statement.executeQuery(sql));
          while (statement.getMoreResults()) {
            readAll(statement.getResultSet());
          }
        }
      }
      try (PreparedStatement prepared =
          connection.prepareStatement("SELECT id, name FROM executions WHERE type = ?")) {
        prepared.setString(1, "tfx.components.trainer.component.Trainer");
        readAll(prepared.executeQuery());
      }
      DatabaseMetaData metadata = connection.getMetaData();
      readAll(metadata.getSchemas());
      readAll(metadata.getTables(null, null, "%", null));
      readAll(metadata.getColumns(null, "mlmd", "artifacts", "%"));
    }
  }

  private static void readAll(ResultSet rows) throws SQLException {
    try (rows) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          rows.getObject(i);
        }
      }
    }
  }
}

package io.mlmd4j.jdbc;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxDemo;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Connections of the driver for tests: on each backend a store filled with {@link TfxDemo}'s
 * pipeline history (written through {@link MetadataStore}, as users write), kept for the whole
 * test run; and the shared TFX fixture.
 */
final class TestConnections {

  /** Runs of the demo pipeline in every test store. */
  static final int RUNS = 5;

  private static final Map<Backend, Connection> FILLED = new EnumMap<>(Backend.class);
  private static final Map<Backend, String> URLS = new EnumMap<>(Backend.class);

  private TestConnections() {}

  /**
   * A connection to the demo store on the backend, shared by all tests: do not close it. The
   * store is written once, through the connection's own {@code MetadataStore}.
   */
  static synchronized Connection filled(Backend backend) throws SQLException {
    Connection c = FILLED.get(backend);
    if (c == null) {
      String url = TestDatabases.freshStoreUrl(backend);
      c = DriverManager.getConnection(url);
      TfxDemo.populate(c.unwrap(MetadataStore.class), RUNS);
      FILLED.put(backend, c);
      URLS.put(backend, url);
    }
    return c;
  }

  /** The URL of the demo store on the backend (written by {@link #filled}). */
  static synchronized String url(Backend backend) throws SQLException {
    filled(backend);
    return URLS.get(backend);
  }

  /**
   * A new connection of the caller's own to the demo store (to a new, filled one on fake, whose
   * databases are private to a connection).
   */
  static Connection open(Backend backend) throws SQLException {
    if (backend == Backend.FAKE) {
      Connection c = DriverManager.getConnection("jdbc:mlmd:fake");
      TfxDemo.populate(c.unwrap(MetadataStore.class), RUNS);
      return c;
    }
    filled(backend);
    return DriverManager.getConnection(URLS.get(backend));
  }

  /** A connection to a copy of the TFX fixture of schema version 10 (read by TFX's MLMD). */
  static Connection fixture() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite"));
  }

  /** The rows of a query, each as a list of its values. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The single value a query returns. */
  static Object value(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = rows(c, sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("Expected one value from " + sql + ", got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** The plan {@code EXPLAIN PLAN FOR} shows. */
  static String plan(Connection c, String sql) throws SQLException {
    return (String) value(c, "EXPLAIN PLAN FOR " + sql);
  }
}

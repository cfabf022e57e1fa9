package io.mlmd4j.tck;

import io.mlmd4j.MetadataStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the tests through the JDBC driver: each test gets a driver connection to its fresh
 * database, and writes through that connection's own {@link MetadataStore} (on fake the
 * connection's store is the only one that sees the data).
 */
abstract class JdbcTckTest extends TckTest {

  protected Connection connection;

  @BeforeEach
  final void connect() throws SQLException {
    connection = database.connect();
    store = connection.unwrap(MetadataStore.class);
  }

  @AfterEach
  final void disconnect() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  /** The rows of a query, each as a list of its values. */
  List<List<Object>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
}

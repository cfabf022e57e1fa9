package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data changes, DDL, session settings and calls, also under EXPLAIN or DESCRIBE, fail with
 * SQLState 25006 and leave the store as it was.
 */
class ReadOnlyTest {

  private static final List<String> WRITES = List.of(
      "INSERT INTO artifacts (id, type_id, name) VALUES (9999, 1, 'x')",
      "UPDATE artifacts SET name = 'x'",
      "DELETE FROM artifacts",
      "delete from events where id > 0",
      "MERGE INTO contexts c USING contexts d ON c.id = d.id"
          + " WHEN MATCHED THEN UPDATE SET name = 'x'",
      "CREATE TABLE t (x INT)",
      "DROP TABLE artifacts",
      "ALTER TABLE artifacts ADD COLUMN x INT",
      "TRUNCATE TABLE artifacts",
      "  -- a comment first\n /* and another */ (DELETE FROM artifacts)",
      "EXPLAIN PLAN FOR DELETE FROM artifacts",
      "explain plan including all attributes with implementation as json for"
          + " /* c */ insert into artifacts (id) values (1)",
      "DESCRIBE STATEMENT UPDATE artifacts SET name = 'x'",
      "SET x = 1",
      "ALTER SESSION SET x = 1",
      "RESET x",
      "CALL f()");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void writesFailWith25006AndChangeNothing(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    List<List<Object>> before = counts(c);
    for (String sql : WRITES) {
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
        assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
        assertThatThrownBy(() -> s.addBatch(sql)).as(sql)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
      }
      assertThatThrownBy(() -> c.prepareStatement(sql)).as(sql)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
    }
    assertThat(counts(c)).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theMessageSaysWhereWritesGo(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE artifacts SET name = 'x'"))
          .hasMessageContaining("read-only").hasMessageContaining("MetadataStore");
    }
  }

  private static List<List<Object>> counts(Connection c) throws SQLException {
    return TestConnections.rows(c, "SELECT (SELECT COUNT(*) FROM artifacts),"
        + " (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM contexts),"
        + " (SELECT MAX(name) FROM artifacts)");
  }
}

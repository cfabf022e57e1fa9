package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQL and LQL nested more than 100 levels deep are syntax errors with the position of the level
 * too deep (they overflowed the stack), found before Calcite or LQL's parser recurse; 100 levels
 * run in the backend.
 */
class NestingTest {

  static String nested(int depth, String inner) {
    return "(".repeat(depth) + inner + ")".repeat(depth);
  }

  @Test
  void sqlNestedTooDeepIsA42000SyntaxError() throws SQLException {
    Connection c = TestConnections.filled(Backend.FAKE);
    try (Statement s = c.createStatement()) {
      for (int depth : new int[] {1_000, 100_000}) {
        assertThatThrownBy(() -> s.executeQuery("SELECT id FROM artifacts\nWHERE "
            + nested(depth, "id = 1")))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessage("Syntax error: nested more than 100 levels deep (parentheses, NOT and"
                + " minus signs) (line 2, column 107)")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
        assertThatThrownBy(() -> c.prepareStatement("SELECT id FROM artifacts WHERE "
            + "NOT ".repeat(depth) + "id = 1"))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessageContaining("(line 1, column 432)");
        assertThatThrownBy(() -> s.executeQuery("SELECT " + "- ".repeat(depth) + "1"))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessageContaining("(line 1, column 208)");
      }
    }
  }

  @Test
  void stringsQuotedNamesAndCommentsAreNotCounted() throws SQLException {
    String deep = "(".repeat(1_000);
    // A name is at most 128 characters long.
    String name = "(".repeat(120);
    assertThat(TestConnections.rows(TestConnections.filled(Backend.FAKE).createStatement()
        .executeQuery("SELECT '" + deep + "''' AS \"" + name + "\"\"\" -- " + deep + "\n/* "
            + deep + "\n*/ FROM artifacts LIMIT 1")))
        .containsExactly(List.of(deep + "'"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sqlAndLqlNestedOneHundredDeepRun(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts WHERE "
        + nested(100, "id > 0") + " AND " + "NOT ".repeat(99) + "id < 0"))
        .isEqualTo(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts"));
    try (Statement s = c.createStatement()) {
      assertThat(TestConnections.rows(s.executeQuery("LINEAGE UPSTREAM OF ARTIFACTS WHERE "
          + nested(100, "id = 1") + " MAX HOPS 0 RETURN ARTIFACTS")))
          .hasSize(1);
    }
  }

  @Test
  void lqlNestedTooDeepIsASyntaxError() throws SQLException {
    Connection c = TestConnections.filled(Backend.FAKE);
    try (Statement s = c.createStatement()) {
      for (int depth : new int[] {1_000, 100_000}) {
        assertThatThrownBy(() -> s.executeQuery("LINEAGE OF ARTIFACTS WHERE "
            + nested(depth, "id = 1")))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessage("LQL syntax error: line 1:128: nested more than 100 levels deep"
                + " (parentheses, NOT and minus signs)")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> TestConnections.rows(s.executeQuery(
            "SELECT * FROM TABLE(lineage('UPSTREAM', 'ARTIFACTS', '" + nested(depth, "id = 1")
                + "'))")))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessageContaining("nested more than 100 levels deep");
      }
    }
  }
}

package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Statements Calcite fails on badly (with an exception of its own, or overflowing its stack) are
 * clean SQL errors all the same: syntax errors with their position, or a limit.
 */
class ParseFailureTest {

  @Test
  void aTextWithNoStatementIsASyntaxError() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:fake");
        Statement s = c.createStatement()) {
      for (String empty : new String[] {"", "  \n ", "-- a comment", "/* a comment */"}) {
        assertThatThrownBy(() -> s.executeQuery(empty))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessage("Syntax error: Empty statement: the text holds no SQL (line 1, column 1)")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
      }
    }
  }

  @Test
  void aLimitThatIsNoWholeNumberIsASyntaxError() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:fake");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT id FROM artifacts LIMIT 1e3"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("line 1, column 32")
          .hasMessageContaining("LIMIT takes a whole number")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
      assertThatThrownBy(() -> s.executeQuery(
          "SELECT id FROM artifacts ORDER BY id OFFSET 2.5 ROWS FETCH NEXT 3 ROWS ONLY"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("OFFSET takes a whole number");
      s.executeQuery("SELECT id FROM artifacts ORDER BY id LIMIT 3 OFFSET 2").close();
    }
  }

  @Test
  void aChainTooLongToPlanIsALimitNotAStackOverflow() throws SQLException {
    // Calcite's parser, validator and planner recurse over a chain of ORs as deep as it is long.
    String chain = "SELECT id FROM artifacts WHERE "
        + String.join(" OR ", Collections.nCopies(5_000, "id = 1"));
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:fake");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(chain))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("too complex to plan")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("54000");
      assertThatThrownBy(() -> c.prepareStatement(chain))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("54000");
      s.executeQuery("SELECT 1").close();
    }
  }
}

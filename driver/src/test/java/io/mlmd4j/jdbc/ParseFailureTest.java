package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Statements Calcite's parser fails on without a message are syntax errors all the same. */
class ParseFailureTest {

  @Test
  void aParseFailureWithoutAMessageIsASyntaxError() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:fake");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT " + "f(".repeat(3000)))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("cannot be parsed")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    }
  }
}

package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.HostileLiterals;
import io.mlmd4j.testing.MySqlAdmin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

/**
 * The driver's dialects write each hostile literal ({@link HostileLiterals}) so that the database
 * reads it back unchanged: MySQL's in a session of the server's default sql_mode and in one with
 * NO_BACKSLASH_ESCAPES (the literal does not rely on the driver's session), SQLite's on a plain
 * connection.
 */
class DialectLiteralTest {

  @Test
  void mysqlReadsEveryLiteralBackWhateverTheSqlMode() throws SQLException {
    SqlDialect dialect = new MysqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT);
    try (Connection c = MySqlAdmin.connect(""); Statement s = c.createStatement()) {
      s.execute("SET NAMES utf8mb4");
      readsBack(dialect, s);
      s.execute("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
      readsBack(dialect, s);
      s.execute("SET SESSION sql_mode = 'ANSI_QUOTES,PIPES_AS_CONCAT'");
      readsBack(dialect, s);
    }
  }

  @Test
  void sqliteReadsEveryLiteralBack() throws SQLException {
    SqlDialect dialect = new SqliteDialect(SqlDialect.EMPTY_CONTEXT
        .withDatabaseProduct(SqlDialect.DatabaseProduct.SQLITE)
        .withIdentifierQuoteString("\"").withNullCollation(NullCollation.LOW));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      readsBack(dialect, s);
    }
  }

  private static void readsBack(SqlDialect dialect, Statement s) throws SQLException {
    for (String literal : HostileLiterals.all()) {
      String sql = "SELECT " + SqlLiteral.createCharString(literal, SqlParserPos.ZERO)
          .toSqlString(dialect).getSql();
      try (ResultSet rs = s.executeQuery(sql)) {
        assertThat(rs.next()).as(sql).isTrue();
        assertThat(rs.getString(1)).as(sql).isEqualTo(literal);
        assertThat(rs.next()).as(sql).isFalse();
      }
    }
  }
}

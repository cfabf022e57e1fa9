package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/** Which of SQLite's refusals are limits of the database (a request too large), not faults. */
class DialectLimitsTest {

  @Test
  void sqliteLimitsAreTold() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      String union = String.join(" UNION ALL ", Collections.nCopies(501, "SELECT 1"));
      assertThat(Dialect.SQLITE.isLimitExceeded(refusal(s, union))).isTrue();

      c.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, 100);
      assertThat(Dialect.SQLITE.isLimitExceeded(refusal(s, "SELECT '" + "x".repeat(200) + "'")))
          .isTrue();

      assertThat(Dialect.SQLITE.isLimitExceeded(refusal(s, "SELECT nosuch FROM nowhere")))
          .isFalse();
    }
  }

  private static SQLException refusal(Statement s, String sql) {
    return catchThrowableOfType(SQLException.class, () -> s.executeQuery(sql));
  }
}

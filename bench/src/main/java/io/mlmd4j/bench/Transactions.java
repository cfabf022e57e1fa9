package io.mlmd4j.bench;

import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Transactions on a connection from {@link BenchDatabases#openJdbc}, begun and ended the way the
 * store's own sources do it, so that the baselines and the store pay the same for them: on
 * SQLite {@code BEGIN IMMEDIATE} (writes) or {@code BEGIN} (reads) and {@code COMMIT} as
 * statements; on MySQL, with auto-commit off, one {@code commit()}.
 */
final class Transactions {

  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Transactions() {}

  static <T> T run(Connection c, Dialect dialect, boolean writes, Work<T> work)
      throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try (Statement s = c.createStatement()) {
        s.execute(writes ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
          T result = work.run(c);
          s.execute("COMMIT");
          return result;
        } catch (SQLException | RuntimeException e) {
          s.execute("ROLLBACK");
          throw e;
        }
      }
    }
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }
}

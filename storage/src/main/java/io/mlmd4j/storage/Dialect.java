package io.mlmd4j.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the SQL of SQLite and of MySQL / MariaDB. */
public enum Dialect {
  SQLITE {
    @Override
    public boolean isRetryable(SQLException e) {
      int primary = e.getErrorCode() & 0xff;
      return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
          || String.valueOf(e.getMessage()).contains("database is locked");
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
      // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555)
      return e.getErrorCode() == 2067 || e.getErrorCode() == 1555
          || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
    }

    @Override
    public String insertIgnore() {
      return "INSERT OR IGNORE";
    }

    @Override
    public void lockTypeWrites(Connection c) {
      // BEGIN IMMEDIATE already made this transaction the only writer.
    }
  },
  MYSQL {
    @Override
    public boolean isRetryable(SQLException e) {
      return e.getErrorCode() == MYSQL_DEADLOCK || e.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
          || "40001".equals(e.getSQLState());
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
      return e.getErrorCode() == MYSQL_DUPLICATE_ENTRY;
    }

    @Override
    public String insertIgnore() {
      return "INSERT IGNORE";
    }

    /**
     * Locks MLMDEnv's one row until the transaction ends: MLMD's schema has no unique key on
     * types that would stop two transactions inserting the same one. A row lock rather than
     * {@code GET_LOCK}: it ends with the transaction by itself, and needs no named locks (which
     * Galera lacks; its row locks are a node's own, so a cluster would need a check after
     * commit here instead).
     */
    @Override
    public void lockTypeWrites(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT schema_version FROM MLMDEnv FOR UPDATE").close();
      }
    }
  };

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DUPLICATE_ENTRY = 1062;

  /** A failure that goes away when the transaction is tried again: busy, locked, deadlocked. */
  public abstract boolean isRetryable(SQLException e);

  /** A unique or primary key constraint refused the row. */
  public abstract boolean isUniqueViolation(SQLException e);

  /** The start of an INSERT that skips rows whose key already exists. */
  public abstract String insertIgnore();

  /**
   * Makes the write transaction on {@code c} the only one that writes types until it ends, so
   * that two never both insert the type of one (kind, name, version). It must be the
   * transaction's first statement: on MySQL a transaction reads the rows committed before its
   * first read, and those must include the last type writer's.
   */
  public abstract void lockTypeWrites(Connection c) throws SQLException;
}

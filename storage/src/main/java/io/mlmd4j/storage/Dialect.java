package io.mlmd4j.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

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

    @Override
    public boolean isLimitExceeded(SQLException e) {
      String message = String.valueOf(e.getMessage());
      return (e.getErrorCode() & 0xff) == SQLITE_TOOBIG || message.contains("too many ")
          || message.contains("too large") || message.contains("parser stack overflow")
          || message.contains("at most 64 tables");
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

    @Override
    public boolean isLimitExceeded(SQLException e) {
      // Connector/J refuses a packet above max_allowed_packet itself, with no error code.
      return MYSQL_LIMITS.contains(e.getErrorCode())
          || String.valueOf(e.getMessage()).contains("max_allowed_packet");
    }
  };

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_TOOBIG = 18;
  /**
   * ER_NET_PACKET_TOO_LARGE, ER_TOO_MANY_TABLES, ER_PS_MANY_PARAM, ER_STACK_OVERRUN_NEED_MORE,
   * ER_TOO_BIG_SELECT.
   */
  private static final Set<Integer> MYSQL_LIMITS = Set.of(1153, 1116, 1390,
      1436, 1104);
  private static final int SQLITE_LOCKED = 6;
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DUPLICATE_ENTRY = 1062;

  /** A failure that goes away when the transaction is tried again: busy, locked, deadlocked. */
  public abstract boolean isRetryable(SQLException e);

  /** A unique or primary key constraint refused the row. */
  public abstract boolean isUniqueViolation(SQLException e);

  /**
   * The statement exceeds a limit of the database (the length of a statement or value, the
   * number of parameters, terms of a compound SELECT or tables in a join, the depth of an
   * expression, MySQL's {@code max_allowed_packet}): a request too large, not a fault.
   */
  public abstract boolean isLimitExceeded(SQLException e);

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

package io.mlmd4j.storage;

import java.sql.SQLException;

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
}

package io.mlmd4j.storage;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The database behind one store: hands out a connection for a transaction, runs the work in it,
 * retries with bounded backoff what the database reports as busy, locked or deadlocked and what
 * the work reports as ABORTED (a concurrent writer won a race), and turns the rest into
 * {@link MlmdException}s. Every store call is one {@link #write} or {@link #read}.
 */
public abstract class MetadataSource implements AutoCloseable {

  /** Tries of one transaction before a busy or deadlocked database is reported as ABORTED. */
  static final int MAX_ATTEMPTS = 8;

  private final Backend backend;
  private final Dialect dialect;

  protected MetadataSource(Backend backend, Dialect dialect) {
    this.backend = backend;
    this.dialect = dialect;
  }

  /** Opens the database the settings name; the schema is not touched. */
  public static MetadataSource open(ConnectionSettings settings) {
    return switch (settings.backend()) {
      case FAKE -> SqliteSource.openFake();
      case SQLITE -> SqliteSource.openFile(settings.config().getSqlite());
      case MYSQL -> MySqlSource.open(settings.config().getMysql());
    };
  }

  public Backend backend() {
    return backend;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Connections that read this database outside the store's transactions, for SQL engines such as
   * the JDBC driver's: each one is refused every write by the database itself (a read-only SQLite
   * connection, a MySQL session in read-only mode) and sees MLMD's tables as they are. They stay
   * usable while the source is open; callers close each connection they get.
   */
  public abstract DataSource readOnlyDataSource();

  /** True when every write is refused (a SQLite file opened READONLY). */
  public abstract boolean isReadOnly();

  /** Runs {@code work} in one read-write transaction: all of it commits, or none of it. */
  public <T> T write(SqlWork<T> work) {
    if (isReadOnly()) {
      throw MlmdException.failedPrecondition(
          "The store was opened READONLY: writes are refused and the file is left unchanged");
    }
    return run(work, true);
  }

  /** Runs {@code work} in one transaction that only reads. */
  public <T> T read(SqlWork<T> work) {
    return run(work, false);
  }

  private <T> T run(SqlWork<T> work, boolean writes) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(work, writes);
      } catch (MlmdException e) {
        // ABORTED is MLMD's "retry the call": a concurrent writer won a race (created the
        // context this call meant to create, or is creating the schema).
        if (e.code() != MlmdException.Code.ABORTED || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        backoff(attempt);
      } catch (SQLException e) {
        boolean retry = dialect.isRetryable(e) || isConnectionLost(e);
        if (!retry) {
          throw translate(e);
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new MlmdException(MlmdException.Code.ABORTED,
              "The database stayed busy after " + attempt + " tries; try again: " + e.getMessage(),
              e);
        }
        backoff(attempt);
      }
    }
  }

  /** Runs one try of the transaction; implementations begin, commit and roll back. */
  protected abstract <T> T runOnce(SqlWork<T> work, boolean writes) throws SQLException;

  /** A connection that died under the transaction (server restart, idle timeout): retry it. */
  protected boolean isConnectionLost(SQLException e) {
    return false;
  }

  /**
   * An SQL failure that is not retried: a unique violation is ALREADY_EXISTS; a value the column
   * cannot hold (MySQL's 32-bit {@code int_value}, over-long text) is INVALID_ARGUMENT; a
   * statement beyond a limit of the database ({@link Dialect#isLimitExceeded}) is
   * RESOURCE_EXHAUSTED; the rest is INTERNAL.
   */
  public MlmdException translate(SQLException e) {
    if (dialect.isUniqueViolation(e)) {
      return new MlmdException(MlmdException.Code.ALREADY_EXISTS,
          "Given node already exists: " + e.getMessage(), e);
    }
    String state = String.valueOf(e.getSQLState());
    if (state.equals(NUMERIC_OUT_OF_RANGE) || state.equals(STRING_TOO_LONG)) {
      return new MlmdException(MlmdException.Code.INVALID_ARGUMENT,
          "A value does not fit its column in MLMD's " + backend.name().toLowerCase(
              java.util.Locale.ROOT) + " schema: " + e.getMessage(), e);
    }
    if (dialect.isLimitExceeded(e)) {
      return new MlmdException(MlmdException.Code.RESOURCE_EXHAUSTED, "The request exceeds a"
          + " limit of " + (dialect == Dialect.MYSQL ? "MySQL" : "SQLite") + ": "
          + e.getMessage() + "; split it into smaller requests", e);
    }
    return MlmdException.internal("Database error: " + e.getMessage(), e);
  }

  private static final String NUMERIC_OUT_OF_RANGE = "22003";
  private static final String STRING_TOO_LONG = "22001";

  private static void backoff(int attempt) {
    long cap = Math.min(1000, 10L << Math.min(attempt, 7));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlmdException(MlmdException.Code.CANCELLED, "Interrupted while waiting to retry");
    }
  }

  /** Rolls back quietly: the original failure is the one worth reporting. */
  protected static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public abstract void close();
}

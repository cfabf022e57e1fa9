package io.mlmd4j.jdbc.impl;

import io.mlmd4j.storage.Cancellation;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code Statement.cancel} and {@code setQueryTimeout} for one statement of the driver. Each
 * execution gets a {@link Cancellation}; the work it does in the backend (the SQL statements,
 * an LQL walk, the queries behind rows read later) runs in its scope, and a cancel, or the
 * timeout counted from the start of the execution, stops what is running then. The execution
 * ends when its result set closes or the statement runs again or closes.
 */
public final class QueryControl {

  /** Calcite's flag for the statement, set by its cancel and read as rows are read. */
  private final AtomicBoolean calciteCancelFlag;
  private @Nullable Cancellation running;
  private @Nullable ScheduledFuture<?> timer;
  private int timeoutSeconds;
  private volatile boolean timedOut;

  /** @param calciteCancelFlag the statement's flag, cleared when an execution starts */
  public QueryControl(AtomicBoolean calciteCancelFlag) {
    this.calciteCancelFlag = calciteCancelFlag;
  }

  /** Starts an execution, ending the one before; it times out after {@code timeoutSeconds}. */
  private synchronized Cancellation start(int timeoutSeconds) {
    finish();
    calciteCancelFlag.set(false);
    Cancellation c = new Cancellation();
    running = c;
    timedOut = false;
    this.timeoutSeconds = timeoutSeconds;
    if (timeoutSeconds > 0) {
      timer = Timer.INSTANCE.schedule(() -> {
        timedOut = true;
        c.cancel();
      }, timeoutSeconds, TimeUnit.SECONDS);
    }
    return c;
  }

  /**
   * Runs {@code execution} as a new execution timed out after {@code timeoutSeconds}, and
   * reports what it throws as {@link #translate} does.
   */
  public <T> T execute(int timeoutSeconds, Call<T> execution) throws SQLException {
    try (Cancellation.Scope scope = start(timeoutSeconds).enter()) {
      return execution.call();
    } catch (SQLException | RuntimeException | ExceptionInInitializerError
        | OutOfMemoryError | StackOverflowError e) {
      throw translate(e);
    }
  }

  /** Reads on in the current execution (rows, say), reporting errors as {@link #translate}. */
  public <T> T resume(Call<T> work) throws SQLException {
    try (Cancellation.Scope scope = enter()) {
      return work.call();
    } catch (SQLException | RuntimeException | ExceptionInInitializerError
        | OutOfMemoryError | StackOverflowError e) {
      throw translate(e);
    }
  }

  /** A JDBC call. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws SQLException;
  }

  /** Runs the caller's work in the current execution's scope until the scope closes. */
  private synchronized Cancellation.Scope enter() {
    Cancellation c = running;
    return c == null ? () -> { } : c.enter();
  }

  /** Cancels what the current execution runs in the backend; from any thread. */
  public synchronized void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  /** The current execution's cancellation; null between executions. */
  public synchronized @Nullable Cancellation current() {
    return running;
  }

  /** Ends {@code execution} if it is still the current one (its result set closes). */
  public synchronized void finish(@Nullable Cancellation execution) {
    if (execution != null && execution == running) {
      finish();
    }
  }

  /** Ends the current execution: its timer stops, a later cancel reaches nothing. */
  public synchronized void finish() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    if (running != null) {
      running.done();
      running = null;
    }
  }

  /**
   * The SQLException to report for what the execution threw: a timeout or a cancel if it was
   * stopped, else what {@link SqlErrors} makes of it.
   */
  private synchronized SQLException translate(Throwable e) {
    if (running != null && running.isCancelled()) {
      return timedOut
          ? new SQLTimeoutException("The query ran past its timeout of " + timeoutSeconds
              + " s and was stopped", SqlErrors.TIMEOUT, e)
          : new SQLException("The query was cancelled", SqlErrors.CANCELLED, e);
    }
    return SqlErrors.translateThrown(e);
  }

  /** One daemon thread for every statement's timeout. */
  private static final class Timer {
    static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "mlmd4j-query-timeout");
          t.setDaemon(true);
          return t;
        });
  }
}

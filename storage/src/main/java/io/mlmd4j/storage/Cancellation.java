package io.mlmd4j.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Stops a piece of work while the database runs it: what JDBC's {@code Statement.cancel} and
 * query timeouts need. The thread doing the work opens a {@link #enter() scope}; every
 * statement it makes meanwhile on a connection that the store or the driver hands out
 * {@link #enrol enrolled} is recorded, and {@link #cancel} cancels them from any thread (SQLite
 * interrupts its connection, MySQL's driver kills the query on the server). Outside a scope,
 * connections are handed out as they are, at no cost.
 */
public final class Cancellation {

  /** SQLState 57014, query canceled (PostgreSQL's, as pgjdbc reports it). */
  public static final String SQL_STATE = "57014";

  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;
  private volatile boolean done;
  private volatile ScheduledFuture<?> timer;

  /**
   * A cancellation that cancels itself once {@code timeout} has passed, unless done first; one
   * of zero or less is cancelled already, so that no statement starts in its scopes.
   */
  public static Cancellation after(Duration timeout) {
    Cancellation c = new Cancellation();
    if (timeout.isNegative() || timeout.isZero()) {
      c.cancelled = true;
    } else {
      c.timer = Timer.INSTANCE.schedule(c::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    return c;
  }

  /** Makes this the thread's cancellation until the returned scope closes. */
  public Scope enter() {
    Cancellation previous = CURRENT.get();
    CURRENT.set(this);
    return () -> CURRENT.set(previous);
  }

  /** Whether {@link #cancel} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Cancels what the statements made in this cancellation's scopes are running; statements
   * asked for afterwards in its scopes fail ({@link #SQL_STATE}) instead of starting.
   */
  public void cancel() {
    if (done) {
      return;
    }
    cancelled = true;
    for (Statement s : statements) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        // Closed meanwhile, or its driver cannot cancel: there is nothing left to stop.
      }
    }
  }

  /**
   * Ends the work: a later {@link #cancel} does nothing, so that it cannot reach statements
   * that pools and caches have since lent to other work.
   */
  public void done() {
    done = true;
    if (timer != null) {
      timer.cancel(false);
    }
    statements.clear();
  }

  /**
   * The connection to hand to work on this thread: as it is outside a scope; inside one, a
   * view whose statements the scope's cancellation can cancel.
   */
  public static Connection enrol(Connection connection) {
    Cancellation current = CURRENT.get();
    if (current == null) {
      return connection;
    }
    return (Connection) Proxy.newProxyInstance(Cancellation.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          boolean makesStatement = Statement.class.isAssignableFrom(method.getReturnType());
          if (makesStatement && current.cancelled) {
            // Cancelled before its query reached the database (while it was being planned):
            // the query never starts.
            throw new SQLException("The query was cancelled", SQL_STATE);
          }
          Object result = invoke(connection, method, args);
          if (result instanceof Statement s && !current.done) {
            current.statements.add(s);
          }
          return result;
        });
  }

  /** A view of {@code dataSource} whose connections are {@link #enrol enrolled}. */
  public static DataSource enrolling(DataSource dataSource) {
    return (DataSource) Proxy.newProxyInstance(Cancellation.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(dataSource, method, args);
          return result instanceof Connection c ? enrol(c) : result;
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** One daemon thread for every deadline. */
  private static final class Timer {
    static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "mlmd4j-deadline");
          t.setDaemon(true);
          return t;
        });
  }

  /** The span of a cancellation on a thread; closing it restores the one before. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}

package io.mlmd4j.jdbc.impl;

import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The driver's SQL reads of a MySQL store, streamed: Connector/J otherwise reads a whole result
 * into the JVM before handing out its first row. Statements made by {@code createStatement()}
 * and {@code prepareStatement(sql)} have the fetch size {@link Integer#MIN_VALUE}, Connector/J's
 * streaming mode, so rows are read from the server as they are read here.
 *
 * <p>A streamed query needs two things Connector/J does not do. Its {@code Statement.cancel}
 * kills a query only while {@code execute} runs, and a streamed {@code execute} returns as soon
 * as the server starts sending; and closing a result set before its end reads every row left.
 * So a cancel, or the close of a result not read to its end, sends {@code KILL QUERY} for the
 * connection's session from a connection of its own (as Connector/J's cancel does, so that it
 * never waits for the pool); the killed read's error is then ignored, and the connection is
 * checked with a query before it goes back to the pool, and evicted if that fails.
 */
final class MySqlStreaming {

  private MySqlStreaming() {}

  /** A data source whose connections are {@code pool}'s, their statements streamed. */
  static DataSource over(HikariDataSource pool) {
    return Proxies.of(DataSource.class, (proxy, method, args) -> {
      Object result = Proxies.invoke(pool, method, args);
      return result instanceof Connection c ? new Session(pool, c).proxy : result;
    });
  }


  /** A connection lent by the pool, until its close. */
  private static final class Session implements InvocationHandler {
    private final HikariDataSource pool;
    private final Connection connection;
    final Connection proxy;
    private @Nullable Streamed statement;

    Session(HikariDataSource pool, Connection connection) {
      this.pool = pool;
      this.connection = connection;
      this.proxy = Proxies.of(Connection.class, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
      switch (method.getName()) {
        case "createStatement":
        case "prepareStatement":
          if (args == null || args.length == (method.getName().equals("createStatement") ? 0
              : 1)) {
            Statement s = (Statement) Proxies.invoke(connection, method, args);
            s.setFetchSize(Integer.MIN_VALUE);
            statement = new Streamed(this, s);
            return statement.proxy;
          }
          break;
        case "close":
          if (statement != null) {
            statement.close();
          }
          break;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          break;
      }
      return Proxies.invoke(connection, method, args);
    }

    /**
     * Stops the query the session runs. An error is ignored: the query then runs on, and
     * closing its result reads the rest.
     */
    void kill() {
      try (Connection killer = DriverManager.getConnection(pool.getJdbcUrl(),
              pool.getDataSourceProperties());
          Statement s = killer.createStatement()) {
        s.execute("KILL QUERY " + connection.unwrap(JdbcConnection.class).getId());
      } catch (SQLException e) {
        // As said: nothing more can be done from here.
      }
    }

    /**
     * After a kill: whether the session runs a query again (a kill that came after the query
     * ended may stop the next one instead); if not, the pool drops the connection.
     */
    void check() {
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT 1");
      } catch (SQLException e) {
        pool.evictConnection(connection);
      }
    }
  }

  /** A statement whose results are streamed. */
  private static final class Streamed implements InvocationHandler {
    private final Session session;
    private final Statement statement;
    final Statement proxy;
    private volatile boolean cancelled;
    private volatile @Nullable Result result;

    Streamed(Session session, Statement statement) {
      this.session = session;
      this.statement = statement;
      this.proxy = statement instanceof PreparedStatement
          ? Proxies.of(PreparedStatement.class, this) : Proxies.of(Statement.class, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
      switch (method.getName()) {
        case "cancel":
          cancelled = true;
          statement.cancel();
          Result r = result;
          if (r != null) {
            r.stop();
          }
          return null;
        case "close":
          close();
          return null;
        case "getResultSet":
          return result == null ? null : result.proxy;
        case "getConnection":
          return session.proxy;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          break;
      }
      Object value = Proxies.invoke(statement, method, args);
      ResultSet rs = value instanceof ResultSet set ? set
          : Boolean.TRUE.equals(value) && method.getName().equals("execute")
              ? statement.getResultSet() : null;
      if (rs == null) {
        return value;
      }
      result = new Result(this, rs);
      // A cancel that came while execute returned, too late for Connector/J to kill the query.
      checkCancelled();
      return value instanceof ResultSet ? result.proxy : value;
    }

    void checkCancelled() throws SQLException {
      if (cancelled) {
        throw new SQLException("The query was cancelled", SqlErrors.CANCELLED);
      }
    }

    void close() throws SQLException {
      Result r = result;
      if (r != null) {
        r.close();
      }
      statement.close();
    }
  }

  /** A streamed result set: read from the server as its rows are read. */
  private static final class Result implements InvocationHandler {
    private final Streamed statement;
    private final ResultSet resultSet;
    final ResultSet proxy;
    private volatile boolean ended;
    private boolean killed;
    private boolean closed;

    Result(Streamed statement, ResultSet resultSet) {
      this.statement = statement;
      this.resultSet = resultSet;
      this.proxy = Proxies.of(ResultSet.class, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
      switch (method.getName()) {
        case "next":
          // Rows the server sent before a kill would be read on otherwise.
          statement.checkCancelled();
          boolean more = resultSet.next();
          ended = !more;
          return more;
        case "close":
          close();
          return null;
        case "getStatement":
          return statement.proxy;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return Proxies.invoke(resultSet, method, args);
      }
    }

    /** Kills the query unless all its rows were read, or it was killed already. */
    synchronized void stop() {
      if (!ended && !killed && !closed) {
        killed = true;
        statement.session.kill();
      }
    }

    void close() throws SQLException {
      synchronized (this) {
        if (closed) {
          return;
        }
        stop();
        closed = true;
      }
      if (!killed) {
        resultSet.close();
        return;
      }
      try {
        resultSet.close();
      } catch (SQLException e) {
        // The killed query's error, as the rows left are read.
      }
      statement.session.check();
    }
  }
}

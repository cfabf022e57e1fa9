package io.mlmd4j.jdbc.impl;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Connections that keep their prepared statements for the next {@code prepareStatement} of the
 * same SQL. Calcite's JDBC adapter prepares a backend statement at every execution of a query,
 * even of a {@code PreparedStatement}; on SQLite, compiling a point query costs about as much as
 * running it. A statement closed after only binding parameters and executing is kept, with its
 * parameters cleared and its result set closed (which resets it in SQLite); one whose settings
 * were changed ({@code setQueryTimeout}, {@code setMaxRows}, ...) is closed, as it would be
 * without the cache. A connection is used by one thread at a time (the pool's contract), so the
 * cache needs no locks.
 */
final class StatementCache {

  /** Statements kept per connection, the least recently used closed first. */
  static final int SIZE = 32;

  private StatementCache() {}

  /** A data source whose connections are {@code connections}' with a statement cache each. */
  static DataSource over(DataSource connections) {
    return new CachingDataSource(connections);
  }


  /**
   * Whether a statement keeps no trace of a call of {@code method} once its parameters are
   * cleared and its result set closed: getters, parameter setters ({@code setLong(int index,
   * long value)} and the like), executing it.
   */
  private static boolean leavesNoTrace(Method method) {
    String name = method.getName();
    switch (name) {
      case "execute":
      case "executeQuery":
        return method.getParameterCount() == 0;
      case "clearParameters":
      case "clearWarnings":
      case "unwrap":
      case "isWrapperFor":
        return true;
      default:
        break;
    }
    if (name.startsWith("get") || name.startsWith("is")) {
      return true;
    }
    return name.startsWith("set") && method.getDeclaringClass() == PreparedStatement.class
        && method.getParameterCount() >= 2 && method.getParameterTypes()[0] == int.class;
  }

  private static final class CachingDataSource implements DataSource {
    private final DataSource connections;

    CachingDataSource(DataSource connections) {
      this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return CachingConnection.of(connections.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return CachingConnection.of(connections.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return connections.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return connections.isWrapperFor(iface);
    }
  }

  /** A connection's calls, with {@code prepareStatement(sql)} served from its cache. */
  private static final class CachingConnection implements InvocationHandler {
    private final Connection connection;
    private final Map<String, CachedStatement> statements =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
            if (size() <= SIZE) {
              return false;
            }
            eldest.getValue().evict();
            return true;
          }
        };

    private CachingConnection(Connection connection) {
      this.connection = connection;
    }

    static Connection of(Connection connection) {
      return Proxies.of(Connection.class, new CachingConnection(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
      switch (method.getName()) {
        case "prepareStatement":
          if (args != null && args.length == 1) {
            return prepare((String) args[0], proxy);
          }
          break;
        case "close":
          for (CachedStatement s : statements.values()) {
            s.evict();
          }
          statements.clear();
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

    private PreparedStatement prepare(String sql, Object proxy) throws SQLException {
      CachedStatement cached = statements.get(sql);
      if (cached == null || cached.inUse) {
        PreparedStatement s = connection.prepareStatement(sql);
        if (cached != null) {
          // The cached one is open elsewhere on this connection: this one is not kept.
          return new CachedStatement(s, proxy, null).open();
        }
        cached = new CachedStatement(s, proxy, sql);
        statements.put(sql, cached);
      }
      return cached.open();
    }

    /** Forgets {@code s}, which has been closed. */
    void forget(CachedStatement s) {
      statements.remove(s.sql, s);
    }

    /** A backend statement, lent out as a proxy from {@link #open()} to its {@code close}. */
    private final class CachedStatement implements InvocationHandler {
      private final PreparedStatement statement;
      private final Object connectionProxy;
      /** Null for a statement not kept. */
      private final @Nullable String sql;
      /** Whether its close keeps it for the next prepare; not once evicted. */
      private boolean kept;
      private boolean inUse;
      private boolean clean;
      private @Nullable ResultSet resultSet;
      private @Nullable Object lent;

      CachedStatement(PreparedStatement statement, Object connectionProxy,
          @Nullable String sql) {
        this.statement = statement;
        this.connectionProxy = connectionProxy;
        this.sql = sql;
        this.kept = sql != null;
      }

      PreparedStatement open() {
        inUse = true;
        clean = true;
        resultSet = null;
        PreparedStatement proxy = Proxies.of(PreparedStatement.class, this);
        lent = proxy;
        return proxy;
      }

      @Override
      public Object invoke(Object proxy, Method method, @Nullable Object[] args)
          throws Throwable {
        String name = method.getName();
        if (name.equals("equals")) {
          return proxy == args[0];
        }
        if (name.equals("hashCode")) {
          return System.identityHashCode(proxy);
        }
        if (proxy != lent) {
          // A proxy lent earlier and closed: it behaves as a closed statement.
          switch (name) {
            case "isClosed":
              return true;
            case "close":
              return null;
            default:
              throw new SQLException("The statement is closed", "HY010");
          }
        }
        switch (name) {
          case "close":
            close();
            return null;
          case "getConnection":
            return connectionProxy;
          default:
            break;
        }
        clean &= leavesNoTrace(method);
        Object result = Proxies.invoke(statement, method, args);
        if (result instanceof ResultSet rs) {
          resultSet = rs;
        }
        return result;
      }

      private void close() throws SQLException {
        lent = null;
        inUse = false;
        if (!kept || !clean) {
          forget(this);
          statement.close();
          return;
        }
        try {
          if (resultSet != null) {
            resultSet.close();
            resultSet = null;
          }
          statement.clearParameters();
        } catch (SQLException | RuntimeException e) {
          forget(this);
          statement.close();
          throw e;
        }
      }

      /** Closes the backend statement, or lets its close do it if it is lent out. */
      void evict() {
        kept = false;
        if (inUse) {
          return;
        }
        try {
          statement.close();
        } catch (SQLException e) {
          // Closing: the connection's close or the database reports anything that matters.
        }
      }
    }
  }
}

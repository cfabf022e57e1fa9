package io.mlmd4j.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a JDBC connection sends to its database: every statement execution, every batch
 * execution (one round trip on MySQL, which rewrites a batch into one multi-row statement), and
 * every {@code commit()} or {@code rollback()}. The counts are round trips to a server; on SQLite
 * they are calls into the engine. {@link #wrap} gives the counting connection.
 */
final class StatementCounter {

  private long roundTrips;
  private long batchedRows;
  private final Map<String, Long> bySql = new TreeMap<>();

  /** A connection that forwards to {@code connection} and counts through this counter. */
  Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(connection));
  }

  /** Statements, batches, commits and rollbacks sent so far. */
  long roundTrips() {
    return roundTrips;
  }

  /** Rows sent in batches so far. */
  long batchedRows() {
    return batchedRows;
  }

  /** The round trips so far by SQL text ({@code commit()} and {@code rollback()} by name). */
  Map<String, Long> bySql() {
    return Collections.unmodifiableMap(bySql);
  }

  private void count(String sql) {
    roundTrips++;
    bySql.merge(sql, 1L, Long::sum);
  }

  private static Object forward(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;

    ConnectionHandler(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object result = forward(connection, method, args);
      switch (method.getName()) {
        case "commit", "rollback" -> count(method.getName() + "()");
        default -> {
          if (result instanceof Statement statement
              && Statement.class.isAssignableFrom(method.getReturnType())) {
            // A prepared statement's SQL comes with its creation, a plain one's with each call.
            String sql = args != null && args.length > 0 && args[0] instanceof String text
                ? text : null;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {method.getReturnType()}, new StatementHandler(statement, sql));
          }
        }
      }
      return result;
    }
  }

  private final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private final String preparedSql;
    private long pending;

    StatementHandler(Statement statement, String preparedSql) {
      this.statement = statement;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("addBatch")) {
        pending++;
      } else if (name.equals("clearBatch")) {
        pending = 0;
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        if (pending > 0) { // an empty batch sends nothing
          count(preparedSql);
        }
        batchedRows += pending;
        pending = 0;
      } else if (name.startsWith("execute")) {
        count(preparedSql != null ? preparedSql : (String) args[0]);
      }
      return forward(statement, method, args);
    }
  }
}

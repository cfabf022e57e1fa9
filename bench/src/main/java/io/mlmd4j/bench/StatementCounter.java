package io.mlmd4j.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Counts what a JDBC connection sends to its database: every statement execution, every batch
 * execution (one round trip on MySQL, which rewrites a batch into one multi-row statement), and
 * every {@code commit()} or {@code rollback()}. The counts are round trips to a server; on SQLite
 * they are calls into the engine. {@link #wrap} gives the counting connection.
 */
final class StatementCounter {

  private long roundTrips;
  private long batchedRows;

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
        case "commit", "rollback" -> roundTrips++;
        default -> {
          if (result instanceof Statement statement
              && Statement.class.isAssignableFrom(method.getReturnType())) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {method.getReturnType()}, new StatementHandler(statement));
          }
        }
      }
      return result;
    }
  }

  private final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private long pending;

    StatementHandler(Statement statement) {
      this.statement = statement;
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
          roundTrips++;
        }
        batchedRows += pending;
        pending = 0;
      } else if (name.startsWith("execute")) {
        roundTrips++;
      }
      return forward(statement, method, args);
    }
  }
}

package org.apache.calcite.jdbc;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.server.CalciteServer;
import org.apache.calcite.server.CalciteServerStatement;

/**
 * A connection's table of open statements that threads may share. JDBC asks a connection to be
 * usable from several threads, and clients do it: SchemaCrawler reads the columns of many tables
 * at once on one connection. Calcite keeps the table in a plain {@code HashMap}, where a lookup
 * racing a resize misses its statement and two insertions can lose one.
 */
final class ConcurrentServer implements CalciteServer {

  private final Map<Integer, CalciteServerStatement> statements = new ConcurrentHashMap<>();

  /**
   * Puts a new table in place of Calcite's in a connection not yet used. Calcite makes its own in
   * a final field and offers no other way to supply one.
   */
  static void install(CalciteConnectionImpl connection) {
    try {
      Field server = CalciteConnectionImpl.class.getDeclaredField("server");
      server.setAccessible(true);
      server.set(connection, new ConcurrentServer());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Calcite's connection has no statement table to replace",
          e);
    }
  }

  @Override
  public void removeStatement(Meta.StatementHandle h) {
    statements.remove(h.id);
  }

  @Override
  public void addStatement(CalciteConnection connection, Meta.StatementHandle h) {
    CalciteServerStatement previous = statements.putIfAbsent(h.id,
        new CalciteConnectionImpl.CalciteServerStatementImpl((CalciteConnectionImpl) connection));
    if (previous != null) {
      throw new IllegalStateException("Statement id " + h.id + " is already in use");
    }
  }

  @Override
  public CalciteServerStatement getStatement(Meta.StatementHandle h)
      throws NoSuchStatementException {
    CalciteServerStatement statement = statements.get(h.id);
    if (statement == null) {
      throw new NoSuchStatementException(h);
    }
    return statement;
  }
}

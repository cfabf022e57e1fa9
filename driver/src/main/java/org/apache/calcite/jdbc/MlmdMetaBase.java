package org.apache.calcite.jdbc;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaConnection;

/**
 * The base of mlmd4j's {@code Meta}: Calcite's, constructible from outside Calcite's package,
 * for a connection that reads only and commits each statement on its own.
 */
public abstract class MlmdMetaBase extends CalciteMetaImpl {

  /** Statement ids; Avatica counts them with an unguarded {@code int}, which threads race on. */
  private final AtomicInteger statementIds = new AtomicInteger();

  protected MlmdMetaBase(AvaticaConnection connection) {
    super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
        CalciteMetaColumnFactoryImpl.INSTANCE);
    connProps.setAutoCommit(true).setReadOnly(true)
        .setTransactionIsolation(Connection.TRANSACTION_NONE);
    connProps.setDirty(false);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = new StatementHandle(ch.id, statementIds.getAndIncrement(), null);
    CalciteConnectionImpl calciteConnection = (CalciteConnectionImpl) connection;
    calciteConnection.server.addStatement(calciteConnection, h);
    return h;
  }
}

package org.apache.calcite.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.server.CalciteServerStatement;

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

  /**
   * Calcite's, less the {@code FrameworkConfig} it builds for each statement only to hand it to
   * {@code Hook.STRING_TO_QUERY}, which nothing in the driver hooks. Building it initializes
   * Calcite's convertlet and operator tables: 0.2 s of a fresh JVM whose first query's plan was
   * saved on disk (SavedPlans), and which otherwise never needs them.
   */
  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    CalcitePrepare.CalciteSignature<Object> signature;
    try {
      int updateCount;
      synchronized (callback.getMonitor()) {
        callback.clear();
        CalciteConnectionImpl calciteConnection = getConnection();
        CalciteServerStatement statement = calciteConnection.server.getStatement(h);
        signature = calciteConnection.parseQuery(CalcitePrepare.Query.of(sql),
            statement.createPrepareContext(), maxRowCount);
        statement.setSignature(signature);
        updateCount = switch (signature.statementType) {
          case CREATE, DROP, ALTER, OTHER_DDL -> 0;
          default -> -1;
        };
        callback.assign(signature, null, updateCount);
      }
      callback.execute();
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false,
          signature, null, updateCount)));
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }
}

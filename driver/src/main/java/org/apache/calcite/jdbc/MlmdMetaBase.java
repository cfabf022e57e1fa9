package org.apache.calcite.jdbc;

import java.sql.Connection;
import org.apache.calcite.avatica.AvaticaConnection;

/**
 * The base of mlmd4j's {@code Meta}: Calcite's, constructible from outside Calcite's package,
 * for a connection that reads only and commits each statement on its own.
 */
public abstract class MlmdMetaBase extends CalciteMetaImpl {

  protected MlmdMetaBase(AvaticaConnection connection) {
    super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
        CalciteMetaColumnFactoryImpl.INSTANCE);
    connProps.setAutoCommit(true).setReadOnly(true)
        .setTransactionIsolation(Connection.TRANSACTION_NONE);
    connProps.setDirty(false);
  }
}

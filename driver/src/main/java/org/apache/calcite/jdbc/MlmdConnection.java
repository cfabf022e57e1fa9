package org.apache.calcite.jdbc;

import io.mlmd4j.jdbc.impl.ReadOnlySql;
import io.mlmd4j.jdbc.impl.SqlErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A connection of mlmd4j's driver: Calcite's, plus {@code unwrap} to the store it reads, read-only
 * SQL, errors with SQLStates, and a close that closes its statements and releases the store.
 */
public final class MlmdConnection extends CalciteConnectionImpl {

  private @Nullable Object store;
  private @Nullable Runnable release;

  MlmdConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
      @Nullable CalciteSchema rootSchema, @Nullable JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
  }

  /**
   * Attaches the store this connection reads: {@code unwrap} returns it, and {@code release} runs
   * once when the connection closes.
   */
  public void attach(Object store, Runnable release) {
    this.store = store;
    this.release = release;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (store != null && iface.isInstance(store)) {
      checkOpen();
      return iface.cast(store);
    }
    return super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return store != null && iface.isInstance(store) || super.isWrapperFor(iface);
  }

  @Override
  public CalcitePreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkOpen();
    ReadOnlySql.check(sql);
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Always true: the connection reads only, whatever a pool sets ({@code setReadOnly} hints). */
  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return true;
  }

  /** Ignored: the connection reads only (writes go through {@code MetadataStore}). */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
  }

  /** Empty: no user-defined type is mapped (schema browsers ask). */
  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new HashMap<>();
  }

  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw SqlErrors.closed("Connection");
    }
  }

  @Override
  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    try {
      List<AvaticaStatement> open = new ArrayList<>(statementMap.values());
      for (AvaticaStatement s : open) {
        s.close();
      }
      super.close();
    } finally {
      Runnable r = release;
      release = null;
      if (r != null) {
        r.run();
      }
    }
  }
}

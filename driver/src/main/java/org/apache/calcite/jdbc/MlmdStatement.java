package org.apache.calcite.jdbc;

import io.mlmd4j.jdbc.impl.QueryControl;
import io.mlmd4j.jdbc.impl.ReadOnlySql;
import io.mlmd4j.jdbc.impl.SqlErrors;
import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement of mlmd4j's driver: Calcite's, with read-only SQL, errors with SQLStates, and a
 * cancel and query timeout that stop the query in the backend.
 */
public final class MlmdStatement extends CalciteStatement implements MlmdJdbcFactory.Controlled {

  private final QueryControl control = new QueryControl(cancelFlag);

  MlmdStatement(CalciteConnectionImpl connection, Meta.@Nullable StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** Every {@code execute*(String)} comes here. */
  @Override
  protected void executeInternal(String sql) throws SQLException {
    ReadOnlySql.check(sql);
    control.execute(getQueryTimeout(), () -> {
      super.executeInternal(sql);
      return null;
    });
  }

  @Override
  public QueryControl control() {
    return control;
  }

  /** Stops the query in the backend first: Calcite's cancel waits for the execution to end. */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    control.cancel();
    super.cancel();
  }

  @Override
  protected void close_() {
    control.finish();
    super.close_();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    ReadOnlySql.check(sql);
    super.addBatch(sql);
  }

  /** An LQL statement's further {@code RETURN} items are its further result sets. */
  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current == CLOSE_CURRENT_RESULT
        && openResultSet instanceof MlmdJdbcFactory.MlmdResultSet open
        && open.hasNextLqlResult()) {
      openResultSet = open.nextLqlResult();
      return true;
    }
    boolean more = super.getMoreResults(current);
    if (current == CLOSE_CURRENT_RESULT) {
      openResultSet = null; // closed: JDBC wants getResultSet() to say there is none
    }
    return more;
  }

  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed() || connection.isClosed()) {
      throw SqlErrors.closed("Statement");
    }
  }
}

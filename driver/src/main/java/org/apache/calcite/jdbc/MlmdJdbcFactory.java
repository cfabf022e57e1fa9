package org.apache.calcite.jdbc;

import io.mlmd4j.jdbc.impl.LqlSignature;
import io.mlmd4j.jdbc.impl.QueryControl;
import io.mlmd4j.jdbc.impl.SqlErrors;
import io.mlmd4j.storage.Cancellation;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The JDBC objects of mlmd4j's driver: Calcite's, with mlmd4j's connection, statement and result
 * set classes. It lives in Calcite's package because Calcite's connection and statement classes
 * can only be extended from there; everything mlmd4j-specific they do is in
 * {@code io.mlmd4j.jdbc.impl}. Avatica creates it by name.
 */
public class MlmdJdbcFactory extends CalciteFactory {

  public MlmdJdbcFactory() {
    super(4, 1);
  }

  @Override
  public MlmdConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory,
      String url, Properties info, @Nullable CalciteSchema rootSchema,
      @Nullable JavaTypeFactory typeFactory) {
    return new MlmdConnection((Driver) driver, factory, url, info, rootSchema, typeFactory);
  }

  @Override
  public MlmdStatement newStatement(AvaticaConnection connection,
      Meta.@Nullable StatementHandle h, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) {
    return new MlmdStatement((CalciteConnectionImpl) connection, h, resultSetType,
        resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new MlmdDatabaseMetaData(connection);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection,
      Meta.@Nullable StatementHandle h, Meta.Signature signature, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return new MlmdPreparedStatement((CalciteConnectionImpl) connection, h,
        (CalcitePrepare.CalciteSignature<?>) signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement,
      Meta.Signature signature) {
    return new AvaticaResultSetMetaData(statement, null, signature);
  }

  @Override
  public CalciteResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    ResultSetMetaData metaData = newResultSetMetaData(statement, signature);
    return new MlmdResultSet(statement, (CalcitePrepare.CalciteSignature<?>) signature, metaData,
        timeZone, firstFrame);
  }

  /**
   * Avatica's database metadata, whose lists come from the driver's {@code Meta}; it answers the
   * capability questions Avatica leaves open (for read-only result sets, nothing changes under
   * them) and says what the driver cannot do: qualify names with a catalog, run update batches.
   */
  static final class MlmdDatabaseMetaData extends AvaticaDatabaseMetaData {
    MlmdDatabaseMetaData(AvaticaConnection connection) {
      super(connection);
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
      return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
      return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
      return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
      return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
      return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
      return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
      return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
      return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
      return false;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) throws SQLException {
      return holdability == getResultSetHoldability();
    }

    @Override
    public boolean supportsBatchUpdates() {
      return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
      return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
      return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
      return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
      return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
      return false;
    }
  }

  /** A statement of the driver, with its cancel and timeout. */
  interface Controlled {
    QueryControl control();
  }

  /**
   * A prepared statement whose calls after close fail with an SQLState, and whose cancel and
   * query timeout stop the query in the backend.
   */
  static final class MlmdPreparedStatement extends CalcitePreparedStatement
      implements Controlled {

    private final QueryControl control = new QueryControl(cancelFlag);

    MlmdPreparedStatement(CalciteConnectionImpl connection, Meta.@Nullable StatementHandle h,
        CalcitePrepare.CalciteSignature<?> signature, int resultSetType, int resultSetConcurrency,
        int resultSetHoldability) throws SQLException {
      super(connection, h, signature, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    }

    @Override
    protected void checkOpen() throws SQLException {
      if (isClosed() || connection.isClosed()) {
        throw SqlErrors.closed("PreparedStatement");
      }
    }

    @Override
    public QueryControl control() {
      return control;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
      return control.execute(getQueryTimeout(), super::executeQuery);
    }

    @Override
    public boolean execute() throws SQLException {
      return control.execute(getQueryTimeout(), super::execute);
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
    public boolean getMoreResults(int current) throws SQLException {
      checkOpen();
      if (current == CLOSE_CURRENT_RESULT && openResultSet instanceof MlmdResultSet open
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
  }

  /**
   * A result set whose calls after close fail with an SQLState; the rows it reads run in its
   * statement's execution, which a cancel or timeout stops and its close ends.
   */
  static final class MlmdResultSet extends CalciteResultSet {
    private final QueryControl control;
    private final @Nullable Cancellation execution;

    MlmdResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature<?> signature,
        ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame)
        throws SQLException {
      super(statement, signature, metaData, timeZone, firstFrame);
      // Every statement of the driver is one: metadata's result sets come from one too.
      this.control = ((Controlled) statement).control();
      this.execution = control.current();
    }

    @Override
    protected void checkOpen() throws SQLException {
      if (isClosed()) {
        throw SqlErrors.closed("ResultSet");
      }
    }

    /**
     * Reads a row in the statement's execution. Rows computed in the driver can fail as they
     * are read (a division by zero, say).
     */
    @Override
    public boolean next() throws SQLException {
      return control.resume(super::next);
    }

    @Override
    public void close() {
      super.close();
      control.finish(execution);
    }

    /** Whether this is a result set of an LQL statement that has another after it. */
    boolean hasNextLqlResult() {
      return signature instanceof LqlSignature lql && lql.hasNext();
    }

    /**
     * Closes this result set and returns the next one of its LQL statement, read from the same
     * run of the statement.
     */
    MlmdResultSet nextLqlResult() throws SQLException {
      LqlSignature next = ((LqlSignature) signature).next();
      MlmdResultSet rs = new MlmdResultSet(statement, next,
          new AvaticaResultSetMetaData(statement, null, next), localCalendar.getTimeZone(),
          null);
      close();
      return control.resume(() -> {
        rs.execute();
        return rs;
      });
    }
  }
}

package io.mlmd4j.jdbc.impl;

import io.mlmd4j.MlmdException;
import io.mlmd4j.grammar.QuerySyntaxException;
import io.mlmd4j.storage.Cancellation;
import io.mlmd4j.storage.Dialect;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns what Calcite throws into SQLExceptions with SQLStates: an LQL syntax error is 42601 with
 * its line and column, an SQL parse error 42000 with its line and column, a query naming a
 * missing table or column (or otherwise invalid) is 42000 with the position of the offending
 * text, a failure of the backend keeps the backend's SQLState, an arithmetic error computed in
 * the driver is a data exception (22012 division by zero, 22003 out of range, 22018 a string
 * that is not a number), a statement beyond a limit of the database 54000, a value the store
 * refuses (INVALID_ARGUMENT) 22023, an unsupported feature is 0A000, the client running out of
 * memory HY001 (whoever reports it), anything else HY000.
 */
public final class SqlErrors {

  /** SQLState 42000: syntax error or access rule violation. */
  public static final String SYNTAX = "42000";
  /** SQLState 42601: syntax error, which an LQL statement's errors are. */
  public static final String LQL_SYNTAX = "42601";
  /** SQLState 0A000: feature not supported. */
  public static final String UNSUPPORTED = "0A000";
  /** SQLState HY000: general error. */
  public static final String GENERAL = "HY000";
  /** SQLState 22012: division by zero. */
  public static final String DIVISION_BY_ZERO = "22012";
  /** SQLState 22003: numeric value out of range. */
  public static final String OUT_OF_RANGE = "22003";
  /** SQLState 22018: invalid character value for cast. */
  public static final String INVALID_NUMBER = "22018";
  /** SQLState 54000: program limit exceeded (a statement too long or too complex). */
  public static final String LIMIT_EXCEEDED = "54000";
  /** SQLState 22023: invalid parameter value. */
  public static final String INVALID_VALUE = "22023";
  /** SQLState HYT00: timeout expired. */
  public static final String TIMEOUT = "HYT00";
  /** SQLState 57014: query canceled. */
  public static final String CANCELLED = Cancellation.SQL_STATE;
  /** SQLState HY001: memory allocation error, here the client's. */
  public static final String OUT_OF_MEMORY = "HY001";
  /** SQLState 08003: connection does not exist. */
  public static final String NO_CONNECTION = "08003";
  /** SQLState 55000: object not in prerequisite state (a closed statement or result set). */
  public static final String NOT_IN_STATE = "55000";

  private SqlErrors() {}

  /** The error that a call on a closed object raises. */
  public static SQLException closed(String what) {
    return what.equals("Connection")
        ? new SQLNonTransientConnectionException("Connection is closed", NO_CONNECTION)
        : new SQLException(what + " is closed", NOT_IN_STATE);
  }

  /**
   * The SQLException to report for what executing or reading a statement threw: Avatica wraps
   * runtime exceptions, but not those raised while reading rows, nor the
   * {@code ExceptionInInitializerError} of Calcite's generated code when it computes a constant
   * (as in {@code SELECT 1/0}), nor an {@code OutOfMemoryError} (of a sort or an aggregate the
   * JVM computes over too many rows).
   */
  public static SQLException translateThrown(Throwable e) {
    return translate(e instanceof SQLException s ? s : new SQLException(e.getMessage(), e));
  }

  /** The SQLException to report for {@code e}, which Calcite or Avatica raised. */
  public static SQLException translate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        // Calcite recurses over expressions: a chain of ORs is a tree as deep as the chain. The
        // stack unwound; the overflow's own trace says nothing to the caller.
        return new SQLException("The statement is too complex to plan: its expressions nest or"
            + " chain too deep (for a long list of values, use IN (...))", LIMIT_EXCEEDED);
      }
      if (t instanceof OutOfMemoryError m) {
        // Connector/J reports it as a failed query with an SQLState of its own.
        return new SQLException("The client ran out of memory running the query (" + m.getMessage()
            + "): give the JVM a larger heap, or have the query return or hold fewer rows",
            OUT_OF_MEMORY, e);
      }
    }
    if (e.getSQLState() != null) {
      return e;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof QuerySyntaxException q) {
        return new SQLSyntaxErrorException("LQL syntax error: " + q.getMessage(), LQL_SYNTAX,
            e);
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SqlParseException p) {
        String message = firstLine(p.getMessage());
        if (p.getPos() != null && !message.contains("line ")) {
          message += " (line " + p.getPos().getLineNum() + ", column "
              + p.getPos().getColumnNum() + ")";
        }
        return new SQLSyntaxErrorException("Syntax error: " + message, SYNTAX, e);
      }
      if (t instanceof CalciteContextException c) {
        return new SQLSyntaxErrorException(c.getMessage(), SYNTAX, e);
      }
      if (t instanceof SQLException backend && isLimitExceeded(backend)
          || t instanceof MlmdException m && m.code() == MlmdException.Code.RESOURCE_EXHAUSTED) {
        return new SQLException("The query exceeds a limit of the database: " + t.getMessage(),
            LIMIT_EXCEEDED, e);
      }
      if (t instanceof MlmdException m && m.code() == MlmdException.Code.INVALID_ARGUMENT) {
        return new SQLDataException(t.getMessage(), INVALID_VALUE, e);
      }
      if (t instanceof SQLException backend && backend.getSQLState() != null) {
        return new SQLException("The database failed the query: " + backend.getMessage(),
            backend.getSQLState(), backend.getErrorCode(), e);
      }
      if (t instanceof ArithmeticException a) {
        boolean byZero = String.valueOf(a.getMessage()).contains("by zero");
        // Caused by the arithmetic itself: the wrappers between hold no more (one of them, an
        // ExceptionInInitializerError of Calcite's generated code, would read as a crash).
        return new SQLDataException(byZero ? "Division by zero" : a.getMessage(),
            byZero ? DIVISION_BY_ZERO : OUT_OF_RANGE, a);
      }
      if (t instanceof NumberFormatException n) {
        return new SQLDataException("Not a number: " + n.getMessage(), INVALID_NUMBER, n);
      }
      if (t instanceof UnsupportedOperationException) {
        return new SQLFeatureNotSupportedException(e.getMessage(), UNSUPPORTED, e);
      }
    }
    return new SQLException(e.getMessage(), GENERAL, e);
  }

  /** A backend's refusal of a statement beyond one of its limits, on either backend. */
  private static boolean isLimitExceeded(SQLException backend) {
    for (Dialect d : Dialect.values()) {
      if (d.isLimitExceeded(backend)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}

package io.mlmd4j.grammar;

import java.util.List;
import java.util.Objects;

/**
 * A filter query or LQL statement that is not well formed, or names something that does not
 * exist where it is used: an unknown attribute, a neighbour the node kind does not have, an
 * unknown enum name, operands of the wrong type, an unterminated string. It says where (line and
 * column, both counted from 1, of the first offending character) and, when there is a fixed
 * choice, what would have been accepted there. Callers that speak MLMD's status codes report it
 * as INVALID_ARGUMENT.
 */
public final class QuerySyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int line;
  private final int column;
  private final List<String> expected;

  /**
   * @param reason what is wrong, without the position
   * @param line line of the offending text, from 1
   * @param column column of the offending text in its line, from 1
   * @param expected what would have been accepted there, possibly nothing
   */
  public QuerySyntaxException(String reason, int line, int column, List<String> expected) {
    super(message(reason, line, column, expected));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.line = line;
    this.column = column;
    this.expected = List.copyOf(expected);
  }

  private static String message(String reason, int line, int column, List<String> expected) {
    String message = "line " + line + ":" + column + ": " + reason;
    if (expected.size() == 1) {
      return message + "; expected " + expected.get(0);
    } else if (!expected.isEmpty()) {
      return message + "; expected one of " + String.join(", ", expected);
    }
    return message;
  }

  /** What is wrong, without the position, e.g. "unknown attribute 'unknown_field'". */
  public String reason() {
    return reason;
  }

  /** The line of the offending text, counted from 1. */
  public int line() {
    return line;
  }

  /** The column of the offending text in its line, counted from 1. */
  public int column() {
    return column;
  }

  /** What would have been accepted at that position, as written in a query; may be empty. */
  public List<String> expected() {
    return expected;
  }
}

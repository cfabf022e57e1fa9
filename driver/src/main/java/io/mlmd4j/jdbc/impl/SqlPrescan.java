package io.mlmd4j.jdbc.impl;

import io.mlmd4j.grammar.Nesting;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Refuses, before Calcite's parser, SQL it would fail on badly: text nested deeper than
 * {@link Nesting#MAX_DEPTH}, counted as for LQL (1,000 nested parentheses overflowed the stack
 * of the parser, validator and planner), and text with no statement at all (Calcite's parser
 * failed on it with an index out of bounds). Strings, quoted names and comments are skipped.
 */
final class SqlPrescan {

  private SqlPrescan() {}

  /**
   * @throws RuntimeException whose cause is a {@link SqlParseException} at the character one
   *     level too deep, or at the start of a text with no statement, as Calcite reports a
   *     syntax error
   */
  static void check(String sql) {
    boolean statement = false;
    Nesting nesting = new Nesting();
    int line = 1;
    int lineStart = 0;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      i++;
      if (c == '\n') {
        line++;
        lineStart = i;
        continue;
      } else if (Character.isWhitespace(c)) {
        continue;
      } else if (c == '-' && sql.startsWith("-", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      } else if (c == '/' && sql.startsWith("*", i)) {
        int end = sql.indexOf("*/", i + 1);
        end = end < 0 ? n : end + 2;
        for (; i < end; i++) {
          if (sql.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        continue;
      }
      statement = true;
      if (c == '\'' || c == '"' || c == '`') {
        // A quote doubled inside is the quote itself: the text goes on.
        while (i < n && (sql.charAt(i) != c || sql.startsWith(String.valueOf(c), i + 1))) {
          if (sql.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
          i += sql.charAt(i) == c ? 2 : 1;
        }
        i++;
        nesting.other();
      } else if (c == '(') {
        nesting.open();
      } else if (c == ')') {
        nesting.close();
      } else if (c == '-') {
        nesting.prefix();
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        if (i - start == 3 && sql.regionMatches(true, start, "NOT", 0, 3)) {
          nesting.prefix();
        } else {
          nesting.other();
        }
      } else {
        nesting.other();
      }
      if (nesting.tooDeep()) {
        SqlParserPos pos = new SqlParserPos(line, start - lineStart + 1);
        throw new RuntimeException("parse failed: " + Nesting.TOO_DEEP,
            new SqlParseException(Nesting.TOO_DEEP, pos, null, null, null));
      }
    }
    if (!statement) {
      String empty = "Empty statement: the text holds no SQL";
      throw new RuntimeException("parse failed: " + empty,
          new SqlParseException(empty, new SqlParserPos(1, 1), null, null, null));
    }
  }
}

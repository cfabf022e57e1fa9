package io.mlmd4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a statement of the shell ends: at a {@code ;} that is not inside a quoted string or
 * identifier ({@code '...'}, {@code "..."}, {@code `...`}) or a comment ({@code -- ...},
 * {@code /* ... *}{@code /}) and is followed by nothing but blanks and comments.
 */
final class StatementText {

  /** {@link #lastCodeChar}'s answers when there is no such character. */
  private static final int NONE = -1;
  private static final int OPEN = -2;

  private StatementText() {}

  /** Whether {@code text} holds a whole statement: it ends with a terminating {@code ;}. */
  static boolean isComplete(String text) {
    return terminator(text) >= 0;
  }

  /**
   * The statement without its terminating {@code ;} and the blanks and comments after it; the
   * text, trimmed, when there is no terminator.
   */
  static String strip(String text) {
    int end = terminator(text);
    return (end < 0 ? text : text.substring(0, end)).trim();
  }

  /**
   * The statements of {@code text}, split at each {@code ;} outside strings and comments,
   * trimmed and without their {@code ;}; those holding nothing but blanks and comments are left
   * out. An unclosed string or comment runs to the end.
   */
  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int after = skip(text, i);
      if (after == OPEN) {
        break;
      } else if (after > i) {
        i = after;
      } else {
        if (text.charAt(i) == ';') {
          add(statements, text.substring(start, i));
          start = i + 1;
        }
        i++;
      }
    }
    add(statements, text.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    if (!isBlank(statement)) {
      statements.add(statement.trim());
    }
  }

  /**
   * The index after a string or comment starting at {@code i}: {@code i} if none starts there,
   * {@link #OPEN} if it is not closed (a {@code --} comment closes at the text's end).
   */
  private static int skip(String text, int i) {
    char c = text.charAt(i);
    if (isQuote(c)) {
      int close = text.indexOf(c, i + 1);
      return close < 0 ? OPEN : close + 1;
    }
    if (text.startsWith("--", i)) {
      int nl = text.indexOf('\n', i);
      return nl < 0 ? text.length() : nl + 1;
    }
    if (text.startsWith("/*", i)) {
      int close = text.indexOf("*/", i + 2);
      return close < 0 ? OPEN : close + 2;
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '`';
  }

  /** Whether the text holds nothing but blanks and (closed) comments. */
  static boolean isBlank(String text) {
    return lastCodeChar(text) == NONE;
  }

  /** The index of the terminating {@code ;}, or -1. */
  private static int terminator(String text) {
    int last = lastCodeChar(text);
    return last >= 0 && text.charAt(last) == ';' ? last : -1;
  }

  /**
   * The index of the last character outside comments that is not blank; {@link #NONE} when there
   * is none, {@link #OPEN} when a string or comment is still open at the end.
   */
  private static int lastCodeChar(String text) {
    int last = NONE;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int after = skip(text, i);
      if (after == OPEN) {
        return OPEN;
      } else if (after > i) {
        if (isQuote(text.charAt(i))) {
          last = after - 1;
        }
        i = after;
      } else {
        if (!Character.isWhitespace(text.charAt(i))) {
          last = i;
        }
        i++;
      }
    }
    return last;
  }
}

package io.mlmd4j.jdbc.impl;

import java.util.Locale;

/**
 * Tells LQL from SQL by the first word: an LQL statement starts with {@code LINEAGE} or
 * {@code CACHED}, which no SQL statement does. Whitespace and comments ({@code --} to the end of
 * the line, {@code /* ... *}{@code /}) before it are skipped; case does not matter.
 */
final class LqlText {

  private LqlText() {}

  /** Whether {@code sql} is an LQL statement rather than SQL. */
  static boolean isLql(String sql) {
    int start = Blanks.skip(sql, 0);
    int end = start;
    while (end < sql.length() && isWordChar(sql.charAt(end))) {
      end++;
    }
    String word = sql.substring(start, end).toUpperCase(Locale.ROOT);
    return word.equals("LINEAGE") || word.equals("CACHED");
  }

  /**
   * The statement as LQL's parser takes it: block comments before the first word, which LQL
   * lacks, are blanked, keeping every other character where it was so that the parser's lines
   * and columns are those of the text the user wrote.
   */
  static String forParser(String sql) {
    int start = Blanks.skip(sql, 0);
    StringBuilder b = new StringBuilder(sql.length());
    for (int i = 0; i < start; i++) {
      char c = sql.charAt(i);
      b.append(c == '\n' || c == '\r' ? c : ' ');
    }
    return b.append(sql, start, sql.length()).toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}

package io.mlmd4j.jdbc.impl;

/** What may come before a statement's first word: whitespace and SQL's (and LQL's) comments. */
final class Blanks {

  private Blanks() {}

  /**
   * The index of the first character at or after {@code from} that is neither whitespace nor
   * part of a comment ({@code --} to the end of the line, {@code /* ... *}{@code /}); the text's
   * length if there is none.
   */
  static int skip(String text, int from) {
    int i = from;
    int n = text.length();
    while (i < n) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    return i;
  }
}

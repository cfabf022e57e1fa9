package io.mlmd4j.fuzz;

/** Fuzz inputs as a person can read them in a test report: escaped, and long ones cut. */
final class Texts {

  private Texts() {}

  /** {@code s} cut to about {@code max} characters, keeping its start and end. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int half = max / 2;
    return s.substring(0, half) + " ...[" + (s.length() - 2 * half) + " more chars]... "
        + s.substring(s.length() - half);
  }

  /**
   * {@code s} as a Java string literal's content: control characters, backslashes, non-ASCII
   * and lone surrogates escaped, so the report's text is exactly the input.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            b.append(c);
          } else {
            b.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return b.toString();
  }

  /** {@code s} escaped and cut, for a one-screen report. */
  static String show(String s) {
    return "\"" + shorten(escape(s), 400) + "\" (" + s.length() + " chars)";
  }
}

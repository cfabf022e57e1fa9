package io.mlmd4j.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The leaves that break parsers and SQL generators: quotes and backslashes (SQL injection on
 * MySQL, which reads backslash escapes), NUL, lone surrogates, odd unicode, very long text,
 * numbers at and past the 64-bit and double limits, keywords used as names.
 */
final class Hostile {

  private Hostile() {}

  /** String values, to be quoted by the language under test. */
  static final List<String> STRINGS = List.of(
      "", " ", "a", "'", "\"", "''", "\\", "\\\\", "\\'", "'\\", "\\\"",
      "a\\' OR 1=1 -- ", "' OR '1'='1", "\\' OR 1=1 #", "x\\", "%", "_", "%_%", "\\%", "\\_",
      "\u0000", "a\u0000b", "\uD800", "\uDC00", "a\uDBFFb", "\uD83D\uDE00", "\u202Eevil",
      "\uFEFF", "\u00e9t\u00e9", "\u0301", "\uFFFF", "\u2028", "\n", "\r\n", "\t", "\u0085",
      "NULL", "null", "NaN", "Infinity", "-Infinity", "1e309", "true", "SELECT", "DROP TABLE",
      "mlmd-struct::", "`", "``", "$1", "?", "--", "/*", "*/", "; DELETE FROM Artifact");

  /** Numbers as written in a query. */
  static final List<String> NUMBERS = List.of(
      "0", "1", "-1", "00", "0.0", "-0.0", ".5", "2.", "1e3", "1E-3", "1e", "1e+", "1.5e308",
      "1e309", "-1e309", "1e-400", "4.9e-324", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "-9223372036854775809", "18446744073709551616",
      "99999999999999999999999999999999999999", "2147483647", "2147483648", "-2147483649",
      "0x10", "1_000", "NaN", "Infinity");

  /** Names that are keywords, or otherwise unusual, where a name is expected. */
  static final List<String> NAMES = List.of(
      "id", "name", "type", "AND", "OR", "NOT", "NULL", "TRUE", "select", "from", "where",
      "order", "group", "LINEAGE", "MAX", "HOPS", "RETURN", "CACHED", "x", "_", "__", "a1",
      "NaN", "\u00e9", "\u0130", "properties", "custom_properties", "events_", "contexts_");

  static String string(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> repeat(pick(r, STRINGS), 1 + r.nextInt(5000));
      case 1 -> randomChars(r, 1 + r.nextInt(40));
      case 2 -> pick(r, STRINGS) + pick(r, STRINGS);
      default -> pick(r, STRINGS);
    };
  }

  static String number(Random r) {
    return r.nextInt(10) == 0 ? "9".repeat(1 + r.nextInt(5000)) : pick(r, NUMBERS);
  }

  static String name(Random r) {
    return r.nextInt(8) == 0 ? "n".repeat(1 + r.nextInt(3000)) : pick(r, NAMES);
  }

  /** Characters from the troublesome ranges: ASCII punctuation, controls, surrogates. */
  static String randomChars(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(switch (r.nextInt(6)) {
        case 0 -> (char) r.nextInt(0x20);
        case 1 -> (char) (0xD800 + r.nextInt(0x800));
        case 2 -> (char) (0x80 + r.nextInt(0x700));
        case 3 -> "'\"\\`%_;-*/()".charAt(r.nextInt(12));
        default -> (char) (0x20 + r.nextInt(0x5f));
      });
    }
    return b.toString();
  }

  static String repeat(String s, int times) {
    return s.isEmpty() ? "" : s.repeat(Math.max(1, Math.min(times, 20_000 / s.length())));
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}

package io.mlmd4j.grammar;

import io.mlmd4j.grammar.antlr.LqlParser;
import java.math.BigInteger;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Values of literal tokens and names: numbers in range, escapes decoded. */
final class Literals {

  private static final List<String> ESCAPES = List.of("\\n", "\\t", "\\r", "\\b", "\\f", "\\v",
      "\\a", "\\\\", "\\'", "\\\"", "\\`", "\\?", "\\xhh", "\\uhhhh", "\\Uhhhhhhhh", "\\ooo");

  private Literals() {
  }

  /** The value of an INTEGER token, negated if {@code negative}. */
  static long integer(Token token, boolean negative) {
    BigInteger value = new BigInteger(token.getText());
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      throw Parsing.error(token, "integer out of range", List.of());
    }
    return value.longValue();
  }

  /** The value of a FLOAT token, negated if {@code negative}. */
  static double decimal(Token token, boolean negative) {
    double value = Double.parseDouble(token.getText());
    if (Double.isInfinite(value)) {
      throw Parsing.error(token, "number out of range", List.of());
    }
    return negative ? -value : value;
  }

  /** The text of a STRING token, quotes removed and escapes decoded. */
  static String string(Token token) {
    return unquote(token, 0, token.getText());
  }

  /** The name an identifier stands for: its text, or a quoted name's content. */
  static String name(LqlParser.IdentifierContext identifier) {
    Token token = identifier.getStart();
    return identifier.QUOTED_IDENTIFIER() != null
        ? unquote(token, 0, token.getText()) : token.getText();
  }

  /**
   * The content of {@code quoted}, a string or quoted name found {@code offset} characters into
   * {@code token}, without its quotes and with its escapes decoded (those of ZetaSQL, MLMD's
   * filter parser).
   */
  static String unquote(Token token, int offset, String quoted) {
    StringBuilder b = new StringBuilder(quoted.length());
    int end = quoted.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      int start = i;
      char kind = quoted.charAt(++i);
      switch (kind) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'v' -> b.append('\u000b');
        case 'a' -> b.append('\u0007');
        case '\\', '\'', '"', '`', '?' -> b.append(kind);
        case 'x', 'X' -> {
          b.append((char) number(token, offset + start, quoted, i + 1, end, 2, 16));
          i += 2;
        }
        case 'u', 'U' -> {
          int digits = kind == 'u' ? 4 : 8;
          int codePoint = number(token, offset + start, quoted, i + 1, end, digits, 16);
          if (!Character.isValidCodePoint(codePoint)
              || Character.getType(codePoint) == Character.SURROGATE) {
            throw Parsing.error(token, offset + start, "escape "
                + quoted.substring(start, i + 1 + digits) + " is not a character", List.of());
          }
          b.appendCodePoint(codePoint);
          i += digits;
        }
        case '0', '1', '2', '3' -> {
          b.append((char) number(token, offset + start, quoted, i, end, 3, 8));
          i += 2;
        }
        default -> throw Parsing.error(token, offset + start,
            "unknown escape \\" + kind, ESCAPES);
      }
    }
    return b.toString();
  }

  /** The number in {@code digits} digits of {@code radix} at {@code from}, before {@code end}. */
  private static int number(Token token, int errorOffset, String text, int from, int end,
      int digits, int radix) {
    long value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = i < end ? text.charAt(i) : '\0';
      if (c >= 128 || Character.digit(c, radix) < 0) {
        throw Parsing.error(token, errorOffset, "escape needs " + digits
            + (radix == 16 ? " hex" : " octal") + " digits", ESCAPES);
      }
      value = value * radix + Character.digit(c, radix);
    }
    // Past the largest code point either way; the caller rejects it.
    return (int) Math.min(value, Integer.MAX_VALUE);
  }
}

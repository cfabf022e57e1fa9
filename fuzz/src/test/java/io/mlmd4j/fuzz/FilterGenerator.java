package io.mlmd4j.fuzz;

import io.mlmd4j.grammar.ast.Attribute;
import io.mlmd4j.grammar.ast.NeighbourKind;
import io.mlmd4j.grammar.ast.NodeKind;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random filter queries built from the grammar's productions (grammar/README.md), with the
 * store's own type, property and node names so that many of them match rows, and hostile
 * leaves ({@link Hostile}) so that many probe the edges. The grammar module's AST supplies the
 * attributes, neighbours and enum names of each kind of node.
 */
final class FilterGenerator {

  private static final List<String> COMPARISONS = List.of("=", "!=", "<>", "<", "<=", ">", ">=");
  private static final List<String> FIELDS =
      List.of("int_value", "double_value", "string_value", "bool_value");

  /** The longest {@code IN} list generated. */
  static final int MAX_LIST = 2000;

  private final Vocabulary words;

  FilterGenerator(Vocabulary words) {
    this.words = words;
  }

  /** A filter for {@code kind}: mostly well formed, sometimes deep or huge. */
  String filter(Random r, NodeKind kind) {
    return switch (r.nextInt(40)) {
      case 0, 1, 2 -> deep(r, kind);
      case 3 -> huge(r, kind);
      default -> expression(r, kind, 1 + r.nextInt(4));
    };
  }

  String expression(Random r, NodeKind kind, int depth) {
    if (depth <= 0) {
      return predicate(r, kind);
    }
    return switch (r.nextInt(6)) {
      case 0 -> "NOT " + expression(r, kind, depth - 1);
      case 1 -> expression(r, kind, depth - 1) + " AND " + expression(r, kind, depth - 1);
      case 2 -> expression(r, kind, depth - 1) + " OR " + expression(r, kind, depth - 1);
      case 3 -> "(" + expression(r, kind, depth - 1) + ")";
      default -> predicate(r, kind);
    };
  }

  private String predicate(Random r, NodeKind kind) {
    String left = operand(r, kind);
    return switch (r.nextInt(9)) {
      case 0 -> left + (r.nextBoolean() ? " NOT" : "") + " IN (" + list(r, kind) + ")";
      case 1 -> left + (r.nextBoolean() ? " NOT" : "") + " LIKE " + stringLiteral(r);
      case 2 -> left + " IS " + (r.nextBoolean() ? "NOT " : "") + "NULL";
      case 3 -> r.nextBoolean() ? "TRUE" : "properties." + propertyName(r) + ".bool_value";
      default -> left + " " + Hostile.pick(r, COMPARISONS) + " " + operand(r, kind);
    };
  }

  private String list(Random r, NodeKind kind) {
    StringBuilder s = new StringBuilder(operand(r, kind));
    if (r.nextInt(20) == 0) {
      for (int i = r.nextInt(MAX_LIST); i > 0; i--) {
        s.append(", ").append(Hostile.pick(r, Hostile.NUMBERS));
      }
    } else {
      for (int i = r.nextInt(4); i > 0; i--) {
        s.append(", ").append(operand(r, kind));
      }
    }
    return s.toString();
  }

  private String operand(Random r, NodeKind kind) {
    return switch (r.nextInt(10)) {
      case 0, 1, 2 -> reference(r, kind);
      case 3 -> property(r);
      case 4 -> stringLiteral(r);
      case 5 -> Hostile.number(r);
      case 6 -> enumName(r, kind);
      case 7 -> operand(r, kind) + " " + "+-*/".charAt(r.nextInt(4)) + " " + operand(r, kind);
      case 8 -> "-" + operand(r, kind);
      default -> r.nextBoolean() ? "(" + operand(r, kind) + ")" : Hostile.name(r);
    };
  }

  private String reference(Random r, NodeKind kind) {
    if (r.nextInt(3) == 0 && !kind.neighbours().isEmpty()) {
      NeighbourKind n = Hostile.pick(r, kind.neighbours());
      String alias = n.prefix() + (r.nextInt(10) == 0 ? Hostile.name(r) : "a" + r.nextInt(3));
      return alias + "." + Hostile.pick(r, n.attributes()).text();
    }
    Attribute a = Hostile.pick(r, kind.attributes());
    return r.nextInt(10) == 0 ? "`" + a.text() + "`" : a.text();
  }

  private String property(Random r) {
    String prefix = r.nextBoolean() ? "properties." : "custom_properties.";
    return prefix + propertyName(r) + "."
        + (r.nextInt(15) == 0 ? Hostile.name(r) : Hostile.pick(r, FIELDS));
  }

  private String propertyName(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "`" + Hostile.string(r).replace("`", "").replace("\\", "\\\\") + "`";
      case 1 -> Hostile.name(r);
      default -> Hostile.pick(r, words.propertyNames());
    };
  }

  private String enumName(Random r, NodeKind kind) {
    for (Attribute a : kind.attributes()) {
      if (a.enumType() != null && r.nextBoolean()) {
        return Hostile.pick(r, a.enumType().names());
      }
    }
    return Hostile.pick(r, List.of("LIVE", "COMPLETE", "INPUT", "OUTPUT", "UNKNOWN", "live"));
  }

  /** A string literal: a real value of the store, or a hostile one, quoted and escaped. */
  String stringLiteral(Random r) {
    String value = switch (r.nextInt(4)) {
      case 0 -> Hostile.pick(r, words.nodeNames());
      case 1 -> Hostile.pick(r, words.typeNames());
      default -> Hostile.string(r);
    };
    return r.nextInt(8) == 0 ? rawQuoted(r, value) : quote(value, r.nextBoolean() ? '\'' : '"');
  }

  /** {@code value} as a filter's string literal (ZetaSQL escapes), meaning exactly the value. */
  static String quote(String value, char quote) {
    StringBuilder s = new StringBuilder().append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        default -> {
          if (c == quote) {
            s.append('\\').append(c);
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append(quote).toString();
  }

  /** A literal written carelessly: the value pasted in quotes, or with raw escape sequences. */
  private static String rawQuoted(Random r, String value) {
    List<String> escapes = List.of("\\x00", "\\u0000", "\\uD800", "\\U0010FFFF", "\\U00110000",
        "\\777", "\\xZZ", "\\q", "\\", "\\u12", "\\'", "\\`", "\\?");
    return "'" + value + Hostile.pick(r, escapes) + "'";
  }

  /** Deep nesting: parentheses, NOT chains, minus chains, long AND chains. */
  private String deep(Random r, NodeKind kind) {
    int n = 1 + r.nextInt(r.nextBoolean() ? 100 : 3000);
    String p = predicate(r, kind);
    return switch (r.nextInt(5)) {
      case 0 -> "(".repeat(n) + p + ")".repeat(n);
      case 1 -> "NOT ".repeat(n) + p;
      case 2 -> "id = " + "-".repeat(n) + "1";
      case 3 -> "id = " + "(".repeat(n) + "1" + ")".repeat(n);
      default -> String.join(r.nextBoolean() ? " AND " : " OR ",
          Collections.nCopies(n, p));
    };
  }

  /**
   * Huge lists, long literals and many aliases. Lists stay at {@value #MAX_LIST} values: planning
   * an {@code IN} list takes time quadratic in its length (1.4 s for 2,000 values, 39 s for
   * 13,000), which would eat the time box.
   */
  private String huge(Random r, NodeKind kind) {
    int n = 1 + r.nextInt(r.nextBoolean() ? MAX_LIST : 50_000);
    StringBuilder s = new StringBuilder();
    switch (r.nextInt(3)) {
      case 0 -> {
        s.append("id IN (");
        for (int i = 0; i < Math.min(n, MAX_LIST); i++) {
          s.append(i == 0 ? "" : ",").append(i);
        }
        s.append(")");
      }
      case 1 -> s.append("name = ").append(quote("x".repeat(n), '\''));
      default -> {
        List<NeighbourKind> neighbours = kind.neighbours();
        // Past SQLite's 200 joins, or few: each alias is an inner join, so 30 aliases with no
        // condition that narrows them multiply into more rows than the store can list.
        int aliases = r.nextInt(10) == 0 ? 201 + r.nextInt(10) : 1 + r.nextInt(6);
        for (int i = 0; i < aliases; i++) {
          NeighbourKind nk = Hostile.pick(r, neighbours);
          s.append(i == 0 ? "" : " AND ").append(nk.prefix()).append(i).append(".")
              .append(nk.attributes().get(0).text()).append(" > 0");
        }
      }
    }
    return s.toString();
  }
}

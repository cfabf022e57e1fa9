package io.mlmd4j.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Raw-text mutation: a few random edits of a seed (from the corpus or a generator), which
 * reach the lexer's and error paths' corners that well-formed generation does not.
 */
final class Mutator {

  private static final List<String> TOKENS = List.of(
      "(", ")", "'", "\"", "`", "\\", ",", ".", ";", "--", "/*", "*/", " AND ", " OR ",
      " NOT ", " IN ", " LIKE ", " IS NULL", "=", "!=", "<>", "<", ">=", "-", "+", "*", "/",
      "\u0000", "\uD800", "\n", " WHERE ", " SELECT ", " FROM ", " ARTIFACTS ", " EXECUTIONS ",
      " RETURN ", " MAX HOPS ", "?", "\\u", "\\x", "\\U0010FFFF", "e", ".e", "1e999");

  private Mutator() {}

  /**
   * Cases for a language: mostly from its grammar, some seeds of the corpus as they are, some
   * mutated seeds or generated texts.
   */
  static Function<Random, String> mixed(Function<Random, String> grammar, List<String> corpus) {
    return r -> switch (r.nextInt(10)) {
      case 0 -> Hostile.pick(r, corpus);
      case 1, 2, 3 -> mutate(r, Hostile.pick(r, corpus), corpus);
      case 4 -> mutate(r, grammar.apply(r), corpus);
      default -> grammar.apply(r);
    };
  }

  static String mutate(Random r, String seed, List<String> corpus) {
    String s = seed;
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      s = edit(r, s, corpus);
    }
    return s;
  }

  private static String edit(Random r, String s, List<String> corpus) {
    int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
    int end = Math.min(s.length(), at + 1 + r.nextInt(Math.max(1, Math.min(20, s.length()))));
    return switch (r.nextInt(9)) {
      case 0 -> s.substring(0, at) + s.substring(end);
      case 1 -> s.substring(0, at) + Hostile.pick(r, TOKENS) + s.substring(at);
      case 2 -> s.substring(0, at) + Hostile.randomChars(r, 1 + r.nextInt(3)) + s.substring(at);
      case 3 -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
      case 4 -> s.substring(0, at) + Hostile.string(r) + s.substring(end);
      case 5 -> s.substring(0, at) + Hostile.number(r) + s.substring(end);
      case 6 -> {
        String other = Hostile.pick(r, corpus);
        int from = r.nextInt(other.length() + 1);
        yield s.substring(0, at) + other.substring(from);
      }
      case 7 -> s.substring(0, at);
      default -> {
        // A fragment repeated: the path to deep nesting and long lists.
        String fragment = s.substring(at, end);
        yield s.substring(0, at) + Hostile.repeat(fragment, 2 + r.nextInt(1000))
            + s.substring(end);
      }
    };
  }
}

package io.mlmd4j.grammar;

import io.mlmd4j.grammar.ast.LqlStatement;

/**
 * The lineage query language: text to AST. The language is described in the grammar module's
 * README.
 */
public final class Lql {

  private Lql() {
  }

  /**
   * Parses one LQL statement, optionally ending in {@code ;}. Safe to call from many threads at
   * once.
   *
   * @return the statement with its defaults filled in: direction BOTH, no hop limit, RETURN GRAPH
   * @throws QuerySyntaxException if the text is not such a statement
   */
  public static LqlStatement parse(String text) {
    return StatementBuilder.statement(Parsing.parser(text).statement());
  }
}

package io.mlmd4j.grammar;

import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.NodeKind;

/**
 * MLMD's filter-query language ({@code ListOperationOptions.filter_query}): text to AST.
 *
 * <p>Every filter MLMD accepts parses, and means the same; so do some MLMD rejects by mistake
 * (see the grammar module's README). An empty filter is not a filter: callers treat an empty
 * {@code filter_query} as "no filter", as MLMD does, before parsing.
 */
public final class FilterQueries {

  private FilterQueries() {
  }

  /**
   * Parses a filter on nodes of {@code kind}. Safe to call from many threads at once.
   *
   * @return the filter, well typed, naming only attributes and neighbours {@code kind} has
   * @throws QuerySyntaxException if the text is not such a filter
   */
  public static Filter parse(String text, NodeKind kind) {
    return new FilterBuilder(kind).filter(Parsing.parser(text).filterQuery().expression());
  }
}

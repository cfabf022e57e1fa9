package io.mlmd4j.grammar.ast;

/**
 * One {@code RETURN} item of a lineage query: a result set with a name, unique in its query
 * ignoring case. A query without {@code RETURN} returns the {@link GraphResult}.
 */
public sealed interface LineageResult permits NodeResult, EventResult, GraphResult, PathResult {

  /** The name of the result, from {@code AS name}, else the item's keyword in lower case. */
  String name();
}

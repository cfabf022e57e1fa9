package io.mlmd4j.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code RETURN ARTIFACTS [WHERE filter]} (or {@code EXECUTIONS}): each reached node of that kind
 * once, start nodes included, with its distance in hops from the nearest start node (0 for a
 * start node). The filter chooses which reached nodes are returned; it does not change the walk.
 */
public record NodeResult(NodeKind kind, Optional<Filter> where, String name)
    implements LineageResult {

  /**
   * @throws IllegalArgumentException if {@code kind} is CONTEXT or the filter is on another kind
   */
  public NodeResult {
    LineageQuery.requireLineageKind(kind);
    where.ifPresent(filter -> LineageQuery.requireSameKind(kind, filter));
    Objects.requireNonNull(name, "name");
  }

  /** The name of a result of {@code kind} without {@code AS}: "artifacts" or "executions". */
  public static String defaultName(NodeKind kind) {
    return kind == NodeKind.ARTIFACT ? "artifacts" : "executions";
  }
}

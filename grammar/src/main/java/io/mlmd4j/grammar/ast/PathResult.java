package io.mlmd4j.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code RETURN PATHS [TO kind [WHERE filter]]}: for each reached node (of {@code target} kind
 * and matching {@code where}, when given), one shortest path to it from a start node, as the
 * alternating list of nodes and the events between them. The path of a start node is itself.
 *
 * @param target the kind of node paths end at; empty for every reached node
 * @param where which of those nodes; present only with a target of the same kind
 */
public record PathResult(Optional<NodeKind> target, Optional<Filter> where, String name)
    implements LineageResult {

  /** The name without {@code AS}. */
  public static final String DEFAULT_NAME = "paths";

  /** @throws IllegalArgumentException if the target and filter do not agree */
  public PathResult {
    target.ifPresent(LineageQuery::requireLineageKind);
    if (where.isPresent()) {
      LineageQuery.requireSameKind(target.orElseThrow(
          () -> new IllegalArgumentException("PATHS WHERE needs a TO kind")), where.get());
    }
    Objects.requireNonNull(name, "name");
  }
}

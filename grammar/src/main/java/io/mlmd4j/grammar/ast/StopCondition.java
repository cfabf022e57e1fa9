package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code STOP AT kind WHERE filter [INCLUSIVE]}: nodes the walk reaches that match the filter are
 * not walked through, and are returned only if {@code inclusive}. A start node that matches is
 * not walked from either, as in MLMD.
 */
public record StopCondition(Filter filter, boolean inclusive) {

  /** @throws IllegalArgumentException if the filter is on contexts */
  public StopCondition {
    LineageQuery.requireLineageKind(filter.nodeKind());
  }
}

package io.mlmd4j.grammar.ast;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code LINEAGE [direction] OF start sets [MAX HOPS n] [STOP AT ...] [RETURN ...]}: a walk over
 * events from the nodes of the start sets.
 *
 * @param direction which way events are followed
 * @param startSets one or more filters on artifacts or executions; the walk starts from every
 *     node that matches any of them
 * @param maxHops how many events a walk may follow; empty walks to the end
 * @param stopConditions where the walk stops, in the order written
 * @param results what the query returns, one or more, names unique ignoring case
 */
public record LineageQuery(Direction direction, List<Filter> startSets, OptionalInt maxHops,
    List<StopCondition> stopConditions, List<LineageResult> results) implements LqlStatement {

  /**
   * @throws IllegalArgumentException if a list that must not be empty is, a start set is on
   *     contexts, the hop count is negative, a result name is empty or two are the same
   */
  public LineageQuery {
    Objects.requireNonNull(direction, "direction");
    startSets = List.copyOf(startSets);
    if (startSets.isEmpty()) {
      throw new IllegalArgumentException("a lineage query needs a start set");
    }
    startSets.forEach(filter -> requireLineageKind(filter.nodeKind()));
    if (maxHops.isPresent() && maxHops.getAsInt() < 0) {
      throw new IllegalArgumentException("negative MAX HOPS: " + maxHops.getAsInt());
    }
    stopConditions = List.copyOf(stopConditions);
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a lineage query needs a result");
    }
    Set<String> names = new HashSet<>();
    for (LineageResult result : results) {
      if (result.name().isEmpty()) {
        throw new IllegalArgumentException("a result name cannot be empty");
      }
      if (!names.add(result.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two results named " + result.name());
      }
    }
  }

  static void requireLineageKind(NodeKind kind) {
    if (kind == NodeKind.CONTEXT) {
      throw new IllegalArgumentException("lineage walks artifacts and executions, not contexts");
    }
  }

  static void requireSameKind(NodeKind kind, Filter filter) {
    if (filter.nodeKind() != kind) {
      throw new IllegalArgumentException(
          "a filter on " + filter.nodeKind() + " where " + kind + " is expected");
    }
  }
}

package io.mlmd4j.grammar.ast;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CACHED EXECUTIONS OF TYPE 'name' [VERSION 'v'] WITH INPUTS (ids...)
 * [MATCHING PROPERTIES (name = value, ...)] [WHERE filter]}: the question an orchestrator asks
 * before running a step. It finds the executions of that type whose input artifacts (those
 * linked to them by an INPUT, DECLARED_INPUT or INTERNAL_INPUT event) are exactly the given
 * ones, no more and no fewer, in any order; that match every property match; and that match the
 * filter. They come newest first (by {@code create_time_since_epoch}, then id, descending).
 *
 * @param typeName the execution type's name
 * @param typeVersion the type's version; empty for the type without a version
 * @param inputArtifactIds the ids of the input artifacts, distinct, possibly none
 * @param properties property matches, names distinct
 * @param where a further filter on the executions
 */
public record CacheLookup(String typeName, Optional<String> typeVersion,
    List<Long> inputArtifactIds, List<PropertyMatch> properties, Optional<Filter> where)
    implements LqlStatement {

  /**
   * @throws IllegalArgumentException if an id or a property name repeats, or the filter is not
   *     on executions
   */
  public CacheLookup {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(typeVersion, "typeVersion");
    inputArtifactIds = List.copyOf(inputArtifactIds);
    if (new HashSet<>(inputArtifactIds).size() != inputArtifactIds.size()) {
      throw new IllegalArgumentException("an input artifact id repeats: " + inputArtifactIds);
    }
    properties = List.copyOf(properties);
    Set<String> names = new HashSet<>();
    for (PropertyMatch match : properties) {
      if (!names.add(match.name())) {
        throw new IllegalArgumentException("property " + match.name() + " is matched twice");
      }
    }
    where.ifPresent(filter -> LineageQuery.requireSameKind(NodeKind.EXECUTION, filter));
  }
}

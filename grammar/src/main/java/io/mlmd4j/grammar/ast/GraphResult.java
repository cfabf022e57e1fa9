package io.mlmd4j.grammar.ast;

import java.util.Objects;

/**
 * {@code RETURN GRAPH}: the reached artifacts and executions and the events between them, as
 * MLMD's {@code GetLineageSubgraph} returns them.
 */
public record GraphResult(String name) implements LineageResult {

  /** The name without {@code AS}. */
  public static final String DEFAULT_NAME = "graph";

  public GraphResult {
    Objects.requireNonNull(name, "name");
  }
}

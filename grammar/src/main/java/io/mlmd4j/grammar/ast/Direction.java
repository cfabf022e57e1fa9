package io.mlmd4j.grammar.ast;

/**
 * Which way a lineage walk follows events. A hop is one event: artifact, execution, artifact is
 * two hops.
 */
public enum Direction {
  /**
   * Towards what a node came from: from an artifact to the executions that output it, from an
   * execution to the artifacts it took as input.
   */
  UPSTREAM,
  /** Towards what came from a node: the reverse of {@link #UPSTREAM}. */
  DOWNSTREAM,
  /** Both ways; the default, as MLMD's unspecified direction. */
  BOTH
}

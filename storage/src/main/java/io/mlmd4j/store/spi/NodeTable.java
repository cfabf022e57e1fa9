package io.mlmd4j.store.spi;

/**
 * The node table a filter query selects from: what GetArtifacts, GetExecutions and GetContexts
 * list.
 */
public enum NodeTable {
  ARTIFACT,
  EXECUTION,
  CONTEXT
}

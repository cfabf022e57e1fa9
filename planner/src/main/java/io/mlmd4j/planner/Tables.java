package io.mlmd4j.planner;

import io.mlmd4j.grammar.ast.NeighbourKind;
import io.mlmd4j.grammar.ast.NodeKind;

/** Which MLMD table holds what a query names. */
final class Tables {

  private Tables() {}

  /** The node table of a kind: Artifact, Execution or Context. */
  static String node(NodeKind kind) {
    return switch (kind) {
      case ARTIFACT -> "Artifact";
      case EXECUTION -> "Execution";
      case CONTEXT -> "Context";
    };
  }

  /** The property table of a kind. */
  static String property(NodeKind kind) {
    return node(kind) + "Property";
  }

  /** The column naming a node of this kind in the tables that link to it: artifact_id, ... */
  static String idColumn(NodeKind kind) {
    return switch (kind) {
      case ARTIFACT -> "artifact_id";
      case EXECUTION -> "execution_id";
      case CONTEXT -> "context_id";
    };
  }

  /**
   * A link table between a node and a neighbour node.
   *
   * @param table the link table
   * @param nodeColumn its column naming the listed node
   * @param neighbourColumn its column naming the neighbour
   */
  record Link(String table, String nodeColumn, String neighbourColumn) {}

  /** The link from a node of {@code kind} to a neighbour of {@code neighbour} kind. */
  static Link link(NodeKind kind, NeighbourKind neighbour) {
    return switch (neighbour) {
      case CONTEXTS -> kind == NodeKind.ARTIFACT
          ? new Link("Attribution", "artifact_id", "context_id")
          : new Link("Association", "execution_id", "context_id");
      case PARENT_CONTEXTS -> new Link("ParentContext", "context_id", "parent_context_id");
      case CHILD_CONTEXTS -> new Link("ParentContext", "parent_context_id", "context_id");
      case ARTIFACTS -> new Link("Attribution", "context_id", "artifact_id");
      case EXECUTIONS -> new Link("Association", "context_id", "execution_id");
      case EVENTS -> throw new IllegalArgumentException("events link by a column of their own");
    };
  }
}

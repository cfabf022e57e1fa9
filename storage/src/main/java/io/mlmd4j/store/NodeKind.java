package io.mlmd4j.store;

/** The three node tables of MLMD and what differs between them. */
enum NodeKind {
  ARTIFACT("Artifact", "ArtifactProperty", "artifact_id", TypeKind.ARTIFACT, "state"),
  EXECUTION("Execution", "ExecutionProperty", "execution_id", TypeKind.EXECUTION,
      "last_known_state"),
  CONTEXT("Context", "ContextProperty", "context_id", TypeKind.CONTEXT, null);

  /** The node table. */
  final String table;
  /** The table of its properties. */
  final String propertyTable;
  /** The property table's column naming the node. */
  final String propertyNodeColumn;
  final TypeKind typeKind;
  /** {@code state}, {@code last_known_state}, or null for contexts. */
  final String stateColumn;

  NodeKind(String table, String propertyTable, String propertyNodeColumn, TypeKind typeKind,
      String stateColumn) {
    this.table = table;
    this.propertyTable = propertyTable;
    this.propertyNodeColumn = propertyNodeColumn;
    this.typeKind = typeKind;
    this.stateColumn = stateColumn;
  }

  /** Lower-case name for messages: "artifact", "execution", "context". */
  String label() {
    return typeKind.label;
  }
}

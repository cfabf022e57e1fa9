package io.mlmd4j.store;

import io.mlmd4j.store.spi.NodeTable;

/** The three node tables of MLMD and what differs between them. */
enum NodeKind {
  ARTIFACT(NodeTable.ARTIFACT, TypeKind.ARTIFACT, "state"),
  EXECUTION(NodeTable.EXECUTION, TypeKind.EXECUTION, "last_known_state"),
  CONTEXT(NodeTable.CONTEXT, TypeKind.CONTEXT, null);

  /** The table, as the planner knows it. */
  final NodeTable nodeTable;
  /** The node table. */
  final String table;
  /** The table of its properties. */
  final String propertyTable;
  /** The property table's column naming the node. */
  final String propertyNodeColumn;
  final TypeKind typeKind;
  /** {@code state}, {@code last_known_state}, or null for contexts. */
  final String stateColumn;

  NodeKind(NodeTable nodeTable, TypeKind typeKind, String stateColumn) {
    this.nodeTable = nodeTable;
    this.table = nodeTable.table();
    this.propertyTable = nodeTable.propertyTable();
    this.propertyNodeColumn = nodeTable.propertyNodeColumn();
    this.typeKind = typeKind;
    this.stateColumn = stateColumn;
  }

  /** Lower-case name for messages: "artifact", "execution", "context". */
  String label() {
    return typeKind.label;
  }
}

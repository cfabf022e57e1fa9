package io.mlmd4j.store;

import io.mlmd4j.store.spi.NodeTable;

/** MLMD's {@code Type.type_kind} values, one per node table. */
enum TypeKind {
  EXECUTION(NodeTable.EXECUTION),
  ARTIFACT(NodeTable.ARTIFACT),
  CONTEXT(NodeTable.CONTEXT);

  final int code;
  final String label;

  TypeKind(NodeTable nodes) {
    this.code = nodes.typeKind();
    this.label = nodes.label();
  }
}

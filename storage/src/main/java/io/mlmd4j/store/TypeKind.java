package io.mlmd4j.store;

/** MLMD's {@code Type.type_kind} values. */
enum TypeKind {
  EXECUTION(0, "execution"),
  ARTIFACT(1, "artifact"),
  CONTEXT(2, "context");

  final int code;
  final String label;

  TypeKind(int code, String label) {
    this.code = code;
    this.label = label;
  }
}

package io.mlmd4j.store.spi;

/**
 * MLMD's three node tables, what GetArtifacts, GetExecutions and GetContexts list and a filter
 * query selects from, with the names and numbers MLMD's schema gives each: the one place they
 * are written down for the store, the planner and the driver.
 */
public enum NodeTable {
  ARTIFACT("artifact", "Artifact", "ArtifactProperty", "artifact_id", 1),
  EXECUTION("execution", "Execution", "ExecutionProperty", "execution_id", 0),
  CONTEXT("context", "Context", "ContextProperty", "context_id", 2);

  private final String label;
  private final String table;
  private final String propertyTable;
  private final String propertyNodeColumn;
  private final int typeKind;

  NodeTable(String label, String table, String propertyTable, String propertyNodeColumn,
      int typeKind) {
    this.label = label;
    this.table = table;
    this.propertyTable = propertyTable;
    this.propertyNodeColumn = propertyNodeColumn;
    this.typeKind = typeKind;
  }

  /** The kind in lower case, for messages and names: "artifact", "execution", "context". */
  public String label() {
    return label;
  }

  /** The node table: {@code Artifact}, {@code Execution}, {@code Context}. */
  public String table() {
    return table;
  }

  /** The table of the nodes' properties. */
  public String propertyTable() {
    return propertyTable;
  }

  /** The property table's column naming the node. */
  public String propertyNodeColumn() {
    return propertyNodeColumn;
  }

  /** MLMD's {@code Type.type_kind} for the types of these nodes. */
  public int typeKind() {
    return typeKind;
  }
}

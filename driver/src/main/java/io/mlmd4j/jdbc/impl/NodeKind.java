package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.store.spi.NodeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/** Artifacts, executions and contexts: what their logical tables share and where each differs. */
enum NodeKind {
  ARTIFACT(NodeTable.ARTIFACT),
  EXECUTION(NodeTable.EXECUTION),
  CONTEXT(NodeTable.CONTEXT);

  private static final Map<Integer, String> ARTIFACT_STATES = EnumNames.of(Artifact.State.values());
  private static final Map<Integer, String> EXECUTION_STATES =
      EnumNames.of(Execution.State.values());

  /** The singular name: the per-type schema, {@code <name>s}, {@code <name>_types}. */
  final String singular;
  final String nodeTable;
  final String propertyTable;
  /** The property table's column holding the node's id. */
  final String idColumn;
  /** MLMD's {@code Type.type_kind} for this kind. */
  final int typeKind;

  NodeKind(NodeTable table) {
    this.singular = table.label();
    this.nodeTable = table.table();
    this.propertyTable = table.propertyTable();
    this.idColumn = table.propertyNodeColumn();
    this.typeKind = table.typeKind();
  }

  String plural() {
    return singular + "s";
  }

  /** The columns every node of this kind has, in the order its tables show them. */
  List<Column> nodeColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.notNull("id", BIGINT, "The " + singular + "'s id"));
    columns.add(Column.notNull("type_id", BIGINT, "Id of the " + singular + "'s type"));
    columns.add(Column.notNull("type", VARCHAR, "Name of the " + singular + "'s type"));
    if (this == CONTEXT) {
      columns.add(Column.notNull("name", VARCHAR, "Name, unique within the type"));
    } else {
      columns.add(Column.nullable("name", VARCHAR, "Name, unique within the type"));
    }
    if (this == ARTIFACT) {
      columns.add(Column.nullable("uri", VARCHAR, "Where the artifact's data lives"));
      columns.add(Column.nullable("state", VARCHAR,
          "UNKNOWN, PENDING, LIVE, MARKED_FOR_DELETION, DELETED, ABANDONED or REFERENCE"));
    }
    if (this == EXECUTION) {
      columns.add(Column.nullable("last_known_state", VARCHAR,
          "UNKNOWN, NEW, RUNNING, COMPLETE, FAILED, CACHED or CANCELED"));
    }
    columns.add(Column.nullable("external_id", VARCHAR,
        "Id given by another system; unique among " + plural()));
    columns.add(Column.notNull("create_time_since_epoch", BIGINT,
        "Creation time, milliseconds since the Unix epoch"));
    columns.add(Column.notNull("last_update_time_since_epoch", BIGINT,
        "Last update time, milliseconds since the Unix epoch"));
    return columns;
  }

  /**
   * The expressions of {@link #nodeColumns()} over the node table aliased {@code n} on the
   * builder's stack, with {@code typeName} as the type column.
   */
  List<RexNode> nodeFields(RelBuilder b, RexNode typeName) {
    List<RexNode> fields = new ArrayList<>();
    fields.add(b.field("n", "id"));
    fields.add(b.field("n", "type_id"));
    fields.add(typeName);
    fields.add(b.field("n", "name"));
    if (this == ARTIFACT) {
      fields.add(b.field("n", "uri"));
      fields.add(EnumNames.decode(b, b.field("n", "state"), ARTIFACT_STATES));
    }
    if (this == EXECUTION) {
      fields.add(EnumNames.decode(b, b.field("n", "last_known_state"), EXECUTION_STATES));
    }
    fields.add(b.field("n", "external_id"));
    fields.add(b.field("n", "create_time_since_epoch"));
    fields.add(b.field("n", "last_update_time_since_epoch"));
    return fields;
  }

  List<String> nodeColumnNames() {
    return nodeColumns().stream().map(Column::name).toList();
  }
}

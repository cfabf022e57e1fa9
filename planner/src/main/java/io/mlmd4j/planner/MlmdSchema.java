package io.mlmd4j.planner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Frameworks;

/**
 * MLMD's tables as the planner sees them: a fixed row type per table (64-bit ids and times,
 * the same on every backend) instead of one reflected from the database, whose drivers report
 * SQLite's {@code INT} as 32-bit and MySQL's {@code TEXT} as unknown. Only the columns queries
 * read are declared. Every column is nullable, so that no rewrite assumes what the database
 * does not enforce.
 */
final class MlmdSchema {

  private static final Map<String, Map<String, SqlTypeName>> TABLES = new LinkedHashMap<>();

  static {
    table("Type", "id", SqlTypeName.BIGINT, "name", SqlTypeName.VARCHAR,
        "version", SqlTypeName.VARCHAR, "type_kind", SqlTypeName.INTEGER);
    table("Artifact", "id", SqlTypeName.BIGINT, "type_id", SqlTypeName.BIGINT,
        "uri", SqlTypeName.VARCHAR, "state", SqlTypeName.INTEGER,
        "name", SqlTypeName.VARCHAR, "external_id", SqlTypeName.VARCHAR,
        "create_time_since_epoch", SqlTypeName.BIGINT,
        "last_update_time_since_epoch", SqlTypeName.BIGINT);
    table("Execution", "id", SqlTypeName.BIGINT, "type_id", SqlTypeName.BIGINT,
        "last_known_state", SqlTypeName.INTEGER,
        "name", SqlTypeName.VARCHAR, "external_id", SqlTypeName.VARCHAR,
        "create_time_since_epoch", SqlTypeName.BIGINT,
        "last_update_time_since_epoch", SqlTypeName.BIGINT);
    table("Context", "id", SqlTypeName.BIGINT, "type_id", SqlTypeName.BIGINT,
        "name", SqlTypeName.VARCHAR, "external_id", SqlTypeName.VARCHAR,
        "create_time_since_epoch", SqlTypeName.BIGINT,
        "last_update_time_since_epoch", SqlTypeName.BIGINT);
    table("ParentContext", "context_id", SqlTypeName.BIGINT,
        "parent_context_id", SqlTypeName.BIGINT);
    table("Event", "id", SqlTypeName.BIGINT, "artifact_id", SqlTypeName.BIGINT,
        "execution_id", SqlTypeName.BIGINT, "type", SqlTypeName.INTEGER,
        "milliseconds_since_epoch", SqlTypeName.BIGINT);
    table("Attribution", "id", SqlTypeName.BIGINT, "context_id", SqlTypeName.BIGINT,
        "artifact_id", SqlTypeName.BIGINT);
    table("Association", "id", SqlTypeName.BIGINT, "context_id", SqlTypeName.BIGINT,
        "execution_id", SqlTypeName.BIGINT);
    for (String node : new String[] {"Artifact", "Execution", "Context"}) {
      table(node + "Property", node.toLowerCase(java.util.Locale.ROOT) + "_id",
          SqlTypeName.BIGINT, "name", SqlTypeName.VARCHAR,
          "is_custom_property", SqlTypeName.INTEGER, "int_value", SqlTypeName.BIGINT,
          "double_value", SqlTypeName.DOUBLE, "string_value", SqlTypeName.VARCHAR,
          "bool_value", SqlTypeName.BOOLEAN);
    }
  }

  private MlmdSchema() {}

  private static void table(String name, Object... columns) {
    Map<String, SqlTypeName> types = new LinkedHashMap<>();
    for (int i = 0; i < columns.length; i += 2) {
      types.put((String) columns[i], (SqlTypeName) columns[i + 1]);
    }
    TABLES.put(name, types);
  }

  /** A new root schema holding the MLMD tables under their own names. */
  static SchemaPlus create() {
    SchemaPlus root = Frameworks.createRootSchema(false);
    TABLES.forEach((name, columns) -> root.add(name, new FixedTable(columns)));
    return root;
  }

  /** A table known by its row type only: the planner turns it into SQL, never reads it. */
  private static final class FixedTable extends AbstractTable {
    private final Map<String, SqlTypeName> columns;

    FixedTable(Map<String, SqlTypeName> columns) {
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      RelDataTypeFactory.Builder row = factory.builder();
      columns.forEach((name, type) -> row.add(name, type).nullable(true));
      return row.build();
    }
  }
}

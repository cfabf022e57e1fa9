package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.ANY;
import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MLMD's tables in one store's database, with the SQL dialect of that database: what the logical
 * tables are built from. One per open store, shared by its connections. The dialect is built from
 * the backend the URL names and the server's version, never guessed from the product name
 * (Calcite takes SQLite for ANSI SQL, and without a version pushes no join to it).
 */
final class PhysicalSchema {

  /** The types MLMD means for the columns of its version-10 tables, and their keys. */
  private static final Map<String, Definition> DEFINITIONS = definitions();

  /**
   * Columns that always name a row of another table by its {@code id}, as {table: {column:
   * table}}: a node's type is never deleted.
   */
  private static final Map<String, Map<String, String>> REFERENCES = Map.of(
      "Artifact", Map.of("type_id", "Type"),
      "Execution", Map.of("type_id", "Type"),
      "Context", Map.of("type_id", "Type"));

  private final Backend backend;
  private final DataSource dataSource;
  private final String schemaName;
  /** Read from the database by the first {@link #table} call; guarded by this. */
  private @Nullable Map<String, PhysicalTable> tables;
  /** Read by the first {@link #facts} call; guarded by this. */
  private @Nullable Facts facts;

  /**
   * What the database says of itself and of MLMD's tables: its product and version, its catalog
   * on MySQL (where the tables are named with their database: other databases on the server
   * may hold MLMD tables of the same names), each table's columns in order.
   */
  private record Facts(String product, String version, @Nullable String catalog,
      Map<String, List<String>> columns) {}

  private PhysicalSchema(Backend backend, DataSource dataSource, String schemaName) {
    this.backend = backend;
    this.dataSource = dataSource;
    this.schemaName = schemaName;
  }

  /**
   * The tables of the database behind {@code dataSource}, read when a query is first planned
   * (a connection that only browses metadata never builds Calcite's dialect and JDBC schema:
   * about a fifth of a second of a fresh JVM). SQL run for the logical schema reaches the
   * database as {@code root.getSubSchema(schemaName)} unwrapped to a {@link DataSource}.
   */
  static PhysicalSchema over(Backend backend, DataSource dataSource, String schemaName) {
    return new PhysicalSchema(backend, dataSource, schemaName);
  }

  /** Calcite's tables over MLMD's, with the dialect of the server's version. */
  private Map<String, PhysicalTable> load() throws SQLException {
    Facts facts = facts();
    try (Connection c = dataSource.getConnection()) {
      SqlDialect dialect = dialect(backend, c.getMetaData());
      String catalog = facts.catalog();
      Expression expression = Schemas.subSchemaExpression(
          CalciteSchema.createRootSchema(false, false).plus(), schemaName, DataSource.class);
      JdbcConvention convention =
          new BackendConvention(dialect, expression, schemaName, dataSource);
      JdbcSchema jdbcSchema = new JdbcSchema(dataSource, dialect, convention, catalog, null);
      Map<String, PhysicalTable> tables = new HashMap<>();
      for (Map.Entry<String, Definition> e : DEFINITIONS.entrySet()) {
        String name = e.getKey();
        Table table = jdbcSchema.tables().get(name);
        if (!(table instanceof JdbcTable jdbcTable)) {
          throw new SQLException("MLMD table " + name + " is missing from the database");
        }
        List<PhysicalTable.Field> fields = new ArrayList<>();
        for (String column : facts.columns().get(name)) {
          PhysicalTable.Field known = e.getValue().field(column);
          fields.add(known != null ? known : new PhysicalTable.Field(column, ANY, true));
        }
        tables.put(name, new PhysicalTable(jdbcTable, fields, e.getValue().key(),
            REFERENCES.getOrDefault(name, Map.of()), e.getValue().rowCount()));
      }
      return Map.copyOf(tables);
    }
  }

  private static SqlDialect dialect(Backend backend, DatabaseMetaData meta) throws SQLException {
    SqlDialect.Context context = SqlDialect.EMPTY_CONTEXT
        .withDatabaseMajorVersion(meta.getDatabaseMajorVersion())
        .withDatabaseMinorVersion(meta.getDatabaseMinorVersion())
        .withDatabaseVersion(meta.getDatabaseProductVersion());
    return switch (backend) {
      case FAKE, SQLITE -> new SqliteDialect(context
          .withDatabaseProduct(SqlDialect.DatabaseProduct.SQLITE)
          .withIdentifierQuoteString("\"")
          .withNullCollation(NullCollation.LOW));
      case MYSQL -> new MysqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT
          .withDatabaseMajorVersion(meta.getDatabaseMajorVersion())
          .withDatabaseMinorVersion(meta.getDatabaseMinorVersion())
          .withDatabaseVersion(meta.getDatabaseProductVersion()));
    };
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * What plans over these tables depend on: the database's product and version (the dialect),
   * its catalog on MySQL (the SQL names it), each MLMD table's columns.
   */
  synchronized String identity() {
    return facts().toString();
  }

  /** Read with plain JDBC when first needed, by {@link #identity} or {@link #load}. */
  private synchronized Facts facts() {
    if (facts == null) {
      try (Connection c = dataSource.getConnection()) {
        DatabaseMetaData meta = c.getMetaData();
        String catalog = backend == Backend.MYSQL ? c.getCatalog() : null;
        Map<String, List<String>> columns = new TreeMap<>();
        for (String table : DEFINITIONS.keySet()) {
          List<String> names = new ArrayList<>();
          try (ResultSet rs = meta.getColumns(catalog, null, table, "%")) {
            while (rs.next()) {
              names.add(rs.getString("COLUMN_NAME"));
            }
          }
          columns.put(table, List.copyOf(names));
        }
        facts = new Facts(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
            catalog, columns);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read MLMD's tables: " + e.getMessage(), e);
      }
    }
    return facts;
  }

  synchronized PhysicalTable table(String name) {
    if (tables == null) {
      try {
        tables = load();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read MLMD's tables: " + e.getMessage(), e);
      }
    }
    PhysicalTable table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException("No MLMD table " + name);
    }
    return table;
  }

  /** A table's columns as MLMD defines them, its key, and a guess at its size for the planner. */
  private record Definition(List<PhysicalTable.Field> fields, List<String> key, double rowCount) {
    PhysicalTable.Field field(String name) {
      for (PhysicalTable.Field f : fields) {
        if (f.name().equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  private static Map<String, Definition> definitions() {
    Map<String, Definition> map = new HashMap<>();
    map.put("Type", new Definition(List.of(notNull("id", BIGINT), notNull("name", VARCHAR),
        nullable("version", VARCHAR), notNull("type_kind", INTEGER),
        nullable("description", VARCHAR), nullable("input_type", VARCHAR),
        nullable("output_type", VARCHAR), nullable("external_id", VARCHAR)),
        List.of("id"), 50));
    map.put("TypeProperty", new Definition(List.of(notNull("type_id", BIGINT),
        notNull("name", VARCHAR), nullable("data_type", INTEGER)),
        List.of("type_id", "name"), 300));
    map.put("ParentType", new Definition(List.of(notNull("type_id", BIGINT),
        notNull("parent_type_id", BIGINT)), List.of("type_id", "parent_type_id"), 20));
    map.put("Artifact", new Definition(List.of(notNull("id", BIGINT), notNull("type_id", BIGINT),
        nullable("uri", VARCHAR), nullable("state", INTEGER), nullable("name", VARCHAR),
        nullable("external_id", VARCHAR), notNull("create_time_since_epoch", BIGINT),
        notNull("last_update_time_since_epoch", BIGINT)), List.of("id"), 10_000));
    map.put("Execution", new Definition(List.of(notNull("id", BIGINT),
        notNull("type_id", BIGINT), nullable("last_known_state", INTEGER),
        nullable("name", VARCHAR), nullable("external_id", VARCHAR),
        notNull("create_time_since_epoch", BIGINT),
        notNull("last_update_time_since_epoch", BIGINT)), List.of("id"), 5_000));
    map.put("Context", new Definition(List.of(notNull("id", BIGINT), notNull("type_id", BIGINT),
        notNull("name", VARCHAR), nullable("external_id", VARCHAR),
        notNull("create_time_since_epoch", BIGINT),
        notNull("last_update_time_since_epoch", BIGINT)), List.of("id"), 2_000));
    map.put("ArtifactProperty", propertyTable("artifact_id", 50_000));
    map.put("ExecutionProperty", propertyTable("execution_id", 25_000));
    map.put("ContextProperty", propertyTable("context_id", 10_000));
    map.put("ParentContext", new Definition(List.of(notNull("context_id", BIGINT),
        notNull("parent_context_id", BIGINT)), List.of("context_id", "parent_context_id"),
        2_000));
    map.put("Event", new Definition(List.of(notNull("id", BIGINT), notNull("artifact_id", BIGINT),
        notNull("execution_id", BIGINT), notNull("type", INTEGER),
        nullable("milliseconds_since_epoch", BIGINT)), List.of("id"), 20_000));
    map.put("EventPath", new Definition(List.of(notNull("event_id", BIGINT),
        notNull("is_index_step", BOOLEAN), nullable("step_index", BIGINT),
        nullable("step_key", VARCHAR)), List.of(), 40_000));
    map.put("Association", new Definition(List.of(notNull("id", BIGINT),
        notNull("context_id", BIGINT), notNull("execution_id", BIGINT)), List.of("id"), 10_000));
    map.put("Attribution", new Definition(List.of(notNull("id", BIGINT),
        notNull("context_id", BIGINT), notNull("artifact_id", BIGINT)), List.of("id"), 20_000));
    return Map.copyOf(map);
  }

  private static Definition propertyTable(String nodeId, double rowCount) {
    return new Definition(List.of(notNull(nodeId, BIGINT), notNull("name", VARCHAR),
        notNull("is_custom_property", BOOLEAN), nullable("int_value", BIGINT),
        nullable("double_value", DOUBLE), nullable("string_value", VARCHAR),
        nullable("byte_value", VARBINARY), nullable("proto_value", VARBINARY),
        nullable("bool_value", BOOLEAN)), List.of(nodeId, "name", "is_custom_property"),
        rowCount);
  }

  private static PhysicalTable.Field notNull(String name, SqlTypeName type) {
    return new PhysicalTable.Field(name, type, false);
  }

  private static PhysicalTable.Field nullable(String name, SqlTypeName type) {
    return new PhysicalTable.Field(name, type, true);
  }
}

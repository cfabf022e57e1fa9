package io.mlmd4j.jdbc.impl;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.MlmdMetaBase;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What {@code DatabaseMetaData} says: the logical schemas ({@code mlmd}, {@code artifact},
 * {@code execution}, {@code context}) and only their tables, with remarks, columns with plain
 * type names, primary keys and the logical foreign keys. MLMD's physical tables and the
 * backend's system tables are never listed. Types are those SQL can cast to; functions are
 * SQL's built-in ones and those of the schemas.
 */
public final class MlmdMeta extends MlmdMetaBase {

  /** The schemas, in the order browsers show them. */
  static final List<String> SCHEMAS = List.of("artifact", "context", "execution", "mlmd");

  private static final String TABLE = "TABLE";

  public MlmdMeta(AvaticaConnection connection) {
    super(connection);
  }

  private List<TableShape> shapes(@Nullable String schemaPattern,
      @Nullable String tablePattern) {
    SchemaPlus root = ((CalciteConnection) connection).getRootSchema();
    Predicate<String> schemaMatches = like(schemaPattern);
    Predicate<String> tableMatches = like(tablePattern);
    List<TableShape> shapes = new ArrayList<>();
    for (String name : SCHEMAS) {
      SchemaPlus schema = root.subSchemas().get(name);
      if (schema == null || !schemaMatches.test(name)) {
        continue;
      }
      for (TableShape t : schema.unwrap(DescribedSchema.class).tableShapes()) {
        if (tableMatches.test(t.name())) {
          shapes.add(t);
        }
      }
    }
    return shapes;
  }

  private static Predicate<String> like(@Nullable String pattern) {
    if (pattern == null) {
      return s -> true;
    }
    return LikePattern.matcher(pattern)::apply;
  }

  /** An exact name, or any when null (the key methods take names, not patterns). */
  private static Predicate<String> exact(@Nullable String name) {
    return s -> name == null || name.equals(s);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern) {
    Predicate<String> matches = like(schemaPattern.s);
    List<Object[]> rows = new ArrayList<>();
    for (String s : SCHEMAS) {
      if (matches.test(s)) {
        rows.add(new Object[] {s, null});
      }
    }
    return rows(List.of("TABLE_SCHEM", "TABLE_CATALOG"), types(String.class, String.class), rows);
  }

  /** None: names have no catalog part (tables report a null {@code TABLE_CAT}). */
  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return rows(List.of("TABLE_CAT"), types(String.class), List.of());
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {TABLE});
    return rows(List.of("TABLE_TYPE"), types(String.class), rows);
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern, Pat tableNamePattern, @Nullable List<String> typeList) {
    List<Object[]> rows = new ArrayList<>();
    if (typeList == null || typeList.contains(TABLE)) {
      for (TableShape t : shapes(schemaPattern.s, tableNamePattern.s)) {
        rows.add(new Object[] {null, t.schema(), t.name(), TABLE, t.remarks(), null, null, null,
            null, null});
      }
    }
    return rows(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"),
        types(String.class, String.class, String.class, String.class, String.class,
            String.class, String.class, String.class, String.class, String.class), rows);
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern, Pat tableNamePattern, Pat columnNamePattern) {
    Predicate<String> columnMatches = like(columnNamePattern.s);
    List<Object[]> rows = new ArrayList<>();
    for (TableShape t : shapes(schemaPattern.s, tableNamePattern.s)) {
      int position = 0;
      for (Column c : t.columns()) {
        position++;
        if (!columnMatches.test(c.name())) {
          continue;
        }
        rows.add(new Object[] {null, t.schema(), t.name(), c.name(),
            c.type().getJdbcOrdinal(), c.type().getName(), columnSize(c.type()), null,
            decimalDigits(c.type()), radix(c.type()),
            c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            c.remarks(), null, null, null, null, position, c.nullable() ? "YES" : "NO", null,
            null, null, null, "NO", "NO"});
      }
    }
    return rows(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
        "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX",
        "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
        "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"),
        types(String.class, String.class, String.class, String.class, Integer.class,
            String.class, Integer.class, Integer.class, Integer.class, Integer.class,
            Integer.class, String.class, String.class, Integer.class, Integer.class,
            Integer.class, Integer.class, String.class, String.class, String.class,
            String.class, Short.class, String.class, String.class), rows);
  }

  private static @Nullable Integer columnSize(SqlTypeName type) {
    return switch (type) {
      case BIGINT -> 19;
      case INTEGER -> 10;
      case DOUBLE -> 53;
      case BOOLEAN -> 1;
      case VARCHAR, VARBINARY -> Integer.MAX_VALUE;
      default -> null;
    };
  }

  private static @Nullable Integer decimalDigits(SqlTypeName type) {
    return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER ? 0 : null;
  }

  private static @Nullable Integer radix(SqlTypeName type) {
    return switch (type) {
      case BIGINT, INTEGER -> 10;
      case DOUBLE -> 2;
      default -> null;
    };
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return rows(TypeInfo.COLUMNS, TypeInfo.CLASSES, TypeInfo.rows());
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern, Pat functionNamePattern) {
    SchemaPlus root = ((CalciteConnection) connection).getRootSchema();
    // A null pattern does not narrow; "" selects what has no schema (the built-ins).
    Predicate<String> named = like(schemaPattern.s);
    Predicate<@Nullable String> schemaMatches = schemaPattern.s == null ? s -> true
        : s -> s == null ? schemaPattern.s.isEmpty() : named.test(s);
    return rows(Functions.COLUMNS, Functions.CLASSES,
        Functions.rows(root, SCHEMAS, schemaMatches, like(functionNamePattern.s)));
  }

  /**
   * The parameters of the schemas' functions and, for table functions, the columns of their
   * rows; built-in functions have none listed.
   */
  @Override
  public MetaResultSet getFunctionColumns(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern, Pat functionNamePattern, Pat columnNamePattern) {
    CalciteConnection calcite = (CalciteConnection) connection;
    RelDataTypeFactory typeFactory = calcite.getTypeFactory();
    Predicate<String> columnMatches = like(columnNamePattern.s);
    List<Object[]> rows = new ArrayList<>();
    for (Functions.SchemaFunction f : Functions.schemaFunctions(calcite.getRootSchema(),
        SCHEMAS, like(schemaPattern.s)::test, like(functionNamePattern.s))) {
      List<FunctionParameter> parameters = f.function().getParameters();
      for (FunctionParameter p : parameters) {
        if (columnMatches.test(p.getName())) {
          rows.add(functionColumn(f, p.getName(), DatabaseMetaData.functionColumnIn,
              p.getType(typeFactory), p.getOrdinal() + 1));
        }
      }
      if (f.function() instanceof TableFunction table) {
        // The row type does not depend on the arguments, which are unknown here.
        List<@Nullable Object> unknown = Collections.nCopies(parameters.size(), null);
        for (RelDataTypeField c : table.getRowType(typeFactory, unknown).getFieldList()) {
          if (columnMatches.test(c.getName())) {
            rows.add(functionColumn(f, c.getName(), DatabaseMetaData.functionColumnResult,
                c.getType(), c.getIndex() + 1));
          }
        }
      }
    }
    return rows(List.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME",
        "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX",
        "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
        "SPECIFIC_NAME"),
        types(String.class, String.class, String.class, String.class, Short.class,
            Integer.class, String.class, Integer.class, Integer.class, Short.class, Short.class,
            Short.class, String.class, Integer.class, Integer.class, String.class,
            String.class), rows);
  }

  private static Object[] functionColumn(Functions.SchemaFunction f, String name, int kind,
      RelDataType type, int position) {
    SqlTypeName t = type.getSqlTypeName();
    Integer scale = decimalDigits(t);
    Integer radix = radix(t);
    return new Object[] {null, f.schema(), f.name(), name, (short) kind, t.getJdbcOrdinal(),
        t.getName(), columnSize(t), null, scale == null ? null : scale.shortValue(),
        radix == null ? null : radix.shortValue(),
        (short) (type.isNullable() ? DatabaseMetaData.functionNullable
            : DatabaseMetaData.functionNoNulls),
        null, null, position, type.isNullable() ? "YES" : "NO", f.specificName()};
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    List<Object[]> rows = new ArrayList<>();
    for (TableShape t : shapes(null, null)) {
      if (!exact(schema).test(t.schema()) || !exact(table).test(t.name())) {
        continue;
      }
      for (int i = 0; i < t.primaryKey().size(); i++) {
        rows.add(new Object[] {null, t.schema(), t.name(), t.primaryKey().get(i),
            (short) (i + 1), primaryKeyName(t)});
      }
    }
    return rows(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
        "PK_NAME"), types(String.class, String.class, String.class, String.class, Short.class,
        String.class), rows);
  }

  /** The primary key of each table, as the unique index the backend keeps for it. */
  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table, boolean unique, boolean approximate) {
    List<Object[]> rows = new ArrayList<>();
    for (TableShape t : shapes(null, null)) {
      if (!exact(schema).test(t.schema()) || !exact(table).test(t.name())) {
        continue;
      }
      for (int i = 0; i < t.primaryKey().size(); i++) {
        rows.add(new Object[] {null, t.schema(), t.name(), false, null, primaryKeyName(t),
            (short) DatabaseMetaData.tableIndexOther, (short) (i + 1), t.primaryKey().get(i),
            "A", null, null, null});
      }
    }
    return rows(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE",
        "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME",
        "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION"),
        types(String.class, String.class, String.class, Boolean.class, String.class,
            String.class, Short.class, Short.class, String.class, String.class, Long.class,
            Long.class, String.class), rows);
  }

  /** The primary key identifies a row, for as long as the store keeps it. */
  @Override
  public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, String table, int scope, boolean nullable) {
    List<Object[]> rows = new ArrayList<>();
    for (TableShape t : shapes(null, null)) {
      if (!exact(schema).test(t.schema()) || !t.name().equals(table)) {
        continue;
      }
      for (String name : t.primaryKey()) {
        Column c = t.columns().stream().filter(col -> col.name().equals(name)).findFirst()
            .orElseThrow();
        rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, c.name(),
            c.type().getJdbcOrdinal(), c.type().getName(), columnSize(c.type()), null,
            decimalDigits(c.type()) == null ? null : (short) 0,
            (short) DatabaseMetaData.bestRowNotPseudo});
      }
    }
    return rows(List.of("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
        "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN"),
        types(Short.class, String.class, Integer.class, String.class, Integer.class,
            Integer.class, Short.class, Short.class), rows);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return keys(null, null, schema, table);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return keys(schema, table, null, null);
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, @Nullable String parentCatalog,
      @Nullable String parentSchema, @Nullable String parentTable,
      @Nullable String foreignCatalog, @Nullable String foreignSchema,
      @Nullable String foreignTable) {
    return keys(parentSchema, parentTable, foreignSchema, foreignTable);
  }

  /** Foreign keys from the foreign table to the primary (referenced) one; null = any. */
  private MetaResultSet keys(@Nullable String pkSchema, @Nullable String pkTable,
      @Nullable String fkSchema, @Nullable String fkTable) {
    List<Object[]> rows = new ArrayList<>();
    for (TableShape t : shapes(null, null)) {
      if (!exact(fkSchema).test(t.schema()) || !exact(fkTable).test(t.name())) {
        continue;
      }
      for (ForeignKey k : t.foreignKeys()) {
        if (!exact(pkSchema).test(k.targetSchema()) || !exact(pkTable).test(k.targetTable())) {
          continue;
        }
        rows.add(new Object[] {null, k.targetSchema(), k.targetTable(), k.targetColumn(), null,
            t.schema(), t.name(), k.column(), (short) 1,
            (short) DatabaseMetaData.importedKeyNoAction,
            (short) DatabaseMetaData.importedKeyNoAction,
            "fk_" + t.name() + "_" + k.column(), "pk_" + k.targetTable(),
            (short) DatabaseMetaData.importedKeyNotDeferrable});
      }
    }
    rows.sort((a, b) -> Arrays.compare(
        new String[] {(String) a[1], (String) a[2], (String) a[5], (String) a[6]},
        new String[] {(String) b[1], (String) b[2], (String) b[5], (String) b[6]}));
    return rows(List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
        "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"),
        types(String.class, String.class, String.class, String.class, String.class,
            String.class, String.class, String.class, Short.class, Short.class, Short.class,
            String.class, String.class, Short.class), rows);
  }

  private static String primaryKeyName(TableShape t) {
    return "pk_" + t.name();
  }

  private static List<Class<?>> types(Class<?>... classes) {
    return List.of(classes);
  }

  private MetaResultSet rows(List<String> names, List<Class<?>> classes, List<Object[]> rows) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(MetaImpl.columnMetaData(names.get(i), i, classes.get(i), true));
    }
    List<Object> frameRows = new ArrayList<>(rows);
    return createResultSet(Map.of(), columns, CursorFactory.ARRAY,
        new Frame(0, true, frameRows));
  }
}

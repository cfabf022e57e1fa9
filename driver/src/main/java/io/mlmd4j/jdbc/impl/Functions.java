package io.mlmd4j.jdbc.impl;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of {@code DatabaseMetaData.getFunctions()}: the functions of the driver's schemas
 * (table functions included) under their schema, and SQL's built-in functions, which every query
 * can call, with no schema.
 */
final class Functions {

  static final List<String> COLUMNS = List.of("FUNCTION_CAT", "FUNCTION_SCHEM",
      "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE", "SPECIFIC_NAME");

  static final List<Class<?>> CLASSES = List.of(String.class, String.class, String.class,
      String.class, Short.class, String.class);

  /** The built-in functions by name; the standard table has several objects for some names. */
  private static final TreeMap<String, Short> BUILT_IN = builtIn();

  private Functions() {}

  /**
   * Rows for the schemas {@code schemaMatches} accepts (built-ins when it accepts null, as a
   * null schema pattern does) and names {@code nameMatches} accepts.
   */
  static List<Object[]> rows(SchemaPlus root, List<String> schemas,
      Predicate<@Nullable String> schemaMatches, Predicate<String> nameMatches) {
    List<Object[]> rows = new ArrayList<>();
    if (schemaMatches.test(null)) {
      BUILT_IN.forEach((name, type) -> {
        if (nameMatches.test(name)) {
          rows.add(new Object[] {null, null, name, "SQL built-in function", type, name});
        }
      });
    }
    for (SchemaFunction f : schemaFunctions(root, schemas, schemaMatches, nameMatches)) {
      boolean table = f.returnsTable();
      rows.add(new Object[] {null, f.schema(), f.name(), table ? "Table function" : "Function",
          (short) (table ? DatabaseMetaData.functionReturnsTable
              : DatabaseMetaData.functionNoTable), f.specificName()});
    }
    return rows;
  }

  /** A function of one of the driver's schemas; overloads are separate objects. */
  record SchemaFunction(String schema, String name, Function function) {

    boolean returnsTable() {
      return function instanceof TableFunction || function instanceof TableMacro;
    }

    /** Unique among overloads, as JDBC asks: the name with its parameters' names. */
    String specificName() {
      StringJoiner parameters = new StringJoiner(", ", schema + "." + name + "(", ")");
      function.getParameters().forEach(p -> parameters.add(p.getName()));
      return parameters.toString();
    }
  }

  /** The functions of the schemas and names the predicates accept, by schema and name. */
  static List<SchemaFunction> schemaFunctions(SchemaPlus root, List<String> schemas,
      Predicate<@Nullable String> schemaMatches, Predicate<String> nameMatches) {
    List<SchemaFunction> functions = new ArrayList<>();
    for (String schemaName : schemas) {
      SchemaPlus schema = root.subSchemas().get(schemaName);
      if (schema == null || !schemaMatches.test(schemaName)) {
        continue;
      }
      for (String name : new TreeSet<>(schema.getFunctionNames())) {
        if (nameMatches.test(name)) {
          schema.getFunctions(name)
              .forEach(f -> functions.add(new SchemaFunction(schemaName, name, f)));
        }
      }
    }
    return functions;
  }

  private static TreeMap<String, Short> builtIn() {
    TreeMap<String, Short> functions = new TreeMap<>();
    for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
      String name = op.getName();
      if (op instanceof SqlFunction f && name.matches("[A-Z][A-Z0-9_]*")
          && (f.getSyntax() == SqlSyntax.FUNCTION || f.getSyntax() == SqlSyntax.FUNCTION_ID
              || f.getSyntax() == SqlSyntax.FUNCTION_STAR)) {
        boolean table = f.getFunctionType().isTableFunction();
        functions.merge(name, (short) (table
            ? DatabaseMetaData.functionReturnsTable : DatabaseMetaData.functionNoTable),
            (a, b) -> a);
      }
    }
    return functions;
  }
}

package io.mlmd4j.jdbc.impl;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of {@code DatabaseMetaData.getTypeInfo()}: the SQL types a query can name in a
 * {@code CAST}, which include every type of the logical schema's columns. Calcite's internal
 * types (symbols, cursors, intervals and the like) are left out: no column has them.
 */
final class TypeInfo {

  /** The types listed, in the order JDBC asks for: by {@code DATA_TYPE}. */
  private static final List<SqlTypeName> TYPES = List.of(SqlTypeName.TINYINT,
      SqlTypeName.BIGINT, SqlTypeName.VARBINARY, SqlTypeName.BINARY, SqlTypeName.CHAR,
      SqlTypeName.DECIMAL, SqlTypeName.INTEGER, SqlTypeName.SMALLINT, SqlTypeName.FLOAT,
      SqlTypeName.REAL, SqlTypeName.DOUBLE, SqlTypeName.VARCHAR, SqlTypeName.BOOLEAN,
      SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP);

  static final List<String> COLUMNS = List.of("TYPE_NAME", "DATA_TYPE", "PRECISION",
      "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE",
      "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME",
      "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX");

  static final List<Class<?>> CLASSES = List.of(String.class, Integer.class, Integer.class,
      String.class, String.class, String.class, Short.class, Boolean.class, Short.class,
      Boolean.class, Boolean.class, Boolean.class, String.class, Short.class, Short.class,
      Integer.class, Integer.class, Integer.class);

  private TypeInfo() {}

  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (SqlTypeName t : TYPES) {
      boolean text = t == SqlTypeName.CHAR || t == SqlTypeName.VARCHAR;
      boolean binary = t == SqlTypeName.BINARY || t == SqlTypeName.VARBINARY;
      boolean temporal = SqlTypeName.DATETIME_TYPES.contains(t);
      boolean numeric = SqlTypeName.NUMERIC_TYPES.contains(t);
      String prefix = text ? "'" : binary ? "X'" : temporal ? t.getName() + " '" : null;
      rows.add(new Object[] {t.getName(), t.getJdbcOrdinal(), precision(t), prefix,
          prefix == null ? null : "'", createParams(t), (short) DatabaseMetaData.typeNullable,
          text, (short) (binary ? DatabaseMetaData.typePredBasic
              : DatabaseMetaData.typeSearchable), numeric ? false : null,
          t == SqlTypeName.DECIMAL, false, null, (short) 0,
          (short) (t == SqlTypeName.DECIMAL ? 19 : 0), null, null,
          numeric ? (SqlTypeName.APPROX_TYPES.contains(t) ? 2 : 10) : null});
    }
    return rows;
  }

  private static int precision(SqlTypeName t) {
    return switch (t) {
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT, DECIMAL -> 19;
      case REAL -> 24;
      case FLOAT, DOUBLE -> 53;
      case BOOLEAN -> 1;
      case DATE -> 10;
      case TIME -> 8;
      case TIMESTAMP -> 23;
      default -> Integer.MAX_VALUE;
    };
  }

  private static String createParams(SqlTypeName t) {
    return switch (t) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> "length";
      case DECIMAL -> "precision,scale";
      default -> null;
    };
  }
}

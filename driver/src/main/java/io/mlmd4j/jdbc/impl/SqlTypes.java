package io.mlmd4j.jdbc.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The SQL types of the logical schema's columns. */
final class SqlTypes {

  private SqlTypes() {}

  static RelDataType of(RelDataTypeFactory typeFactory, SqlTypeName type, boolean nullable) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(type), nullable);
  }
}

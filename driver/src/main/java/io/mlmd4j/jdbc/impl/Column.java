package io.mlmd4j.jdbc.impl;

import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/** One column of a logical table, as SQL and {@code DatabaseMetaData} see it. */
public record Column(String name, SqlTypeName type, boolean nullable, String remarks) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(remarks, "remarks");
  }

  static Column notNull(String name, SqlTypeName type, String remarks) {
    return new Column(name, type, false, remarks);
  }

  static Column nullable(String name, SqlTypeName type, String remarks) {
    return new Column(name, type, true, remarks);
  }
}

package io.mlmd4j.jdbc.impl;

import org.apache.calcite.sql.dialect.SqliteSqlDialect;

/**
 * Calcite's SQLite dialect without character sets in casts: SQLite has no
 * {@code CHARACTER SET} clause, and Calcite's strings (UTF-8 here) would otherwise send
 * {@code CAST(x AS VARCHAR CHARACTER SET "UTF-8")}, a syntax error.
 */
final class SqliteDialect extends SqliteSqlDialect {

  SqliteDialect(Context context) {
    super(context);
  }

  @Override
  public boolean supportsCharSet() {
    return false;
  }
}

package io.mlmd4j.planner;

import io.mlmd4j.store.spi.SqlTarget;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;

/**
 * Calcite's dialect for a backend, built with the server's version. Never
 * {@code SqliteSqlDialect.DEFAULT}: without a version it allows no join at all; and never from
 * the product name, which Calcite does not know for SQLite.
 */
final class Dialects {

  private Dialects() {}

  static SqlDialect of(SqlTarget target) {
    return switch (target.dialect()) {
      case SQLITE -> new SqliteSqlDialect(SqliteSqlDialect.DEFAULT_CONTEXT
          .withDatabaseProduct(SqlDialect.DatabaseProduct.SQLITE)
          .withDatabaseMajorVersion(target.majorVersion())
          .withDatabaseMinorVersion(target.minorVersion()));
      case MYSQL -> new MysqlSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT
          .withDatabaseMajorVersion(target.majorVersion())
          .withDatabaseMinorVersion(target.minorVersion()));
    };
  }
}

package io.mlmd4j.store.spi;

import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * The database a query is compiled for: its SQL dialect and the server's version, which decide
 * what SQL it understands (SQLite's minor version, MySQL 8 against MariaDB).
 *
 * @param dialect SQLite or MySQL / MariaDB
 * @param majorVersion the server's major version, e.g. 3 for SQLite 3.50, 11 for MariaDB 11.4
 * @param minorVersion the server's minor version
 * @param mariaDb true when the MySQL-protocol server is MariaDB
 */
public record SqlTarget(Dialect dialect, int majorVersion, int minorVersion, boolean mariaDb) {

  public SqlTarget {
    Objects.requireNonNull(dialect, "dialect");
  }

  /** The target of the database behind {@code connection}, read from its metadata. */
  public static SqlTarget of(Connection connection, Dialect dialect) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    boolean mariaDb = dialect == Dialect.MYSQL && meta.getDatabaseProductVersion()
        .toLowerCase(Locale.ROOT).contains("mariadb");
    return new SqlTarget(dialect, meta.getDatabaseMajorVersion(),
        meta.getDatabaseMinorVersion(), mariaDb);
  }

  /**
   * Whether the server runs {@code WITH RECURSIVE} common table expressions: every SQLite this
   * store runs on, MySQL from 8, MariaDB from 10.2.
   */
  public boolean hasRecursiveQueries() {
    if (dialect == Dialect.SQLITE) {
      return true;
    }
    return mariaDb ? majorVersion > 10 || majorVersion == 10 && minorVersion >= 2
        : majorVersion >= 8;
  }
}

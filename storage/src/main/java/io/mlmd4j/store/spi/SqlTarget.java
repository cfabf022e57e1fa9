package io.mlmd4j.store.spi;

import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a query is compiled for: its SQL dialect and the server's version, which decide
 * what SQL it understands (SQLite's minor version, MySQL 8 against MariaDB).
 *
 * @param dialect SQLite or MySQL / MariaDB
 * @param majorVersion the server's major version, e.g. 3 for SQLite 3.50, 11 for MariaDB 11.4
 * @param minorVersion the server's minor version
 * @param mariaDb true when the MySQL-protocol server is MariaDB
 * @param recursiveQueries whether lineage walks are planned as recursive queries; false plans
 *     them as one query per hop
 */
public record SqlTarget(Dialect dialect, int majorVersion, int minorVersion, boolean mariaDb,
    boolean recursiveQueries) {

  /** MariaDB 10 announces itself as "5.5.5-10.x.y-MariaDB" to MySQL's clients. */
  private static final Pattern MARIADB_VERSION =
      Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB", Pattern.CASE_INSENSITIVE);

  public SqlTarget {
    Objects.requireNonNull(dialect, "dialect");
  }

  /** A target that plans recursive queries where the server runs them. */
  public SqlTarget(Dialect dialect, int majorVersion, int minorVersion, boolean mariaDb) {
    this(dialect, majorVersion, minorVersion, mariaDb,
        serverHasRecursiveQueries(dialect, majorVersion, minorVersion, mariaDb));
  }

  /** The target of the database behind {@code connection}, read from its metadata. */
  public static SqlTarget of(Connection connection, Dialect dialect) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String version = meta.getDatabaseProductVersion();
    boolean mariaDb = dialect == Dialect.MYSQL
        && version.toLowerCase(Locale.ROOT).contains("mariadb");
    int major = meta.getDatabaseMajorVersion();
    int minor = meta.getDatabaseMinorVersion();
    Matcher m = MARIADB_VERSION.matcher(version);
    if (mariaDb && m.find()) {
      major = Integer.parseInt(m.group(1));
      minor = Integer.parseInt(m.group(2));
    }
    return new SqlTarget(dialect, major, minor, mariaDb);
  }

  /** This target with lineage walks planned one query per hop, as for a server without them. */
  public SqlTarget withoutRecursiveQueries() {
    return new SqlTarget(dialect, majorVersion, minorVersion, mariaDb, false);
  }

  /**
   * Whether the server runs {@code WITH RECURSIVE} common table expressions: every SQLite this
   * store runs on, MySQL from 8, MariaDB from 10.2 (whose first releases with them, 10.2.2 on,
   * are the first of 10.2 past alpha).
   */
  public static boolean serverHasRecursiveQueries(Dialect dialect, int majorVersion,
      int minorVersion, boolean mariaDb) {
    if (dialect == Dialect.SQLITE) {
      return true;
    }
    return mariaDb ? majorVersion > 10 || majorVersion == 10 && minorVersion >= 2
        : majorVersion >= 8;
  }

  /**
   * Whether lineage walks are planned as recursive queries: where the server runs them, unless
   * {@link #withoutRecursiveQueries()} said otherwise.
   */
  public boolean hasRecursiveQueries() {
    return recursiveQueries;
  }
}

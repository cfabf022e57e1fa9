package io.mlmd4j.jdbc.impl;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A small pool over a SQLite store's read-only connections. The store hands out a new SQLite
 * connection per call, and a new connection reads the database's schema again before its first
 * query: about 2 ms, sixty times the cost of a point query. The driver runs every statement on
 * a connection of its own, so it keeps a few open, each with its prepared statements
 * ({@link StatementCache}).
 */
final class SqliteReadPool {

  private static final int SIZE = 4;

  private SqliteReadPool() {}

  /** A pool over {@code connections}, which it opens as needed; close it before the store. */
  static HikariDataSource over(DataSource connections, String name) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(StatementCache.over(connections));
    config.setPoolName("mlmd4j-sql-" + name);
    config.setMaximumPoolSize(SIZE);
    config.setMinimumIdle(0);
    config.setAutoCommit(true);
    config.setReadOnly(true);
    // A file or an in-memory database does not drop connections; nothing to test or expire.
    config.setMaxLifetime(0);
    config.setIdleTimeout(60_000);
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }
}

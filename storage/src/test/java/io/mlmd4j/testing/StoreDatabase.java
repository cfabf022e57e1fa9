package io.mlmd4j.testing;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.schema.SchemaManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One new database on a backend, opened as a store again and again, and looked into with plain
 * SQL through a connection of its own beside the stores. SQLite and MySQL databases outlive their
 * stores, so each open is a new store on the URL; a fake database lives as long as its one
 * connection, so each open runs the schema manager again on that connection, as a new store on
 * it would.
 */
public final class StoreDatabase implements AutoCloseable {

  private final Backend backend;
  private final String url;
  private final MetadataSource source;

  private StoreDatabase(Backend backend, String url) {
    this.backend = backend;
    this.url = url;
    this.source = MetadataSource.open(ConnectionUrl.parse(url));
  }

  /** A new, empty database on the backend. */
  public static StoreDatabase fresh(Backend backend) {
    return new StoreDatabase(backend, TestDatabases.freshUrl(backend));
  }

  /** The database a SQLite or MySQL URL names; it may exist already. */
  public static StoreDatabase at(Backend backend, String url) {
    if (backend == Backend.FAKE) {
      throw new IllegalArgumentException("A fake database cannot be reached through a URL");
    }
    return new StoreDatabase(backend, url);
  }

  public Backend backend() {
    return backend;
  }

  /** The database's URL; a fake database cannot be reached through it. */
  public String url() {
    return url;
  }

  /** Opens the database as a store, with {@code parameters} ("enableUpgradeMigration=true"). */
  public void open(String... parameters) {
    String target = withParameters(url, parameters);
    if (backend != Backend.FAKE) {
      MetadataStore.open(target).close();
      return;
    }
    ConnectionSettings settings = ConnectionUrl.parse(target);
    new SchemaManager(source).open(settings.migration());
  }

  /** The schema version MLMDEnv holds (0 for 0.13.2's tables), or -1 when there is none. */
  public int version() {
    return new SchemaManager(source).version();
  }

  /** Runs SQL statements in one transaction. */
  public void execute(String... statements) {
    source.write(c -> {
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
      return null;
    });
  }

  /** The rows a query returns, each as its values joined by '|'. */
  public List<String> rows(String sql) {
    return source.read(c -> rows(c, sql));
  }

  /** The MLMD tables present, sorted. */
  public List<String> tables() {
    String sql = backend == Backend.MYSQL
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
            + " ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY name";
    return rows(sql);
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    SqliteFiles.query(c, sql, rs -> {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.append(i == 1 ? "" : "|").append(rs.getString(i));
      }
      rows.add(row.toString());
    });
    return rows;
  }

  /** The URL with query parameters added. */
  public static String withParameters(String url, String... parameters) {
    StringBuilder target = new StringBuilder(url);
    for (String parameter : parameters) {
      target.append(target.indexOf("?") < 0 ? '?' : '&').append(parameter);
    }
    return target.toString();
  }

  @Override
  public void close() {
    source.close();
  }
}

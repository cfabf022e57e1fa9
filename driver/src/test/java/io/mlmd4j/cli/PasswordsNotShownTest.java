package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.cli.MlmdCommandTest.Result;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.jdbc.Driver;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.testing.MySqlAdmin;
import io.mlmd4j.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MySQL password never shows: not in the errors of {@code MetadataStore.open},
 * {@code DriverManager.getConnection} or the {@code mlmd} command (their messages, causes,
 * suppressed exceptions and stack traces), not in {@code getPropertyInfo}'s values or
 * {@code toString}s, not in log lines (a JVM of its own logging at DEBUG). Every password here
 * holds {@value #MARKER}, and no other text does.
 */
class PasswordsNotShownTest {

  private static final String MARKER = "MARKER";
  /** The password of the user created for these tests; not valid percent-encoding as it is. */
  private static final String PASSWORD = "pa%ss-MARKER-42";

  private static String host;
  private static int port;
  private static String user;
  private static Path notPem;

  @BeforeAll
  static void createUser() throws Exception {
    MySQLDatabaseConfig server = MySqlAdmin.config(TestDatabases.mysqlUrl("mysql"));
    host = server.getHost();
    port = (int) server.getPort();
    user = "mlmd4j_secret_" + ProcessHandle.current().pid();
    try (Connection c = MySqlAdmin.connect(""); Statement s = c.createStatement()) {
      s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      s.execute("GRANT ALL PRIVILEGES ON `mlmd4j_secret%`.* TO '" + user + "'@'%'");
    }
    notPem = TestDatabases.tempDir().resolve("ca.pem");
    Files.writeString(notPem, "not a certificate\n");
  }

  /** A way of connecting: a URL, and properties the JDBC driver is given with it. */
  record Attempt(String name, String url, Properties info) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Failing attempts, then {@link #successes}. */
  static List<Attempt> failures(String host, int port, String user, Path notPem) {
    String server = "jdbc:mlmd:mysql://" + host + ":" + port;
    String encoded = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    String missing = "mlmd4j_secret_missing";
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(url("raw '%' in the password", server + "/mlmd4j_secret_a?user=" + user
        + "&password=" + PASSWORD));
    attempts.add(url("password ending in a bad escape", server + "/mlmd4j_secret_a?user=" + user
        + "&password=MARKER%zz"));
    attempts.add(url("raw '&' in the password", server + "/mlmd4j_secret_a?password=pa&MARKER-7"
        + "&user=" + user));
    attempts.add(url("password before '@'", "jdbc:mlmd:mysql://" + user + ":MARKER-55@" + host
        + ":" + port + "/mlmd4j_secret_a"));
    attempts.add(url("misspelt password parameter", server + "/mlmd4j_secret_a?user=" + user
        + "&passwd=MARKER-66"));
    attempts.add(url("password on a SQLite URL", "jdbc:mlmd:sqlite:"
        + TestDatabases.tempDir().resolve("x.sqlite") + "?password=MARKER-77"));
    attempts.add(url("wrong password", server + "/mlmd4j_secret_a?user=root&password="
        + encoded));
    attempts.add(url("right password, missing database", server + "/" + missing + "?user="
        + user + "&password=" + encoded + "&skipDbCreation=true"));
    attempts.add(url("right password, database not granted", server + "/other_db?user=" + user
        + "&password=" + encoded));
    attempts.add(url("unreachable server", "jdbc:mlmd:mysql://127.0.0.1:1/db?user=" + user
        + "&password=" + encoded));
    attempts.add(url("TLS file that is no certificate", server + "/mlmd4j_secret_a?user=" + user
        + "&password=" + encoded + "&sslCa=" + notPem));
    attempts.add(props("wrong password in properties", server + "/mlmd4j_secret_a", "root",
        PASSWORD));
    attempts.add(props("unreachable server, password in properties",
        "jdbc:mlmd:mysql://127.0.0.1:1/db", user, "MARKER%zz"));
    attempts.add(props("bad URL, password in properties", "jdbc:mlmd:mysql://" + host + ":x/db",
        user, PASSWORD));
    return attempts;
  }

  /** Attempts that log in and open the store. */
  static List<Attempt> successes(String host, int port, String user) {
    String server = "jdbc:mlmd:mysql://" + host + ":" + port;
    String database = "mlmd4j_secret_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
    return List.of(url("right password", server + "/" + database + "?user=" + user
        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)),
        props("right password in properties", server + "/" + database, user, PASSWORD));
  }

  private static Attempt url(String name, String url) {
    return new Attempt(name, url, new Properties());
  }

  private static Attempt props(String name, String url, String user, String password) {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", password);
    return new Attempt(name, url, info);
  }

  @Test
  void theStoreApiAndTheJdbcDriverNeverShowThePassword() throws Exception {
    for (Attempt a : failures(host, port, user, notPem)) {
      String shown = captured(() -> tryEach(a, true));
      assertThat(shown).as(a.name()).contains("failed").doesNotContain(MARKER);
    }
    for (Attempt a : successes(host, port, user)) {
      String shown = captured(() -> tryEach(a, false));
      assertThat(shown).as(a.name()).doesNotContain(MARKER, "failed");
    }
  }

  @Test
  void theMlmdCommandNeverShowsThePassword() throws Exception {
    for (Attempt a : failures(host, port, user, notPem)) {
      if (!a.info().isEmpty()) {
        continue;
      }
      String shown = captured(() -> runCommands(a.url()));
      assertThat(shown).as(a.name()).contains("mlmd: ").doesNotContain(MARKER);
    }
    String url = successes(host, port, user).get(0).url();
    String shown = captured(() -> runCommands(url));
    assertThat(shown).contains("Unmatched argument").doesNotContain(MARKER);
  }

  /** All of it again in a JVM that logs everything (DEBUG): no log line shows the password. */
  @Test
  void noLogLineShowsThePassword() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
        "-Dio.mlmd4j.shaded.org.slf4j.simpleLogger.defaultLogLevel=debug",
        "-cp", System.getProperty("java.class.path"), Probe.class.getName(), host,
        Integer.toString(port), user, notPem.toString()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).contains("DEBUG com.zaxxer.hikari", "probe done");
    assertThat(output).doesNotContain(MARKER);
  }

  /** Runs {@link #failures} and {@link #successes} through every path, printing what shows. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Path notPem = Path.of(args[3]);
      for (Attempt a : failures(args[0], Integer.parseInt(args[1]), args[2], notPem)) {
        tryEach(a, true);
        if (a.info().isEmpty()) {
          runCommands(a.url());
        }
      }
      for (Attempt a : successes(args[0], Integer.parseInt(args[1]), args[2])) {
        tryEach(a, false);
        if (a.info().isEmpty()) {
          runCommands(a.url());
        }
      }
      System.out.println("probe done");
    }
  }

  /**
   * Opens the store, connects through {@code DriverManager} and asks {@code getPropertyInfo}
   * with the attempt, printing each error's stack trace (messages of every cause and suppressed
   * exception) or, for one that connects, what its objects show of themselves.
   */
  static void tryEach(Attempt a, boolean failing) throws Exception {
    System.out.println("== " + a.name());
    try {
      Object settings = ConnectionUrl.parse(a.url(), a.info());
      System.out.println(settings);
      try (MetadataStore store = MetadataStore.open(ConnectionUrl.parse(a.url(), a.info()))) {
        System.out.println(store);
      }
    } catch (RuntimeException e) {
      print("MetadataStore.open failed", e);
    }
    try (Connection c = DriverManager.getConnection(a.url(), a.info())) {
      System.out.println(c + " " + c.getMetaData().getURL() + " " + c.getClientInfo());
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT COUNT(*) FROM artifacts").close();
      }
    } catch (Exception e) {
      print("DriverManager.getConnection failed", e);
    }
    for (DriverPropertyInfo d : new Driver().getPropertyInfo(a.url(), a.info())) {
      System.out.println(d.name + "=" + d.value);
    }
  }

  private static void print(String what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    System.out.println(what + ": " + trace);
  }

  /** Commands that open the store the URL names, with and without {@code --debug}. */
  static void runCommands(String url) {
    for (String[] args : List.of(new String[] {"types", url},
        new String[] {"--debug", "types", url}, new String[] {"shell", url, "-e", "SELECT 1"},
        new String[] {"copy", url, "jdbc:mlmd:fake"}, new String[] {"types", url, url})) {
      Result r = MlmdCommandTest.run(args);
      System.out.println("mlmd " + args[0] + " exit " + r.exitCode() + "\n" + r.out() + r.err());
    }
  }

  /** What {@code work} prints on standard output and error, and what is logged there. */
  private static String captured(ThrowingRunnable work) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      work.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}

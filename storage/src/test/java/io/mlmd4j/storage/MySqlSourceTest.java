package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.testing.MySqlAdmin;
import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a store reaches a MySQL server: the database it creates, the errors of a refused login, a
 * missing database or an unreachable server, and connections the server drops under it.
 */
class MySqlSourceTest {

  private static final AtomicInteger USERS = new AtomicInteger();

  @Test
  void createsTheDatabaseInUtf8mb4WithBinaryCollationWithoutPadding() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    MetadataStore.open(url).close();
    try (Connection c = MySqlAdmin.connect("")) {
      String collation = rows(c, "SELECT VERSION()").get(0).contains("MariaDB")
          ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin";
      assertThat(rows(c, "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, ' ', DEFAULT_COLLATION_NAME)"
          + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", database))
          .containsExactly("utf8mb4 " + collation);
      assertThat(rows(c, "SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES"
          + " WHERE TABLE_SCHEMA = ?", database)).containsExactly(collation);
    }
  }

  @Test
  void skipDbCreationRefusesAMissingDatabaseByName() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    assertThatThrownBy(() -> MetadataStore.open(with(url, "skipDbCreation=true")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
          assertThat(e.getMessage()).contains(database, "skipDbCreation");
        });
    try (Connection c = MySqlAdmin.connect("")) {
      assertThat(rows(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
          + " WHERE SCHEMA_NAME = ?", database)).isEmpty();
    }
  }

  @Test
  void skipDbCreationOpensADatabaseThatExists() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    try (Connection c = MySqlAdmin.connect(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + database + "`");
    }
    MetadataStore.open(with(url, "skipDbCreation=true")).close();
    try (Connection c = MySqlAdmin.connect(database)) {
      assertThat(rows(c, "SELECT schema_version FROM MLMDEnv")).containsExactly("10");
    }
  }

  @Test
  void wrongPasswordIsUnauthenticated() throws SQLException {
    String user = newUser("s3cret", "*.*");
    String database = TestDatabases.freshDatabaseName();
    assertThatThrownBy(() -> MetadataStore.open(urlAs(database, user, "not-it")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.UNAUTHENTICATED);
          assertThat(e.getMessage()).contains("refused", user, database).doesNotContain("not-it");
        });
    MetadataStore.open(urlAs(database, user, "s3cret")).close();
  }

  @Test
  void userWithoutRightsToTheDatabaseIsPermissionDenied() throws SQLException {
    String user = newUser("pw", "`mlmd4j_elsewhere`.*");
    String database = TestDatabases.freshDatabaseName();
    assertThatThrownBy(() -> MetadataStore.open(urlAs(database, user, "pw")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.PERMISSION_DENIED);
          assertThat(e.getMessage()).contains(user, database);
        });
  }

  @Test
  void unreachableServerIsUnavailableNamingHostAndPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:mlmd:mysql://127.0.0.1:" + port + "/nothing_here?user=root";
    assertThatThrownBy(() -> MetadataStore.open(url))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
          assertThat(e.getMessage()).contains("127.0.0.1:" + port);
        });
  }

  /** Every connection of the store's pool killed by the server: the next calls get new ones. */
  @Test
  void connectionsTheServerKilledAreReplaced() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url));
        Connection admin = MySqlAdmin.connect("")) {
      SchemaManager schema = new SchemaManager(source);
      schema.open(MigrationOptions.getDefaultInstance());
      List<String> killed = sessionsOn(admin, database);
      assertThat(killed).isNotEmpty();
      try (Statement s = admin.createStatement()) {
        for (String id : killed) {
          s.execute("KILL " + id);
        }
      }
      awaitGone(admin, killed);

      assertThat(schema.version()).isEqualTo(10);
      source.write(c -> insertType(c, "after-kill"));
      assertThat(source.read(MySqlSourceTest::connectionId)).isNotIn(killed);
    }
  }

  /** The connection dies inside a transaction, before its commit: the work runs again. */
  @Test
  void workWhoseConnectionDiedBeforeCommitRunsAgain() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    MetadataStore.open(url).close();
    AtomicInteger runs = new AtomicInteger();
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url));
        Connection admin = MySqlAdmin.connect("")) {
      source.write(c -> {
        if (runs.incrementAndGet() == 1) {
          try (Statement s = admin.createStatement()) {
            s.execute("KILL " + connectionId(c));
          }
        }
        return insertType(c, "written-once");
      });
    }
    assertThat(runs).hasValue(2);
    try (Connection c = MySqlAdmin.connect(MySqlAdmin.databaseOf(url))) {
      assertThat(rows(c, "SELECT COUNT(*) FROM Type WHERE name = ?", "written-once"))
          .containsExactly("1");
    }
  }

  /**
   * The server closes sessions idle longer than wait_timeout (2 s here, for this test only): the
   * store's next call gets a fresh connection.
   */
  @Test
  void connectionsIdlePastWaitTimeoutAreReplaced() throws SQLException {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    MetadataStore.open(url).close();
    try (Connection admin = MySqlAdmin.connect(""); Statement s = admin.createStatement()) {
      String saved = rows(admin, "SELECT @@GLOBAL.wait_timeout").get(0);
      s.execute("SET GLOBAL wait_timeout = 2");
      try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url))) {
        SchemaManager schema = new SchemaManager(source);
        assertThat(schema.version()).isEqualTo(10);
        List<String> idle = sessionsOn(admin, database);
        assertThat(idle).isNotEmpty();
        awaitGone(admin, idle);

        assertThat(schema.version()).isEqualTo(10);
        assertThat(source.read(MySqlSourceTest::connectionId)).isNotIn(idle);
      } finally {
        s.execute("SET GLOBAL wait_timeout = " + saved);
      }
    }
  }

  @Test
  void errorsThatEndTheSessionAreRecognised() {
    assertThat(MySqlSource.isSessionEnded(new SQLException("link failure", "08S01", 0)))
        .isTrue();
    assertThat(MySqlSource.isSessionEnded(new SQLException("inactivity", "HY000", 4031)))
        .isTrue();
    assertThat(MySqlSource.isSessionEnded(new SQLException("killed", "70100", 1927))).isTrue();
    assertThat(MySqlSource.isSessionEnded(new SQLException("shutdown", "08S01", 1053)))
        .isTrue();
    assertThat(MySqlSource.isSessionEnded(new SQLException("duplicate", "23000", 1062)))
        .isFalse();
    assertThat(MySqlSource.isSessionEnded(new SQLException("deadlock", "40001", 1213)))
        .isFalse();
  }

  private static String with(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  /** A new user on the test server with {@code password}, given every right on {@code on}. */
  private static String newUser(String password, String on) throws SQLException {
    String user = "mlmd4j_user_" + ProcessHandle.current().pid() + "_" + USERS.incrementAndGet();
    try (Connection c = MySqlAdmin.connect(""); Statement s = c.createStatement()) {
      s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
      s.execute("GRANT ALL PRIVILEGES ON " + on + " TO '" + user + "'@'%'");
    }
    return user;
  }

  private static String urlAs(String database, String user, String password) {
    MySQLDatabaseConfig server = MySqlAdmin.config(TestDatabases.mysqlUrl(database));
    return "jdbc:mlmd:mysql://" + server.getHost() + ":" + server.getPort() + "/" + database
        + "?user=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  private static String connectionId(Connection c) throws SQLException {
    return rows(c, "SELECT CONNECTION_ID()").get(0);
  }

  private static int insertType(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO Type (name, type_kind) VALUES (?, 1)")) {
      s.setString(1, name);
      return s.executeUpdate();
    }
  }

  /** The ids of the server's sessions on {@code database}, other than {@code admin}'s. */
  private static List<String> sessionsOn(Connection admin, String database) throws SQLException {
    return rows(admin, "SELECT ID FROM information_schema.PROCESSLIST"
        + " WHERE DB = ? AND ID <> CONNECTION_ID()", database);
  }

  /** Waits (up to a minute) until the server has closed every session of {@code ids}. */
  private static void awaitGone(Connection admin, List<String> ids) throws SQLException {
    for (int i = 0; i < 600; i++) {
      List<String> left = rows(admin, "SELECT ID FROM information_schema.PROCESSLIST");
      left.retainAll(ids);
      if (left.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted", e);
      }
    }
    throw new AssertionError("The server kept sessions " + ids + " open");
  }

  private static List<String> rows(Connection c, String sql, String... parameters)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}

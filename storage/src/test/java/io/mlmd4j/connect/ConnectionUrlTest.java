package io.mlmd4j.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection URLs: each form parses to MLMD's config, and each way a URL can be wrong is
 * INVALID_ARGUMENT with a message naming the wrong part.
 */
class ConnectionUrlTest {

  @Test
  void fake() {
    ConnectionSettings settings = ConnectionUrl.parse("jdbc:mlmd:fake");
    assertThat(settings.backend()).isEqualTo(Backend.FAKE);
    assertThat(settings.config().hasFakeDatabase()).isTrue();
    assertThat(settings.migration()).isEqualTo(MigrationOptions.getDefaultInstance());
    assertThat(settings.migration().getDowngradeToSchemaVersion()).isEqualTo(-1);
  }

  @Test
  void sqliteWithModeAndMigration() {
    ConnectionSettings settings = ConnectionUrl.parse(
        "JDBC:MLMD:SQLite:/tmp/a b.db?MODE=readonly&enableUpgradeMigration=true");
    assertThat(settings.backend()).isEqualTo(Backend.SQLITE);
    assertThat(settings.config().getSqlite().getFilenameUri()).isEqualTo("/tmp/a b.db");
    assertThat(settings.config().getSqlite().getConnectionMode())
        .isEqualTo(ConnectionMode.READONLY);
    assertThat(settings.migration().getEnableUpgradeMigration()).isTrue();
  }

  @Test
  void sqliteDefaultsToOpenCreate() {
    assertThat(ConnectionUrl.parse("jdbc:mlmd:sqlite:file:x.db").config().getSqlite()
        .getConnectionMode()).isEqualTo(ConnectionMode.READWRITE_OPENCREATE);
  }

  @Test
  void mysqlWithEverySetting() {
    ConnectionSettings settings = ConnectionUrl.parse("jdbc:mlmd:mysql://db.example:3307/ml%5Fmd"
        + "?user=me&password=p%26ss&skipDbCreation=yes&sslKey=k.pem&sslCert=c.pem&sslCa=ca.pem"
        + "&sslCapath=/etc/ca&sslCipher=AES&sslVerifyServerCert=1&downgradeToSchemaVersion=4");
    MySQLDatabaseConfig mysql = settings.config().getMysql();
    assertThat(mysql.getHost()).isEqualTo("db.example");
    assertThat(mysql.getPort()).isEqualTo(3307);
    assertThat(mysql.getDatabase()).isEqualTo("ml_md");
    assertThat(mysql.getUser()).isEqualTo("me");
    assertThat(mysql.getPassword()).isEqualTo("p&ss");
    assertThat(mysql.getSkipDbCreation()).isTrue();
    assertThat(mysql.getSslOptions().getKey()).isEqualTo("k.pem");
    assertThat(mysql.getSslOptions().getCert()).isEqualTo("c.pem");
    assertThat(mysql.getSslOptions().getCa()).isEqualTo("ca.pem");
    assertThat(mysql.getSslOptions().getCapath()).isEqualTo("/etc/ca");
    assertThat(mysql.getSslOptions().getCipher()).isEqualTo("AES");
    assertThat(mysql.getSslOptions().getVerifyServerCert()).isTrue();
    assertThat(settings.migration().getDowngradeToSchemaVersion()).isEqualTo(4);
  }

  @Test
  void mysqlIpv6HostAndSocket() {
    MySQLDatabaseConfig v6 = ConnectionUrl.parse("jdbc:mlmd:mysql://[::1]:3306/db").config()
        .getMysql();
    assertThat(v6.getHost()).isEqualTo("::1");
    assertThat(v6.getPort()).isEqualTo(3306);
    MySQLDatabaseConfig socket = ConnectionUrl.parse("jdbc:mlmd:mysql:///db?socket=/run/my.sock")
        .config().getMysql();
    assertThat(socket.hasHost()).isFalse();
    assertThat(socket.getSocket()).isEqualTo("/run/my.sock");
  }

  @Test
  void propertiesFillInAndTheUrlOverrides() {
    Properties info = new Properties();
    info.setProperty("user", "fromInfo");
    info.setProperty("PASSWORD", "secret");
    MySQLDatabaseConfig mysql = ConnectionUrl.parse("jdbc:mlmd:mysql://h/db?user=fromUrl", info)
        .config().getMysql();
    assertThat(mysql.getUser()).isEqualTo("fromUrl");
    assertThat(mysql.getPassword()).isEqualTo("secret");
  }

  @Test
  void acceptsOnlyItsOwnPrefix() {
    assertThat(ConnectionUrl.accepts("jdbc:mlmd:fake")).isTrue();
    assertThat(ConnectionUrl.accepts("JDBC:MLMD:anything")).isTrue();
    assertThat(ConnectionUrl.accepts("jdbc:sqlite:x.db")).isFalse();
    assertThat(ConnectionUrl.accepts(null)).isFalse();
  }

  /** Every error branch of the parser, with the words the message must hold. */
  static Stream<Arguments> badUrls() {
    return Stream.of(
        bad(null, "No connection URL given"),
        bad("  ", "No connection URL given"),
        bad("jdbc:sqlite:x.db", "does not start with 'jdbc:mlmd:'"),
        bad("jdbc:mlmd:postgres://h/db", "unknown backend 'postgres'"),
        bad("jdbc:mlmd:fake:/tmp/x", "'fake' takes no path", ":/tmp/x"),
        bad("jdbc:mlmd:sqlite:", "the SQLite file is missing"),
        bad("jdbc:mlmd:sqlite", "the SQLite file is missing"),
        bad("jdbc:mlmd:sqlite:x.db?mode=WRITEONLY", "mode 'WRITEONLY'"),
        bad("jdbc:mlmd:sqlite:x.db?timeout=5", "unknown parameter 'timeout'",
            "'jdbc:mlmd:sqlite:x.db?timeout=***'"),
        bad("jdbc:mlmd:sqlite:x.db?user=me", "property 'user' does not apply to sqlite"),
        bad("jdbc:mlmd:fake?mode=READONLY", "property 'mode' does not apply to fake"),
        bad("jdbc:mlmd:mysql://h/db?mode=READONLY", "property 'mode' does not apply to mysql"),
        bad("jdbc:mlmd:fake?enableUpgradeMigration=maybe",
            "enableUpgradeMigration 'maybe' is not true or false"),
        bad("jdbc:mlmd:mysql://h/db?skipDbCreation=2", "skipDbCreation '2' is not true or false"),
        bad("jdbc:mlmd:mysql://h/db?sslVerifyServerCert=on",
            "sslVerifyServerCert 'on' is not true or false"),
        bad("jdbc:mlmd:fake?downgradeToSchemaVersion=five",
            "downgradeToSchemaVersion 'five' is not a whole number"),
        bad("jdbc:mlmd:sqlite:x.db?mo%zzde=READONLY", "'mo%zzde' is not correctly percent-encoded",
            "'jdbc:mlmd:sqlite:x.db?mo%zzde=***'"),
        bad("jdbc:mlmd:sqlite:x.db?mode=%G1", "'%G1' is not correctly percent-encoded"),
        bad("jdbc:mlmd:mysql:h/db", "expected '//' after 'mysql:'"),
        bad("jdbc:mlmd:mysql://h", "the database name is missing"),
        bad("jdbc:mlmd:mysql://h:3306/", "the database name is missing"),
        bad("jdbc:mlmd:mysql://h/%zz", "'%zz' is not correctly percent-encoded"),
        bad("jdbc:mlmd:mysql://h/db/more", "database name 'db/more' contains '/'"),
        bad("jdbc:mlmd:mysql://h:port/db", "port 'port' is not a number from 1 to 65535"),
        bad("jdbc:mlmd:mysql://h:0/db", "port '0'"),
        bad("jdbc:mlmd:mysql://h:65536/db", "port '65536'"),
        bad("jdbc:mlmd:mysql://h:/db", "port ''"),
        bad("jdbc:mlmd:mysql:///db", "the host is missing"));
  }

  private static Arguments bad(String url, String... expected) {
    return Arguments.of(url, expected);
  }

  @ParameterizedTest
  @MethodSource("badUrls")
  void badUrlIsInvalidArgumentNamingThePart(String url, String[] expected) {
    assertThatThrownBy(() -> ConnectionUrl.parse(url))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains(expected);
          if (url != null && !url.isBlank()) {
            assertThat(e.getMessage()).contains("Bad connection URL '" + ConnectionUrl.redact(url)
                + "'");
          }
        });
  }

  @Test
  void unknownPropertyInInfoIsNamed() {
    Properties info = new Properties();
    info.setProperty("colour", "blue");
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:mlmd:fake", info))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("unknown property 'colour'", "known: mode, user");
        });
  }

  @Test
  void passwordNeverShowsInMessages() {
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:mlmd:mysql://h:x/db?password=hunter2"))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("hunter2").contains("password=***");
        });
    assertThat(ConnectionUrl.redact("jdbc:mlmd:mysql://h/db?user=u&PASSWORD=p&x=1"))
        .isEqualTo("jdbc:mlmd:mysql://h/db?user=u&PASSWORD=***");
    assertThat(ConnectionUrl.redact("jdbc:mlmd:mysql://h/db?x=1&PASSWORD=p&mode=m"))
        .isEqualTo("jdbc:mlmd:mysql://h/db?x=***&PASSWORD=***&mode=m");
  }

  /** Passwords that are not valid in a URL: the error says what is wrong, never the password. */
  static Stream<Arguments> badPasswords() {
    return Stream.of(
        bad("jdbc:mlmd:mysql://h/db?user=u&password=pa%ss-hunter2",
            "'jdbc:mlmd:mysql://h/db?user=u&password=***'",
            "the password is not correctly percent-encoded; a '%' in it is written %25"),
        bad("jdbc:mlmd:mysql://h/db?password=hunter2%zz&user=u",
            "'jdbc:mlmd:mysql://h/db?password=***&user=u'", "not correctly percent-encoded"),
        bad("jdbc:mlmd:mysql://h/db?password=pa&hunter2&mode=x",
            "'jdbc:mlmd:mysql://h/db?password=***&mode=x'",
            "the password is followed by a parameter that is none of",
            "a '&' in the password is written %26"),
        bad("jdbc:mlmd:mysql://h/db?Pass%77ord=hunter2&port=1",
            "'jdbc:mlmd:mysql://h/db?Pass%77ord=***'", "password is followed"),
        bad("jdbc:mlmd:mysql://u:hunter2@h/db", "'jdbc:mlmd:mysql://***@h/db'",
            "a user or password before '@' is not read"),
        bad("jdbc:mlmd:mysql://u:hunt/er2@h:x/db", "'jdbc:mlmd:mysql://***@h:x/db'",
            "before '@'"),
        bad("jdbc:mlmd:mysql://h/db?passwd=hunter2", "'jdbc:mlmd:mysql://h/db?passwd=***'",
            "unknown parameter 'passwd'"));
  }

  @ParameterizedTest
  @MethodSource("badPasswords")
  void badPasswordIsNamedNotShown(String url, String[] expected) {
    assertThatThrownBy(() -> ConnectionUrl.parse(url))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains(expected).doesNotContain("hunter2", "hunt");
        });
  }

  @Test
  void passwordIsDecodedAndHiddenFromToString() {
    Properties info = new Properties();
    info.setProperty("password", "hunter2%zz");
    ConnectionSettings fromInfo = ConnectionUrl.parse("jdbc:mlmd:mysql://h/db", info);
    assertThat(fromInfo.config().getMysql().getPassword()).isEqualTo("hunter2%zz");
    ConnectionSettings fromUrl =
        ConnectionUrl.parse("jdbc:mlmd:mysql://h/db?password=pa%25ss-hunter2");
    assertThat(fromUrl.config().getMysql().getPassword()).isEqualTo("pa%ss-hunter2");
    assertThat(fromInfo.toString()).doesNotContain("hunter2").contains("password: \"***\"");
    assertThat(fromUrl.toString()).doesNotContain("hunter2").contains("host: \"h\"");
  }

  @Test
  void parametersAreDecoded() {
    assertThat(ConnectionUrl.parameters("jdbc:mlmd:mysql://h/db?US%45R=m%C3%A9&password=a%25b"))
        .containsExactly(Map.entry(ConnectionProperty.USER, "mé"),
            Map.entry(ConnectionProperty.PASSWORD, "a%b"));
  }

  @Test
  void unsetConnectionConfigIsInvalidArgument() {
    assertThatThrownBy(() -> MetadataStore.open(ConnectionConfig.getDefaultInstance(),
        MigrationOptions.getDefaultInstance()))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("Unset connection config");
        });
  }
}

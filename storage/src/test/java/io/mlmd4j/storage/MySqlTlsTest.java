package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MLMD's {@code SSLOptions} against an embedded MariaDB of this class's own that serves the
 * tests' certificate (signed by the tests' CA, for localhost and 127.0.0.1) and refuses
 * connections without TLS.
 */
class MySqlTlsTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String host;

  @BeforeAll
  static void startServer() throws SQLException {
    String server = TestDatabases.startEmbeddedMariaDb(
        "--ssl-ca=" + TestDatabases.tlsFile("ca.pem"),
        "--ssl-cert=" + TestDatabases.tlsFile("server-cert.pem"),
        "--ssl-key=" + TestDatabases.tlsFile("server-key.pem"),
        "--require-secure-transport=ON");
    host = server.substring("jdbc:mlmd:mysql://".length(), server.indexOf("/?"));
    try (Connection c = DriverManager.getConnection(
            "jdbc:mysql://" + host + "/?sslMode=REQUIRED", "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE USER 'with_cert'@'%' IDENTIFIED BY 'pw'"
          + " REQUIRE SUBJECT '/CN=mlmd4j-client' AND ISSUER '/CN=mlmd4j test CA'");
      s.execute("GRANT ALL PRIVILEGES ON *.* TO 'with_cert'@'%'");
    }
  }

  @Test
  void verifiesTheServerAgainstTheGivenCa() {
    String url = url("root", "", "sslCa=" + file("ca.pem") + "&sslVerifyServerCert=true");
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url))) {
      assertThat(source.read(MySqlTlsTest::tlsVersion)).startsWith("TLS");
    }
  }

  @Test
  void verifiesTheServerAgainstACaDirectory() throws IOException {
    Path dir = TestDatabases.tempDir();
    Files.copy(TestDatabases.tlsFile("ca.pem"), dir.resolve("ca.pem"));
    dir.resolve("ca.pem").toFile().deleteOnExit();
    String url = url("root", "", "sslCapath=" + encode(dir.toString())
        + "&sslVerifyServerCert=true");
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url))) {
      assertThat(source.read(MySqlTlsTest::tlsVersion)).startsWith("TLS");
    }
  }

  @Test
  void refusesAServerOtherCaSigned() {
    String url = url("root", "", "sslCa=" + file("other-ca.pem") + "&sslVerifyServerCert=true");
    assertThatThrownBy(() -> MetadataSource.open(ConnectionUrl.parse(url)))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
          assertThat(e.getMessage()).contains(host);
        });
  }

  /** As MLMD (the MySQL client's {@code mysql_ssl_set}): TLS without verifying the server. */
  @Test
  void withoutVerificationAnyServerCertificateIsTaken() {
    String url = url("root", "", "sslCa=" + file("other-ca.pem"));
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url))) {
      assertThat(source.read(MySqlTlsTest::tlsVersion)).startsWith("TLS");
    }
  }

  @Test
  void logsInWithAClientCertificate() {
    String url = url("with_cert", "pw", "sslCa=" + file("ca.pem")
        + "&sslCert=" + file("client-cert.pem") + "&sslKey=" + file("client-key.pem")
        + "&sslVerifyServerCert=true");
    try (MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url))) {
      String user = source.read(c -> query(c, "SELECT CURRENT_USER()"));
      assertThat(user).startsWith("with_cert@");
    }
  }

  @Test
  void aUserThatNeedsACertificateIsRefusedWithoutOne() {
    String url = url("with_cert", "pw", "sslCa=" + file("ca.pem"));
    assertThatThrownBy(() -> MetadataSource.open(ConnectionUrl.parse(url)))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.UNAUTHENTICATED);
          assertThat(e.getMessage()).contains("with_cert");
        });
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    String url = url("with_cert", "pw", "sslCert=" + file("client-cert.pem"));
    assertThatThrownBy(() -> MetadataSource.open(ConnectionUrl.parse(url)))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("key and cert");
        });
  }

  private static String url(String user, String password, String tls) {
    return "jdbc:mlmd:mysql://" + host + "/mlmd4j_tls_" + DATABASES.incrementAndGet()
        + "?user=" + user + "&password=" + password + "&" + tls;
  }

  private static String file(String name) {
    return encode(TestDatabases.tlsFile(name).toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String tlsVersion(Connection c) throws SQLException {
    return query(c, "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
        + " WHERE VARIABLE_NAME = 'Ssl_version'");
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

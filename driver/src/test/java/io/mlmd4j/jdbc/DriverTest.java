package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.connect.ConnectionProperty;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Driver: registration, URLs, properties, connect failures. */
class DriverTest {

  @Test
  void isFoundByDriverManagerForMlmdUrlsOnly() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:mlmd:fake")).isInstanceOf(Driver.class);
    Driver driver = new Driver();
    assertThat(driver.acceptsURL("jdbc:mlmd:sqlite:/tmp/x.sqlite")).isTrue();
    assertThat(driver.acceptsURL("jdbc:mlmd:mysql://localhost/db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:sqlite:/tmp/x.sqlite")).isFalse();
    assertThat(driver.connect("jdbc:postgresql://localhost/db", new Properties())).isNull();
    assertThat(driver.getMajorVersion()).isNotNegative();
    assertThat(driver.jdbcCompliant()).isFalse();
  }

  @Test
  void propertyInfoListsTheBackendsConnectionProperties() {
    DriverPropertyInfo[] sqlite = new Driver().getPropertyInfo(
        "jdbc:mlmd:sqlite:/tmp/x.sqlite?mode=READONLY", new Properties());
    assertThat(Arrays.stream(sqlite).map(p -> p.name)).containsExactly(
        "mode", "enableUpgradeMigration", "downgradeToSchemaVersion", "lineageWalk");
    assertThat(sqlite[0].value).isEqualTo("READONLY");
    assertThat(sqlite[0].description).isEqualTo(ConnectionProperty.MODE.description());

    Properties info = new Properties();
    info.setProperty("user", "alice");
    DriverPropertyInfo[] mysql = new Driver().getPropertyInfo("jdbc:mlmd:mysql://h/db", info);
    assertThat(Arrays.stream(mysql).map(p -> p.name)).contains("user", "password", "sslCa")
        .doesNotContain("mode");
    assertThat(Arrays.stream(mysql).filter(p -> p.name.equals("user")).findFirst().get().value)
        .isEqualTo("alice");
  }

  /** Values are the URL's decoded (its names in any case), else info's; never the password. */
  @Test
  void propertyInfoGivesDecodedValuesButNoPassword() {
    Properties info = new Properties();
    info.setProperty("user", "alice");
    info.setProperty("password", "from-info");
    info.setProperty("sslCa", "ca.pem");
    DriverPropertyInfo[] mysql = new Driver().getPropertyInfo(
        "jdbc:mlmd:mysql://h/db?USER=b%C3%B6b&password=from%25url", info);
    assertThat(Arrays.stream(mysql).filter(p -> p.name.equals("user")).findFirst().get().value)
        .isEqualTo("böb");
    assertThat(Arrays.stream(mysql).filter(p -> p.name.equals("sslCa")).findFirst().get().value)
        .isEqualTo("ca.pem");
    assertThat(Arrays.stream(mysql).filter(p -> p.name.equals("password")).findFirst().get()
        .value).isNull();
  }

  @Test
  void propertiesNotOfTheBackendAreIgnored() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "sa");
    info.setProperty("password", "");
    info.setProperty("ApplicationName", "a SQL client");
    String url = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    try (Connection c = DriverManager.getConnection(url, info)) {
      assertThat(c.isValid(1)).isTrue();
    }
  }

  /** The driver only reads: it creates no store, unless the URL's mode asks it to. */
  @Test
  void aMissingStoreIsRefusedNotCreated() throws SQLException {
    Path missing = TestDatabases.tempDir().resolve("typo.sqlite");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mlmd:sqlite:" + missing))
        .hasMessage("SQLite file '" + missing + "' does not exist (mode READWRITE opens an"
            + " existing file only; mode=READWRITE_OPENCREATE creates it)")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    assertThat(missing).doesNotExist();

    String database = TestDatabases.freshDatabaseName();
    assertThatThrownBy(() -> DriverManager.getConnection(TestDatabases.mysqlUrl(database)))
        .hasMessageStartingWith("Database '" + database + "' does not exist on MySQL ")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    assertThatThrownBy(() -> DriverManager.getConnection(TestDatabases.mysqlUrl(database)))
        .as("still missing").hasMessageContaining("does not exist");

    Properties create = new Properties();
    create.setProperty("mode", "READWRITE_OPENCREATE");
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:sqlite:" + missing, create)) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThat(missing).exists();
    try (Connection c = DriverManager.getConnection("jdbc:mlmd:fake")) {
      assertThat(c.isValid(1)).isTrue();
    }
  }

  @Test
  void badUrlsAndMissingStoresFailWith08001() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mlmd:oracle:x"))
        .isInstanceOf(SQLException.class).hasMessageContaining("unknown backend 'oracle'")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mlmd:sqlite:/tmp/x?colour=red"))
        .hasMessageContaining("colour")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    String missing = TestDatabases.tempDir().resolve("missing.sqlite").toString();
    assertThatThrownBy(() -> DriverManager.getConnection(
        "jdbc:mlmd:sqlite:" + missing + "?mode=READWRITE"))
        .hasMessageContaining(missing)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }
}

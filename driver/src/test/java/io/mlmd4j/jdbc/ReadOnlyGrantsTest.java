package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.testing.MySqlAdmin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The driver as a MySQL user with only the grant docs/security.md gives a read-only user,
 * SELECT on the store's database: queries, LQL and cancel work; writes, LOAD_FILE, INTO OUTFILE
 * and reading mysql.user fail at the server, also on the driver's own read connections.
 */
class ReadOnlyGrantsTest {

  private static final String PASSWORD = "reader-pw";

  @Test
  @Timeout(300)
  void aUserWithOnlySelectReadsAndDoesNothingElse() throws Exception {
    String url = TestConnections.url(Backend.MYSQL);
    String database = MySqlAdmin.databaseOf(url);
    String user = "mlmd4j_reader_" + ProcessHandle.current().pid();
    try (Connection root = MySqlAdmin.connect(""); Statement s = root.createStatement()) {
      s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      s.execute("GRANT SELECT ON `" + database + "`.* TO '" + user + "'@'%'");
    }
    MySQLDatabaseConfig mysql = MySqlAdmin.config(url);
    String readerUrl = "jdbc:mlmd:mysql://" + mysql.getHost() + ":" + mysql.getPort() + "/"
        + database + "?user=" + user + "&password=" + PASSWORD + "&skipDbCreation=true";
    try (Connection c = DriverManager.getConnection(readerUrl)) {
      Object artifacts = TestConnections.value(c, "SELECT COUNT(*) FROM artifacts");
      assertThat((Long) artifacts).isPositive();
      assertThat(TestConnections.rows(c, "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'"
          + " RETURN ARTIFACTS")).isNotEmpty();
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> StatementTest.whileCancelling(s,
            () -> s.executeQuery(StatementTest.ENDLESS)))
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      }

      MetadataStore store = c.unwrap(MetadataStore.class);
      assertThatThrownBy(() -> store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Intruder")).build()))
          .isInstanceOf(MlmdException.class).hasMessageContaining("denied");
      try (Connection raw = store.readOnlyDataSource().getConnection();
          Statement s = raw.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT LOAD_FILE('/etc/passwd')")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isNull();
        }
        for (String sql : List.of(
            "SELECT name FROM Artifact INTO OUTFILE '/tmp/" + user + ".txt'",
            "SELECT User FROM mysql.user",
            "INSERT INTO Type (name, type_kind) VALUES ('Intruder', 1)",
            "DELETE FROM Artifact")) {
          assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class);
        }
      }
      assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts")).isEqualTo(artifacts);
    } finally {
      try (Connection root = MySqlAdmin.connect(""); Statement s = root.createStatement()) {
        s.execute("DROP USER '" + user + "'@'%'");
      }
    }
  }
}

package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link MetadataStore#readOnlyDataSource()}: sees what the store wrote, and cannot write. */
class ReadOnlyDataSourceTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readsWhatTheStoreWroteAndRefusesWrites(Backend backend) throws SQLException {
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(backend))) {
      long typeId = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("ReadOnlyProbe")).build())
          .getTypeId();
      DataSource dataSource = store.readOnlyDataSource();

      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        assertThat(count(s)).isEqualTo(1);
        assertThatThrownBy(() -> s.executeUpdate(
            "INSERT INTO Type (name, type_kind) VALUES ('Intruder', 1)"))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> s.executeUpdate("DELETE FROM Type WHERE id = " + typeId))
            .isInstanceOf(SQLException.class);
      }
      // A second connection, after the refused writes: the same row, nothing more.
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        assertThat(count(s)).isEqualTo(1);
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Type WHERE name = 'Intruder'")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isZero();
        }
      }
    }
  }

  /**
   * MySQL sessions are read-only at the server (not only in Connector/J, which refuses the
   * statements it takes for writes), and a parameter with a backslash and a quote arrives whole:
   * the session's sql_mode is the one Connector/J escapes parameters for.
   */
  @Test
  void mysqlSessionsAreReadOnlyAtTheServerAndTakeParametersWhole() throws SQLException {
    String hostile = "a\\' OR 1=1 -- x";
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(Backend.MYSQL));
        Connection c = store.readOnlyDataSource().getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT @@SESSION.transaction_read_only, ?, CHAR_LENGTH(?)")) {
      p.setString(1, hostile);
      p.setString(2, hostile);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo(hostile);
        assertThat(rs.getInt(3)).isEqualTo(hostile.length());
      }
    }
  }

  private static long count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Type WHERE name = 'ReadOnlyProbe'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

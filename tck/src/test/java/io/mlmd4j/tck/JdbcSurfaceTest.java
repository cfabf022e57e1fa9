package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.GetArtifactsRequest;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC surface of the driver (README.md, "SQL over JDBC"): read-only SQL, prepared
 * statements with parameters, result set metadata, and calls on closed objects.
 */
class JdbcSurfaceTest extends JdbcTckTest {

  long type;
  List<Long> ids;

  void twoArtifacts() {
    type = put(artifactType("name: 'Data'"));
    ids = put(artifact("type_id: %d name: 'a' uri: '/a'", type),
        artifact("type_id: %d name: 'b'", type));
  }

  List<Artifact> stored() {
    return store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
  }

  static void assertSqlState(String state, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQLState of %s", e)
            .isEqualTo(state));
  }

  @StoreTest
  @DisplayName("(JDBC) data changes and DDL fail with SQLState 25006 and change nothing")
  void readOnlyRefusal() throws SQLException {
    twoArtifacts();
    List<Artifact> before = stored();
    List<String> writes = List.of(
        "INSERT INTO artifacts (id, type_id, name) VALUES (99, " + type + ", 'x')",
        "UPDATE artifacts SET name = 'x'",
        "DELETE FROM artifacts",
        "DELETE FROM artifact.\"Data\"",
        "CREATE TABLE t (x INT)",
        "DROP TABLE artifacts");
    try (Statement s = connection.createStatement()) {
      for (String sql : writes) {
        assertSqlState("25006", () -> s.executeUpdate(sql));
        assertSqlState("25006", () -> s.execute(sql));
        assertSqlState("25006", () -> connection.prepareStatement(sql).executeUpdate());
      }
    }
    assertThat(stored()).isEqualTo(before);
    assertThat(rows("SELECT COUNT(*) FROM artifacts")).containsExactly(List.of(2L));
  }

  @StoreTest
  @DisplayName("(JDBC) a PreparedStatement takes typed parameters and runs again with others")
  void preparedStatementParameters() throws SQLException {
    twoArtifacts();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT name FROM artifacts WHERE type = ? AND id >= ? ORDER BY id")) {
      ParameterMetaData pmd = ps.getParameterMetaData();
      assertThat(pmd.getParameterCount()).isEqualTo(2);
      assertThat(pmd.getParameterType(2)).isEqualTo(Types.BIGINT);
      ps.setString(1, "Data");
      ps.setLong(2, ids.get(0));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rows(rs)).containsExactly(List.of("a"), List.of("b"));
      }
      ps.setLong(2, ids.get(1));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rows(rs)).containsExactly(List.of("b"));
      }
      ps.setString(1, "Other");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT COUNT(*) FROM artifacts WHERE uri = ?")) {
      ps.setString(1, "/a");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rows(rs)).containsExactly(List.of(1L));
      }
      ps.setNull(1, Types.VARCHAR);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rows(rs)).containsExactly(List.of(0L));
      }
    }
  }

  @StoreTest
  @DisplayName("(JDBC) ResultSetMetaData gives names, labels, SQL types and nullability")
  void resultSetMetaData() throws SQLException {
    twoArtifacts();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT id, name AS label, create_time_since_epoch,"
             + " uri || '!' AS n FROM artifacts ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(4);
      assertThat(md.getColumnLabel(1)).isEqualTo("id");
      assertThat(md.getColumnLabel(2)).isEqualTo("label");
      assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(md.getColumnTypeName(1)).isEqualTo("BIGINT");
      assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(3)).isEqualTo(Types.BIGINT);
      assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
      assertThat(md.getColumnClassName(1)).isEqualTo(Long.class.getName());
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isInstanceOf(Long.class);
      assertThat(rs.getString("n")).isEqualTo("/a!");
      assertThat(md.getColumnType(4)).isEqualTo(Types.VARCHAR);
    }
  }

  @StoreTest
  @DisplayName("(JDBC) a query timeout and a cancel stop the query in the database")
  @Timeout(120) // a timeout or cancel that does not work fails here rather than hang
  void timeoutAndCancel() throws Exception {
    type = put(artifactType("name: 'Data'"));
    for (int i = 0; i < 20; i++) {
      put(artifact("type_id: %d name: 'a" + i + "'", type));
    }
    StringBuilder endless = new StringBuilder("SELECT COUNT(*) FROM artifacts t0");
    for (int i = 1; i < 8; i++) {
      endless.append(", artifacts t").append(i);
    }
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      assertSqlState("HYT00", () -> s.executeQuery(endless.toString()));
      s.setQueryTimeout(0);
      AtomicBoolean over = new AtomicBoolean();
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(500);
          s.cancel();
        } catch (InterruptedException | SQLException e) {
          over.set(true);
        }
      });
      canceller.start();
      assertSqlState("57014", () -> s.executeQuery(endless.toString()));
      canceller.join();
      assertThat(over).isFalse();
      assertThat(rows("SELECT COUNT(*) FROM artifacts")).containsExactly(List.of(20L));
    }
  }

  @StoreTest
  @DisplayName("(JDBC) calls on closed result sets, statements and connections fail cleanly")
  void closedObjects() throws SQLException {
    twoArtifacts();
    Statement s = connection.createStatement();
    ResultSet rs = s.executeQuery("SELECT id FROM artifacts");
    rs.close();
    rs.close();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);

    ResultSet open = s.executeQuery("SELECT id FROM artifacts");
    s.close();
    assertThat(s.isClosed()).isTrue();
    assertThat(open.isClosed()).isTrue();
    assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);

    Connection other = database.connect();
    PreparedStatement ps = other.prepareStatement("SELECT id FROM artifacts");
    other.close();
    other.close();
    assertThat(other.isClosed()).isTrue();
    assertThat(other.isValid(1)).isFalse();
    assertThat(ps.isClosed()).isTrue();
    assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
    assertSqlState("08003", other::createStatement);
    assertSqlState("08003", () -> other.prepareStatement("SELECT 1"));
    assertSqlState("08003", other::getMetaData);
    // The store and this test's connection are untouched by the other's close.
    assertThat(rows("SELECT COUNT(*) FROM artifacts")).containsExactly(List.of(2L));
    assertThat(stored()).hasSize(2);
  }
}

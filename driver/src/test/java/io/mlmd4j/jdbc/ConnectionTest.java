package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection: the store behind it, its schema, closing. */
class ConnectionTest {

  /** Writes through the unwrapped store show in SQL on the same connection, new types too. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void unwrapGivesTheStoreItReads(Backend backend) throws SQLException {
    try (Connection c = TestConnections.open(backend)) {
      assertThat(c.isWrapperFor(MetadataStore.class)).isTrue();
      MetadataStore store = c.unwrap(MetadataStore.class);
      long typeId = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("ModelScore")
              .putProperties("accuracy", PropertyType.DOUBLE)
              .putProperties("blessed", PropertyType.BOOLEAN))
          .build()).getTypeId();
      store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addArtifacts(evaluation(typeId, "eval-1", 0.93, true))
          .addArtifacts(evaluation(typeId, "eval-2", 0.71, false))
          .build());
      assertThat(TestConnections.rows(c, "SELECT name, accuracy, blessed"
          + " FROM artifact.\"ModelScore\" WHERE accuracy > 0.9"))
          .containsExactly(List.of("eval-1", 0.93, true));
    }
  }

  /**
   * One connection serves many threads at once, as JDBC asks and SchemaCrawler does (it reads
   * the columns of many tables in parallel): metadata, statements and prepared statements all
   * give their answers, none fails.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void threadsShareOneConnection(Backend backend) throws Exception {
    Connection c = TestConnections.filled(backend);
    List<List<Object>> typeNames = TestConnections.rows(c,
        "SELECT name FROM artifact_types ORDER BY name");
    Object artifacts = TestConnections.value(c, "SELECT COUNT(*) FROM artifacts");
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int task = 0; task < 400; task++) {
      int kind = task % 8;
      tasks.add(() -> {
        if (kind == 0) {
          assertThat(TestConnections.rows(c, "SELECT name FROM artifact_types ORDER BY name"))
              .isEqualTo(typeNames);
        } else if (kind == 1) {
          try (PreparedStatement p = c.prepareStatement(
              "SELECT COUNT(*) FROM artifacts WHERE id > ?")) {
            p.setLong(1, 0);
            try (ResultSet rs = p.executeQuery()) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getObject(1)).isEqualTo(artifacts);
            }
          }
        } else {
          // Each metadata answer is a statement of its own: these make them fastest.
          int columns = 0;
          try (ResultSet rs = c.getMetaData().getColumns(null, "mlmd", "artifacts", "%")) {
            while (rs.next()) {
              columns++;
            }
          }
          assertThat(columns).isEqualTo(9);
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(c.isClosed()).isFalse();
  }

  private static Artifact evaluation(long typeId, String name, double accuracy, boolean ok) {
    return Artifact.newBuilder().setTypeId(typeId).setName(name).setUri("/evals/" + name)
        .setState(Artifact.State.LIVE)
        .putProperties("accuracy", Value.newBuilder().setDoubleValue(accuracy).build())
        .putProperties("blessed", Value.newBuilder().setBoolValue(ok).build())
        .build();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theDefaultSchemaIsMlmdAndTheConnectionReadsOnly(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(c.getSchema()).isEqualTo("mlmd");
    assertThat(c.isReadOnly()).isTrue();
    assertThat(c.getAutoCommit()).isTrue();
    assertThat(c.isValid(5)).isTrue();
  }

  /** Connections to one file or database share its store: one sees what the other wrote. */
  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void connectionsToOneStoreShareIt(Backend backend) throws SQLException {
    Connection first = TestConnections.filled(backend);
    try (Connection second = TestConnections.open(backend)) {
      assertThat(second.unwrap(MetadataStore.class))
          .isSameAs(first.unwrap(MetadataStore.class));
      assertThat(TestConnections.value(second, "SELECT COUNT(*) FROM artifacts"))
          .isEqualTo(TestConnections.value(first, "SELECT COUNT(*) FROM artifacts"));
    }
    // Closing the second left the first's store open.
    assertThat(TestConnections.value(first, "SELECT COUNT(*) FROM contexts")).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void closingClosesStatementsAndLaterCallsFail(Backend backend) throws SQLException {
    Connection c = TestConnections.open(backend);
    Statement s = c.createStatement();
    PreparedStatement p = c.prepareStatement("SELECT id FROM artifacts WHERE id = ?");
    ResultSet rs = s.executeQuery("SELECT id FROM artifacts");
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThat(s.isClosed()).isTrue();
    assertThat(p.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    assertThatThrownBy(() -> c.prepareStatement("SELECT 1"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    assertThatThrownBy(() -> c.unwrap(MetadataStore.class))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    assertThatThrownBy(c::getMetaData)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55000");
    c.close(); // a second close does nothing
  }
}

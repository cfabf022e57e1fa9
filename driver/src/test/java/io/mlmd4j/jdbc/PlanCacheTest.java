package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxDemo;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetExecutionTypeRequest;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connection's plans kept by SQL text: a text run or prepared again is not planned again,
 * unless what it means has changed (the store's types, the default schema, the row limit).
 */
class PlanCacheTest {

  private static final String TRAINER = "tfx.components.trainer.component.Trainer";

  /** Counts the texts Calcite parses while {@code body} runs. */
  private static int parsed(SqlBody body) throws SQLException {
    AtomicInteger parses = new AtomicInteger();
    Consumer<Object> count = args -> parses.incrementAndGet();
    try (Hook.Closeable h = Hook.PARSE_TREE.addThread(count)) {
      body.run();
    }
    return parses.get();
  }

  private interface SqlBody {
    void run() throws SQLException;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTextRunAgainIsNotPlannedAgain(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String sql = "SELECT type, COUNT(*) FROM artifacts GROUP BY type ORDER BY type /* again */";
    List<List<Object>> first = new ArrayList<>();
    assertThat(parsed(() -> first.addAll(TestConnections.rows(c, sql)))).isEqualTo(1);
    List<List<Object>> second = new ArrayList<>();
    assertThat(parsed(() -> second.addAll(TestConnections.rows(c, sql)))).isZero();
    assertThat(second).isEqualTo(first).isNotEmpty();
  }

  /** As Spring's JdbcTemplate does: a new PreparedStatement of the same text at every call. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTextPreparedAgainIsNotPlannedAgain(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String sql = "SELECT COUNT(*) FROM executions WHERE type = ? /* prepared again */";
    long[] counts = new long[2];
    int parses = parsed(() -> {
      for (int i = 0; i < 2; i++) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setString(1, i == 0 ? TRAINER : "no such type");
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            counts[i] = rs.getLong(1);
          }
        }
      }
    });
    assertThat(parses).isEqualTo(1);
    assertThat(counts[0]).isEqualTo(TestConnections.RUNS);
    assertThat(counts[1]).isZero();
  }

  /** A per-type table's text is planned again once its type gained a property. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNewPropertyOfTheTypePlansTheTextAgain(Backend backend) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend))) {
      MetadataStore store = c.unwrap(MetadataStore.class);
      ArtifactType.Builder type = ArtifactType.newBuilder().setName("Dataset")
          .putProperties("rows", PropertyType.INT);
      long typeId = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(type).build()).getTypeId();
      store.putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(Artifact.newBuilder()
          .setTypeId(typeId).setName("d").putProperties("rows", intValue(7))).build());
      String sql = "SELECT * FROM artifact.\"Dataset\"";
      assertThat(columns(c, sql)).doesNotContain("columns");

      store.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanAddFields(true)
          .setArtifactType(type.putProperties("columns", PropertyType.INT)).build());
      assertThat(parsed(() -> assertThat(columns(c, sql)).contains("rows", "columns")))
          .isEqualTo(1);
      assertThat(parsed(() -> columns(c, sql))).isZero();
    }
  }

  /** A text failing to plan fails again, and plans once it means something. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailedTextIsPlannedAgain(Backend backend) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend))) {
      String sql = "SELECT name FROM artifact.\"Later\"";
      assertThatThrownBy(() -> TestConnections.rows(c, sql)).hasMessageContaining("Later");
      c.unwrap(MetadataStore.class).putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Later")).build());
      assertThat(TestConnections.rows(c, sql)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theDefaultSchemaIsPartOfWhatATextMeans(Backend backend) throws SQLException {
    Connection c = TestConnections.open(backend);
    try (c) {
      String sql = "SELECT COUNT(*) FROM \"" + TRAINER + "\"";
      assertThatThrownBy(() -> TestConnections.rows(c, sql)).hasMessageContaining(TRAINER);
      c.setSchema("execution");
      assertThat(TestConnections.rows(c, sql))
          .containsExactly(List.of((long) TestConnections.RUNS));
      c.setSchema("mlmd");
      assertThatThrownBy(() -> TestConnections.rows(c, sql)).hasMessageContaining(TRAINER);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theRowLimitIsPartOfWhatATextMeans(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String sql = "SELECT id FROM artifacts ORDER BY id /* limited */";
    try (Statement s = c.createStatement()) {
      assertThat(count(s.executeQuery(sql))).isGreaterThan(2);
      s.setMaxRows(2);
      assertThat(count(s.executeQuery(sql))).isEqualTo(2);
      s.setMaxRows(0);
      assertThat(count(s.executeQuery(sql))).isGreaterThan(2);
    }
  }

  /**
   * LQL statements are not kept (their signature holds their latest run): two statements of one
   * text, run before and after a write, each read their own run's result sets.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void lqlStatementsOfOneTextKeepTheirOwnRuns(Backend backend) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestDatabases.freshStoreUrl(backend));
        Statement before = c.createStatement(); Statement after = c.createStatement()) {
      MetadataStore store = c.unwrap(MetadataStore.class);
      TfxDemo.populate(store, 1);
      String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'"
          + " RETURN ARTIFACTS, EXECUTIONS";
      assertThat(before.execute(lql)).isTrue();
      int artifactsBefore = count(before.getResultSet());

      long model = store.getArtifactType(GetArtifactTypeRequest.newBuilder()
          .setTypeName("Model").build()).getArtifactType().getId();
      long trainer = store.getExecutionType(GetExecutionTypeRequest.newBuilder()
          .setTypeName(TRAINER).build()).getExecutionType().getId();
      store.putExecution(PutExecutionRequest.newBuilder()
          .setExecution(Execution.newBuilder().setTypeId(trainer).setName("late trainer"))
          .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
              .setArtifact(Artifact.newBuilder().setTypeId(model).setName("late model"))
              .setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)))
          .build());

      assertThat(after.execute(lql)).isTrue();
      assertThat(count(after.getResultSet())).isEqualTo(artifactsBefore + 1);
      assertThat(after.getMoreResults()).isTrue();
      int executionsAfter = count(after.getResultSet());
      assertThat(before.getMoreResults()).isTrue();
      assertThat(count(before.getResultSet())).isEqualTo(executionsAfter - 1);
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    try (rs) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private static List<String> columns(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        names.add(rs.getMetaData().getColumnLabel(i));
      }
      return names;
    }
  }

  private static Value intValue(long v) {
    return Value.newBuilder().setIntValue(v).build();
  }
}

package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The table function {@code lineage} inside SQL: joins, filters, sorting, its two forms. */
class LineageFunctionTest {

  private static final String UPSTREAM_OF_MODELS =
      "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'";

  @ParameterizedTest
  @EnumSource(Backend.class)
  void joinsWithArtifactsWhoseSideRunsInTheBackend(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String sql = "SELECT a.id, a.name, l.distance"
        + " FROM TABLE(mlmd.lineage('" + quote(UPSTREAM_OF_MODELS) + "')) l"
        + " JOIN mlmd.artifacts a ON a.id = l.artifact_id"
        + " WHERE a.type = 'Examples' ORDER BY l.distance DESC, a.id";
    List<List<Object>> expected = new ArrayList<>();
    for (LqlResult.Reached<io.mlmd4j.proto.Artifact> r : c.unwrap(MetadataStore.class)
        .query(UPSTREAM_OF_MODELS + " RETURN ARTIFACTS WHERE type = 'Examples'")
        .artifacts("artifacts")) {
      expected.add(List.of(r.node().getId(), r.node().getName(), r.distance()));
    }
    expected.sort(Comparator.<List<Object>, Integer>comparing(r -> (Integer) r.get(2))
        .reversed().thenComparing(r -> (Long) r.get(0)));
    assertThat(TestConnections.rows(c, sql)).hasSizeGreaterThan(1).isEqualTo(expected);

    String plan = TestConnections.plan(c, sql);
    assertThat(plan).contains("EnumerableTableFunctionScan(invocation=[lineage(");
    // The walk's artifact ids go to the backend in batches: it does not send the whole table.
    assertThat(plan).contains("EnumerableBatchNestedLoopJoin").doesNotContain("HashJoin")
        .containsPattern("\\$cor\\d+\\.artifact_id");
    // The same with the function on the right.
    String swapped = "SELECT a.id, a.name, l.distance FROM mlmd.artifacts a"
        + " JOIN TABLE(mlmd.lineage('" + quote(UPSTREAM_OF_MODELS) + "')) l"
        + " ON a.id = l.artifact_id"
        + " WHERE a.type = 'Examples' ORDER BY l.distance DESC, a.id";
    assertThat(TestConnections.rows(c, swapped)).isEqualTo(expected);
    assertThat(TestConnections.plan(c, swapped)).contains("EnumerableBatchNestedLoopJoin")
        .doesNotContain("HashJoin");
    // The artifacts side is one query in the backend, its filter on the type name included.
    String backendSide = plan.substring(plan.indexOf("JdbcToEnumerableConverter")
        + "JdbcToEnumerableConverter".length());
    assertThat(backendSide).contains("JdbcJoin").contains("JdbcFilter")
        .contains("'Examples'").doesNotContain("Enumerable");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void joinsWithExecutionsThroughExecutionIds(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    List<List<Object>> rows = TestConnections.rows(c, "SELECT x.id, x.last_known_state"
        + " FROM TABLE(lineage('upstream', 'artifacts', 'type = ''Model''')) l"
        + " JOIN executions x ON x.id = l.execution_id ORDER BY x.id");
    List<List<Object>> expected = new ArrayList<>();
    for (LqlResult.Reached<io.mlmd4j.proto.Execution> r : c.unwrap(MetadataStore.class)
        .query(UPSTREAM_OF_MODELS + " RETURN EXECUTIONS").executions("executions")) {
      expected.add(List.of(r.node().getId(), r.node().getLastKnownState().name()));
    }
    expected.sort(Comparator.comparing(r -> (Long) r.get(0)));
    assertThat(rows).isNotEmpty().isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void bothFormsGiveEveryReachedNodeWithItsDistance(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String lql = UPSTREAM_OF_MODELS + " MAX HOPS 2";
    List<List<Object>> expected = nodes(c.unwrap(MetadataStore.class)
        .query(lql + " RETURN ARTIFACTS AS a, EXECUTIONS AS x"));
    String columns = "SELECT kind, id, artifact_id, execution_id, distance FROM TABLE(";
    String order = ") ORDER BY kind, id";
    assertThat(TestConnections.rows(c, columns + "lineage('" + quote(lql) + "')" + order))
        .hasSizeGreaterThan(TestConnections.RUNS).isEqualTo(expected);
    assertThat(TestConnections.rows(c, columns
        + "lineage('UPSTREAM', 'ARTIFACTS', 'type = ''Model''', 2)" + order))
        .isEqualTo(expected);
    // Node items keep their WHERE; other items give no rows.
    List<List<Object>> schemas =
        TestConnections.rows(c, "SELECT id FROM artifacts WHERE type = 'Schema'");
    assertThat(TestConnections.rows(c, columns + "lineage('" + quote(lql)
        + " RETURN EVENTS, ARTIFACTS WHERE type = ''Schema''')" + order))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(0)).isEqualTo("ARTIFACT"))
        .isEqualTo(expected.stream().filter(r -> r.get(0).equals("ARTIFACT")
            && schemas.contains(List.of(r.get(1)))).toList());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void filtersAggregatesAndParameters(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    List<List<Object>> all = nodes(c.unwrap(MetadataStore.class)
        .query(UPSTREAM_OF_MODELS + " RETURN ARTIFACTS AS a, EXECUTIONS AS x"));
    long farExecutions = all.stream()
        .filter(r -> r.get(0).equals("EXECUTION") && (Integer) r.get(4) > 2).count();
    assertThat(farExecutions).isPositive();
    assertThat(TestConnections.rows(c, "SELECT kind, COUNT(*) AS n FROM TABLE(lineage('"
        + quote(UPSTREAM_OF_MODELS) + "')) WHERE distance > 2 AND kind = 'EXECUTION'"
        + " GROUP BY kind")).isEqualTo(List.of(List.of("EXECUTION", farExecutions)));
    try (PreparedStatement p = c.prepareStatement(
        "SELECT COUNT(*) FROM TABLE(lineage(CAST(? AS VARCHAR), 'ARTIFACTS',"
            + " 'type = ''Model''', CAST(? AS INTEGER)))")) {
      p.setString(1, "UPSTREAM");
      p.setInt(2, 100);
      assertThat(TestConnections.rows(p.executeQuery()))
          .isEqualTo(List.of(List.of((long) all.size())));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void syntaxErrorsInTheStatementAre42601(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(
          "SELECT * FROM TABLE(lineage('LINEAGE UPSTREAM OF ARTIFACTS WHERE nosuch = 1'))"))
          .hasMessageContaining("line 1:37")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }
  }

  /** On a store TFX wrote: the function's nodes are {@code MetadataStore.query}'s. */
  @Test
  void answersAsTheStoreOnTheTfxFixture() throws SQLException {
    try (Connection c = TestConnections.fixture()) {
      Object last = TestConnections.value(c, "SELECT MAX(id) FROM artifacts");
      String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE id = " + last;
      List<List<Object>> expected = nodes(c.unwrap(MetadataStore.class)
          .query(lql + " RETURN ARTIFACTS, EXECUTIONS"));
      assertThat(TestConnections.rows(c, "SELECT l.kind, l.id, l.artifact_id, l.execution_id,"
          + " l.distance FROM TABLE(lineage('" + lql + "')) l ORDER BY kind, id"))
          .hasSizeGreaterThan(3).isEqualTo(expected);
      assertThat(TestConnections.rows(c, "SELECT a.id FROM TABLE(lineage('" + lql + "')) l"
          + " JOIN artifacts a ON a.id = l.artifact_id WHERE l.distance = 0"))
          .isEqualTo(List.of(List.of(last)));
    }
  }

  /** {@code (kind, id, artifact_id, execution_id, distance)} of every node, by kind and id. */
  private static List<List<Object>> nodes(LqlResult result) {
    List<List<Object>> rows = new ArrayList<>();
    String artifacts = result.names().get(0);
    String executions = result.names().get(1);
    for (LqlResult.Reached<io.mlmd4j.proto.Artifact> r : result.artifacts(artifacts)) {
      rows.add(java.util.Arrays.asList("ARTIFACT", r.node().getId(), r.node().getId(), null,
          r.distance()));
    }
    for (LqlResult.Reached<io.mlmd4j.proto.Execution> r : result.executions(executions)) {
      rows.add(java.util.Arrays.asList("EXECUTION", r.node().getId(), null, r.node().getId(),
          r.distance()));
    }
    rows.sort(Comparator.<List<Object>, String>comparing(r -> (String) r.get(0))
        .thenComparing(r -> (Long) r.get(1)));
    return rows;
  }

  private static String quote(String s) {
    return s.replace("'", "''");
  }
}

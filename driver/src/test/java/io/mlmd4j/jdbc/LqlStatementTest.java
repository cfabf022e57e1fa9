package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.LineageGraph;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LQL statements through Statement and PreparedStatement: rows, metadata, results, errors. */
class LqlStatementTest {

  private static final String UPSTREAM_OF_MODELS =
      "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'";

  @ParameterizedTest
  @EnumSource(Backend.class)
  void artifactRowsAreTheLogicalRowsOfTheReachedArtifacts(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String lql = UPSTREAM_OF_MODELS + " RETURN ARTIFACTS";
    List<List<Object>> rows = TestConnections.rows(c, "/* reuse? */ " + lql);
    Map<Object, List<Object>> logical = byId(TestConnections.rows(c, "SELECT * FROM artifacts"));
    List<List<Object>> expected = new ArrayList<>();
    for (LqlResult.Reached<?> r : c.unwrap(MetadataStore.class).query(lql)
        .artifacts("artifacts")) {
      long id = ((io.mlmd4j.proto.Artifact) r.node()).getId();
      List<Object> row = new ArrayList<>(logical.get(id));
      row.add(r.distance());
      expected.add(row);
    }
    assertThat(rows).hasSizeGreaterThan(TestConnections.RUNS).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void executionRowsAreTheLogicalRowsOfTheReachedExecutions(Backend backend)
      throws SQLException {
    Connection c = TestConnections.filled(backend);
    String lql = "lineage downstream of artifacts where type = 'Examples' max hops 3"
        + " return executions";
    Map<Object, List<Object>> logical = byId(TestConnections.rows(c, "SELECT * FROM executions"));
    List<List<Object>> expected = new ArrayList<>();
    for (LqlResult.Reached<?> r : c.unwrap(MetadataStore.class).query(lql)
        .executions("executions")) {
      List<Object> row = new ArrayList<>(logical.get(
          ((io.mlmd4j.proto.Execution) r.node()).getId()));
      row.add(r.distance());
      expected.add(row);
    }
    assertThat(TestConnections.rows(c, lql)).isNotEmpty().isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void metadataIsThatOfTheLogicalTables(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertSameColumns(s, UPSTREAM_OF_MODELS + " RETURN ARTIFACTS",
          "SELECT a.*, CAST(1 AS INTEGER) AS distance FROM artifacts a");
      assertSameColumns(s, UPSTREAM_OF_MODELS + " RETURN EXECUTIONS",
          "SELECT x.*, CAST(1 AS INTEGER) AS distance FROM executions x");
      assertSameColumns(s, UPSTREAM_OF_MODELS + " RETURN EVENTS", "SELECT * FROM events");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eachReturnItemIsAResultSet(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String lql = UPSTREAM_OF_MODELS
        + " RETURN ARTIFACTS, EXECUTIONS AS runs, EVENTS, GRAPH, PATHS TO ARTIFACTS";
    LqlResult expected = c.unwrap(MetadataStore.class).query(lql);
    try (Statement s = c.createStatement()) {
      assertThat(s.execute(lql)).isTrue();
      assertThat(ids(s.getResultSet(), "id")).isEqualTo(expected.artifacts("artifacts").stream()
          .map(r -> ((io.mlmd4j.proto.Artifact) r.node()).getId()).toList());
      assertThat(s.getMoreResults()).isTrue();
      assertThat(ids(s.getResultSet(), "id")).isEqualTo(expected.executions("runs").stream()
          .map(r -> ((io.mlmd4j.proto.Execution) r.node()).getId()).toList());

      assertThat(s.getMoreResults()).isTrue();
      List<List<Object>> events = TestConnections.rows(s.getResultSet());
      List<List<Object>> logicalEvents = new ArrayList<>();
      for (List<Object> e : events) {
        logicalEvents.addAll(
            TestConnections.rows(c, "SELECT * FROM events WHERE id = " + e.get(0)));
      }
      assertThat(events).hasSize(expected.events("events").size()).isEqualTo(logicalEvents);

      assertThat(s.getMoreResults()).isTrue();
      ResultSet graph = s.getResultSet();
      assertThat(graph.getMetaData().getColumnLabel(1)).isEqualTo("kind");
      Map<Object, Integer> kinds = new HashMap<>();
      while (graph.next()) {
        kinds.merge(graph.getString("kind"), 1, Integer::sum);
        if (graph.getString("kind").equals("EVENT")) {
          assertThat(graph.getObject("type_id")).isNull();
          assertThat(graph.getLong("artifact_id")).isPositive();
        } else {
          assertThat(graph.getObject("artifact_id")).isNull();
        }
      }
      LineageGraph g = expected.graph("graph");
      assertThat(kinds).isEqualTo(Map.of("ARTIFACT", g.getArtifactsCount(),
          "EXECUTION", g.getExecutionsCount(), "EVENT", g.getEventsCount()));

      assertThat(s.getMoreResults()).isTrue();
      ResultSet paths = s.getResultSet();
      int steps = 0;
      int lastPath = 0;
      while (paths.next()) {
        steps++;
        lastPath = paths.getInt("path");
        if (paths.getInt("step") % 2 == 0) {
          assertThat(paths.getString("kind")).isIn("ARTIFACT", "EXECUTION");
        } else {
          assertThat(paths.getString("kind")).isEqualTo("EVENT");
        }
      }
      List<LqlResult.Path> expectedPaths = expected.paths("paths");
      assertThat(lastPath).isEqualTo(expectedPaths.size());
      assertThat(steps).isEqualTo(expectedPaths.stream()
          .mapToInt(p -> p.nodes().size() + p.events().size()).sum());

      assertThat(s.getMoreResults()).isFalse();
      assertThat(s.getResultSet()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void preparedStatementsRunAgainAndDescribeBeforeRunning(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String lql = UPSTREAM_OF_MODELS + " MAX HOPS 2 RETURN ARTIFACTS AS near";
    try (PreparedStatement p = c.prepareStatement(lql)) {
      assertThat(p.getMetaData().getColumnLabel(10)).isEqualTo("distance");
      assertThat(p.getMetaData().getColumnType(10)).isEqualTo(Types.INTEGER);
      List<List<Object>> first = TestConnections.rows(p.executeQuery());
      assertThat(first).isNotEmpty().isEqualTo(TestConnections.rows(p.executeQuery()));
      assertThat(first).allSatisfy(row -> assertThat((Integer) row.get(9)).isBetween(0, 2));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void cacheLookupsReturnExecutions(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    List<List<Object>> trainer = TestConnections.rows(c, "SELECT x.id, x.type FROM executions x"
        + " WHERE x.type LIKE '%Trainer' AND x.last_known_state = 'COMPLETE' ORDER BY x.id"
        + " LIMIT 1");
    List<List<Object>> inputs = TestConnections.rows(c, "SELECT artifact_id FROM events"
        + " WHERE execution_id = " + trainer.get(0).get(0)
        + " AND type = 'INPUT' ORDER BY artifact_id");
    String lql = "CACHED EXECUTIONS OF TYPE '" + trainer.get(0).get(1)
        + "' WITH INPUTS (" + String.join(", ", inputs.stream().map(r -> r.get(0).toString())
        .toList()) + ") WHERE last_known_state = COMPLETE";
    List<List<Object>> rows = TestConnections.rows(c, "/* reuse? */ " + lql);
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get(8)).isEqualTo(0));
    assertThat(rows.stream().map(r -> r.get(0)).toList()).contains(trainer.get(0).get(0))
        .isEqualTo(c.unwrap(MetadataStore.class).query(lql).executions("executions").stream()
            .map(r -> r.node().getId()).toList());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void syntaxErrorsAre42601WithLineAndColumn(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("-- which models?\nLINEAGE UPSTREAM OF ARTIFACTS"
          + "\n  WHERE nosuch = 1"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("line 3:9")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
      assertThatThrownBy(() -> c.prepareStatement("lineage upstream artifacts where id = 1"))
          .isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("line 1:18")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
      // SQL stays SQL, with SQL's errors.
      assertThatThrownBy(() -> s.executeQuery("SELECT lineage FROM artifacts"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void refusedValuesAre22023AndLimits54000(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("LINEAGE OF ARTIFACTS WHERE name = 'x\uD800'"))
          .hasMessageContaining("surrogate")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      if (backend != Backend.MYSQL) {
        // SQLite's compound SELECT holds at most 500 terms, one per start set.
        String starts = String.join(", ", java.util.Collections.nCopies(600,
            "ARTIFACTS WHERE id = 1"));
        assertThatThrownBy(() -> s.executeQuery("LINEAGE OF " + starts))
            .hasMessageContaining("limit")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("54000");
      }
    }
  }

  @Test
  void sqlThatMentionsLineageIsStillSql() throws SQLException {
    Connection c = TestConnections.filled(Backend.FAKE);
    assertThat(TestConnections.value(c, "/* LINEAGE */ SELECT 'LINEAGE UPSTREAM' AS lineage"))
        .isEqualTo("LINEAGE UPSTREAM");
    assertThat(TestConnections.value(c, "  -- cached\n VALUES 'CACHED EXECUTIONS'"))
        .isEqualTo("CACHED EXECUTIONS");
  }

  private static void assertSameColumns(Statement s, String lql, String sql)
      throws SQLException {
    List<List<Object>> expected;
    try (ResultSet rs = s.executeQuery(sql)) {
      expected = describe(rs.getMetaData());
    }
    try (ResultSet rs = s.executeQuery(lql)) {
      assertThat(describe(rs.getMetaData())).as(lql).isEqualTo(expected);
    }
  }

  private static List<List<Object>> describe(ResultSetMetaData m) throws SQLException {
    List<List<Object>> columns = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      columns.add(List.of(m.getColumnLabel(i), m.getColumnType(i), m.getColumnTypeName(i),
          m.isNullable(i), m.getColumnClassName(i), m.getPrecision(i), m.isSigned(i)));
    }
    return columns;
  }

  private static Map<Object, List<Object>> byId(List<List<Object>> rows) {
    Map<Object, List<Object>> map = new HashMap<>();
    rows.forEach(r -> map.put(r.get(0), r));
    return map;
  }

  private static List<Long> ids(ResultSet rs, String column) throws SQLException {
    List<Long> ids = new ArrayList<>();
    while (rs.next()) {
      ids.add(rs.getLong(column));
    }
    return ids;
  }
}

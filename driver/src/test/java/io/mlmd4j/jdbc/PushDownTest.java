package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Filters, projections, joins, aggregates, sorts and limits run in the backend: the whole plan
 * sits under one JdbcToEnumerableConverter, and one SQL statement reaches the database.
 */
class PushDownTest {

  /** Numbers the texts {@link #hooked} runs. */
  private static final AtomicInteger texts = new AtomicInteger();

  private static final List<String> QUERIES = List.of(
      "SELECT name, uri FROM artifacts WHERE state = 'LIVE' AND type = 'Model'",
      "SELECT a.type, COUNT(*) FROM artifacts a JOIN events e ON e.artifact_id = a.id"
          + " WHERE e.type = 'OUTPUT' GROUP BY a.type ORDER BY 2 DESC, 1 LIMIT 3",
      "SELECT name, learning_rate, train_steps"
          + " FROM execution.\"tfx.components.trainer.component.Trainer\""
          + " WHERE learning_rate > 0.02 ORDER BY train_steps DESC LIMIT 2",
      "SELECT m.name, COUNT(e.id) FROM artifact.\"Model\" m JOIN events e"
          + " ON e.artifact_id = m.id GROUP BY m.name",
      "SELECT name, COUNT(*), MAX(int_value) FROM artifact_properties"
          + " WHERE NOT is_custom_property GROUP BY name",
      "SELECT c.name, x.last_known_state FROM contexts c JOIN associations s"
          + " ON s.context_id = c.id JOIN executions x ON x.id = s.execution_id"
          + " JOIN parent_contexts p ON p.child_id = c.id WHERE c.type = 'node'"
          + " ORDER BY c.name LIMIT 5 OFFSET 1",
      "SELECT t.name, p.name, p.data_type FROM artifact_types t"
          + " JOIN artifact_type_properties p ON p.type_id = t.id WHERE t.base_type = 'DATASET'",
      "SELECT e.id, s.step_key FROM events e JOIN event_path_steps s ON s.event_id = e.id"
          + " WHERE NOT s.is_index_step AND e.type = 'INPUT'",
      "SELECT name, ROW_NUMBER() OVER (PARTITION BY type ORDER BY create_time_since_epoch)"
          + " FROM artifacts");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyQueryIsOneStatementInTheBackend(Backend backend) throws SQLException {
    assertEachIsOneBackendStatement(TestConnections.filled(backend), QUERIES);
  }

  /**
   * Each query's plan is wholly in the backend, sends one statement, and runs without Java
   * generated and compiled for it.
   */
  private static void assertEachIsOneBackendStatement(Connection c, List<String> queries)
      throws SQLException {
    for (String query : queries) {
      List<String> lines = Arrays.asList(TestConnections.plan(c, query).split("\n"));
      assertThat(lines.get(0)).as(query).isEqualTo("JdbcToEnumerableConverter");
      assertThat(lines.subList(1, lines.size())).as(query)
          .allSatisfy(line -> assertThat(line.trim()).startsWith("Jdbc"));
      assertThat(sent(c, query)).as(query).hasSize(1);
      assertThat(hooked(Hook.JAVA_PLAN, c, query)).as(query).isEmpty();
    }
  }

  /** A plan with a part in the JVM (the lineage function's) gets generated code. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aPlanPartlyInTheJvmIsCompiled(Backend backend) throws SQLException {
    String query = "SELECT a.name, l.distance FROM TABLE(lineage('LINEAGE UPSTREAM OF ARTIFACTS"
        + " WHERE type = ''Model''')) l JOIN artifacts a ON a.id = l.artifact_id";
    assertThat(hooked(Hook.JAVA_PLAN, TestConnections.filled(backend), query)).hasSize(1);
  }

  /**
   * A per-type table reads each property's rows by name in the backend, joined there: the
   * property table never comes to the JVM whole.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void perTypeTableJoinsPropertiesInTheBackend(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String query = QUERIES.get(2);
    List<String> sql = sent(c, query);
    assertThat(sql).singleElement().satisfies(s -> assertThat(s)
        .contains("JOIN").contains("ExecutionProperty").contains("'learning_rate'")
        .containsIgnoringCase("LIMIT"));
    assertThat(TestConnections.rows(c, query)).containsExactly(
        List.of("taxi-run-04.Trainer", 0.05, 4000L), List.of("taxi-run-01.Trainer", 0.05, 3000L));
  }

  /**
   * Queries of a per-type table whose type declares several properties, as TFX's do: whether
   * they run in the backend must not depend on how many properties the type has.
   */
  private static final List<String> MODEL_QUERIES = List.of(
      "SELECT m.name, COUNT(e.id) FROM artifact.\"Model\" m JOIN events e"
          + " ON e.artifact_id = m.id GROUP BY m.name",
      "SELECT m.framework, COUNT(e.id) FROM artifact.\"Model\" m JOIN events e"
          + " ON e.artifact_id = m.id WHERE e.type = 'INPUT' GROUP BY m.framework"
          + " ORDER BY 2 DESC, 1 LIMIT 2",
      "SELECT name, size_bytes FROM artifact.\"Model\" WHERE framework = 'jax'"
          + " ORDER BY size_bytes DESC LIMIT 3",
      "SELECT * FROM artifact.\"Model\" WHERE name = '" + ModelStore.NON_ASCII_NAME + "'");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void perTypeTableQueriesAreOneStatementWhateverTheType(Backend backend) throws SQLException {
    assertEachIsOneBackendStatement(ModelStore.connection(backend), MODEL_QUERIES);
  }

  /** A per-type table joins the property table only for the property columns a query uses. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void perTypeTableJoinsOnlyThePropertiesUsed(Backend backend) throws SQLException {
    Connection c = ModelStore.connection(backend);
    assertThat(sent(c, MODEL_QUERIES.get(0))).singleElement()
        .satisfies(s -> assertThat(s).doesNotContain("ArtifactProperty"));
    assertThat(TestConnections.rows(c, MODEL_QUERIES.get(0)))
        .hasSize(ModelStore.MODELS).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(3L));

    assertThat(sent(c, MODEL_QUERIES.get(2))).singleElement().satisfies(s -> assertThat(s)
        .contains("'framework'").contains("'size_bytes'").doesNotContain("'format'"));
    assertThat(TestConnections.rows(c, MODEL_QUERIES.get(2))).containsExactly(
        List.of("model-28", 28_000L), List.of("model-25", 25_000L),
        List.of("model-22", 22_000L));

    assertThat(TestConnections.rows(c, MODEL_QUERIES.get(1))).containsExactly(
        List.of("jax", 20L), List.of("sklearn", 20L));
  }

  /**
   * A node table joins the type table only for the type's name: a point query on a node's own
   * columns reads one table, as a hand-written one would.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void nodeTableJoinsTypesOnlyForTheTypeName(Backend backend) throws SQLException {
    Connection c = ModelStore.connection(backend);
    String own = "SELECT name, uri FROM artifacts WHERE name = 'model-7'";
    assertThat(sent(c, own)).singleElement()
        .satisfies(s -> assertThat(s).doesNotContain("JOIN").doesNotContain("Type"));
    assertThat(TestConnections.rows(c, own)).containsExactly(List.of("model-7", "/models/7"));
    String typed = "SELECT name, type FROM artifacts WHERE name = 'model-7'";
    assertThat(sent(c, typed)).singleElement()
        .satisfies(s -> assertThat(s).contains("JOIN").contains("Type"));
    assertThat(TestConnections.rows(c, typed)).containsExactly(List.of("model-7", "Model"));
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts"))
        .isEqualTo((long) ModelStore.MODELS);
  }

  /** A non-ASCII literal reaches the backend intact and finds its row. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void nonAsciiLiteralFindsItsRow(Backend backend) throws SQLException {
    Connection c = ModelStore.connection(backend);
    assertThat(TestConnections.rows(c, "SELECT name, framework FROM artifact.\"Model\""
        + " WHERE name = '" + ModelStore.NON_ASCII_NAME + "'"))
        .containsExactly(List.of(ModelStore.NON_ASCII_NAME,
            ModelStore.framework(ModelStore.MODELS - 1)));
    assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifacts WHERE name LIKE '%α'"))
        .isEqualTo(1L);
  }

  /** The SQL statements sent to the backend to run the query. */
  private static List<String> sent(Connection c, String query) throws SQLException {
    return hooked(Hook.QUERY_PLAN, c, query);
  }

  /**
   * What {@code hook} is called with while the query is planned and run. A comment numbering
   * the text makes it one the connection has not planned before, whose plan it cannot have kept.
   */
  private static List<String> hooked(Hook hook, Connection c, String query)
      throws SQLException {
    List<String> calls = new ArrayList<>();
    Consumer<Object> collect = s -> calls.add(String.valueOf(s));
    try (Hook.Closeable h = hook.addThread(collect)) {
      TestConnections.rows(c, query + "\n-- text " + texts.incrementAndGet());
    }
    return calls;
  }
}

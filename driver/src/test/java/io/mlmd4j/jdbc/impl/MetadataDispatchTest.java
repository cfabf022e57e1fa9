package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.planner.MetadataDispatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MetadataDispatch} answers as Calcite's Janino-generated handlers do: for every node of
 * the logical and the physical plans of a range of queries, the same row counts, costs, keys,
 * predicates and origins, or the same exception.
 */
class MetadataDispatchTest {

  private static final Map<String, Function<Target, Object>> METADATA = Map.ofEntries(
      Map.entry("rowCount", t -> t.mq.getRowCount(t.rel)),
      Map.entry("maxRowCount", t -> t.mq.getMaxRowCount(t.rel)),
      Map.entry("minRowCount", t -> t.mq.getMinRowCount(t.rel)),
      Map.entry("cumulativeCost", t -> t.mq.getCumulativeCost(t.rel)),
      Map.entry("nonCumulativeCost", t -> t.mq.getNonCumulativeCost(t.rel)),
      Map.entry("uniqueKeys", t -> t.mq.getUniqueKeys(t.rel)),
      Map.entry("allColumnsUnique", t -> t.mq.areColumnsUnique(t.rel, allColumns(t.rel))),
      Map.entry("collations", t -> t.mq.collations(t.rel)),
      Map.entry("predicates", t -> t.mq.getPulledUpPredicates(t.rel)),
      Map.entry("distinctRowCount", t -> t.mq.getDistinctRowCount(t.rel, ImmutableBitSet.of(0),
          null)),
      Map.entry("selectivity", t -> t.mq.getSelectivity(t.rel, null)),
      Map.entry("averageRowSize", t -> t.mq.getAverageRowSize(t.rel)),
      Map.entry("columnOrigins", t -> t.mq.getColumnOrigins(t.rel, 0)),
      Map.entry("populationSize", t -> t.mq.getPopulationSize(t.rel, ImmutableBitSet.of(0))),
      Map.entry("tableReferences", t -> t.mq.getTableReferences(t.rel)),
      Map.entry("visibleInExplain", t -> t.mq.isVisibleInExplain(t.rel,
          SqlExplainLevel.ALL_ATTRIBUTES)));

  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:mlmd:fake");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT name, uri FROM artifacts WHERE id = 3",
      "SELECT a.name, e.type, x.name FROM artifacts a JOIN events e ON e.artifact_id = a.id"
          + " JOIN executions x ON x.id = e.execution_id WHERE a.state = 'LIVE'",
      "SELECT type, COUNT(*), MAX(create_time_since_epoch) FROM artifacts GROUP BY type"
          + " HAVING COUNT(*) > 1 ORDER BY 2 DESC LIMIT 5",
      "SELECT DISTINCT p.name FROM artifact_properties p WHERE p.int_value > 3",
      "SELECT name FROM artifacts UNION SELECT name FROM executions",
      "SELECT id FROM artifacts WHERE id IN (SELECT artifact_id FROM events WHERE type ="
          + " 'OUTPUT')",
      "SELECT name, ROW_NUMBER() OVER (PARTITION BY type ORDER BY id) FROM artifacts",
      "SELECT a.name, l.distance FROM TABLE(lineage('LINEAGE UPSTREAM OF ARTIFACTS WHERE"
          + " id = 1')) l JOIN artifacts a ON a.id = l.artifact_id",
      "SELECT c.name, COUNT(DISTINCT t.artifact_id) FROM contexts c LEFT JOIN attributions t"
          + " ON t.context_id = c.id GROUP BY c.name"})
  void answersAsCalcitesGeneratedHandlers(String sql) throws SQLException {
    List<RelNode> plans = plans(sql);
    assertThat(plans).hasSize(2);
    RelMetadataQuery janino =
        new RelMetadataQuery(JaninoRelMetadataProvider.of(PlannerMetadata.PROVIDER));
    RelMetadataQuery dispatched =
        new RelMetadataQuery(MetadataDispatch.of(PlannerMetadata.PROVIDER));
    int compared = 0;
    for (RelNode node : nodes(plans)) {
      for (Map.Entry<String, Function<Target, Object>> m : METADATA.entrySet()) {
        assertThat(answer(m.getValue(), new Target(node, dispatched)))
            .as("%s of %s", m.getKey(), node)
            .isEqualTo(answer(m.getValue(), new Target(node, janino)));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(2 * METADATA.size());
  }

  /** The query's plan as converted from SQL and as chosen for running. */
  private static List<RelNode> plans(String sql) throws SQLException {
    List<RelNode> plans = new ArrayList<>();
    Consumer<Object> converted = rel -> plans.add((RelNode) rel);
    Consumer<Object> chosen = root -> plans.add(((RelRoot) root).rel);
    try (Hook.Closeable c = Hook.CONVERTED.addThread(converted);
        Hook.Closeable p = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(chosen);
        PreparedStatement s = connection.prepareStatement(sql)) {
      s.getMetaData();
    }
    return plans;
  }

  private static Set<RelNode> nodes(List<RelNode> roots) {
    Set<RelNode> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    List<RelNode> pending = new ArrayList<>(roots);
    while (!pending.isEmpty()) {
      RelNode node = pending.remove(pending.size() - 1);
      if (nodes.add(node)) {
        pending.addAll(node.getInputs());
      }
    }
    return nodes;
  }

  /** The answer as text, or the exception's class: what the two must agree on. */
  private static String answer(Function<Target, Object> metadata, Target target) {
    try {
      return String.valueOf(metadata.apply(target));
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName();
    }
  }

  private static ImmutableBitSet allColumns(RelNode rel) {
    return ImmutableBitSet.range(rel.getRowType().getFieldCount());
  }

  private record Target(RelNode rel, RelMetadataQuery mq) {}
}

package io.mlmd4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LQL on a real TFX store (a copy of the lab fixture, schema version 10), checked against a
 * recursive SQL query written by hand: the distance of every node upstream of each last artifact
 * of a run, downstream of each example set, and both ways within three hops of each execution.
 * Every statement runs twice, as a recursive query and one query per hop.
 */
class LqlOracleTest {

  private static Path file;
  private static MetadataStore store;
  private static MetadataStore perHop;
  private static Connection oracle;

  @BeforeAll
  static void open() throws SQLException {
    file = TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    store = MetadataStore.open("jdbc:mlmd:sqlite:" + file);
    perHop = MetadataStore.open("jdbc:mlmd:sqlite:" + file + "?lineageWalk=perHop");
    oracle = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @AfterAll
  static void close() throws SQLException {
    store.close();
    perHop.close();
    oracle.close();
  }

  /**
   * Kind ("a" or "e") and id to the fewest events from the start node, as a hand-written
   * recursive query finds them. {@code fromArtifact} and {@code fromExecution} are the event
   * types followed from each kind of node; {@code hops} bounds the walk.
   */
  static Map<String, Integer> oracle(String startKind, long start, String fromArtifact,
      String fromExecution, int hops) throws SQLException {
    String sql = "WITH RECURSIVE r(kind, id, d) AS ("
        + " SELECT ?, ?, 0"
        + " UNION SELECT 'e', ev.execution_id, r.d + 1 FROM r JOIN Event ev"
        + "   ON ev.artifact_id = r.id WHERE r.kind = 'a' AND ev.type IN (" + fromArtifact + ")"
        + "   AND r.d < ?"
        + " UNION SELECT 'a', ev.artifact_id, r.d + 1 FROM r JOIN Event ev"
        + "   ON ev.execution_id = r.id WHERE r.kind = 'e' AND ev.type IN (" + fromExecution + ")"
        + "   AND r.d < ?"
        + ") SELECT kind, id, MIN(d) FROM r GROUP BY kind, id";
    Map<String, Integer> found = new HashMap<>();
    try (PreparedStatement s = oracle.prepareStatement(sql)) {
      s.setString(1, startKind);
      s.setLong(2, start);
      s.setInt(3, hops);
      s.setInt(4, hops);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1) + rs.getLong(2), rs.getInt(3));
        }
      }
    }
    return found;
  }

  /** Kind and id to distance, as LQL finds them; the same recursively and per hop. */
  static Map<String, Integer> lql(String statement) {
    Map<String, Integer> found = lql(store, statement);
    assertThat(lql(perHop, statement)).as("per hop: %s", statement).isEqualTo(found);
    return found;
  }

  static Map<String, Integer> lql(MetadataStore on, String statement) {
    LqlResult r = on.query(statement);
    Map<String, Integer> found = new HashMap<>();
    r.artifacts("artifacts").forEach(n -> found.put("a" + n.node().getId(), n.distance()));
    r.executions("executions").forEach(n -> found.put("e" + n.node().getId(), n.distance()));
    return found;
  }

  static List<Long> ids(String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s = oracle.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  static final String OUTPUTS = "1, 4, 6, 7";
  static final String INPUTS = "2, 3, 5";
  static final String ALL = "0, 1, 2, 3, 4, 5, 6, 7";

  @Test
  void upstreamOfEveryLastArtifact() throws SQLException {
    List<Long> last = ids("SELECT a.id FROM Artifact a JOIN Type t ON t.id = a.type_id"
        + " WHERE t.name IN ('TransformGraph', 'ExampleAnomalies') ORDER BY a.id");
    assertThat(last).hasSize(45);
    int nodes = 0;
    for (long id : last) {
      Map<String, Integer> expected = oracle("a", id, OUTPUTS, INPUTS, 1000);
      assertThat(lql("LINEAGE UPSTREAM OF ARTIFACTS WHERE id = " + id
          + " RETURN ARTIFACTS, EXECUTIONS")).as("upstream of %d", id).isEqualTo(expected);
      nodes += expected.size();
    }
    assertThat(nodes).isGreaterThan(3 * last.size());
  }

  @Test
  void downstreamOfEveryExampleSet() throws SQLException {
    List<Long> examples = ids("SELECT a.id FROM Artifact a JOIN Type t ON t.id = a.type_id"
        + " WHERE t.name = 'Examples' ORDER BY a.id");
    assertThat(examples).hasSize(46);
    int nodes = 0;
    for (long id : examples) {
      Map<String, Integer> expected = oracle("a", id, INPUTS, OUTPUTS, 1000);
      assertThat(lql("LINEAGE DOWNSTREAM OF ARTIFACTS WHERE id = " + id
          + " RETURN ARTIFACTS, EXECUTIONS")).as("downstream of %d", id).isEqualTo(expected);
      nodes += expected.size();
    }
    assertThat(nodes).isGreaterThan(examples.size());
  }

  @Test
  void bothWaysWithinThreeHopsOfEveryExecution() throws SQLException {
    for (long id : ids("SELECT id FROM Execution ORDER BY id")) {
      assertThat(lql("LINEAGE BOTH OF EXECUTIONS WHERE id = " + id
          + " MAX HOPS 3 RETURN ARTIFACTS, EXECUTIONS")).as("around %d", id)
          .isEqualTo(oracle("e", id, ALL, ALL, 3));
    }
  }
}

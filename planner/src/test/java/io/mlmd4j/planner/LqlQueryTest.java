package io.mlmd4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.testing.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LQL through the store on all three backends, on {@link LineageFixture}'s known answers; each
 * test runs with the walks as recursive queries and again one query per hop.
 */
class LqlQueryTest {

  /** A backend, and whether the store walks one query per hop ({@code lineageWalk=perHop}). */
  record Target(Backend backend, boolean perHop) {
    @Override
    public String toString() {
      return backend + (perHop ? " per hop" : " recursive");
    }

    /** A new store of this target. */
    MetadataStore open() {
      String url = TestDatabases.freshUrl(backend);
      return MetadataStore.open(perHop ? url + (url.contains("?") ? "&" : "?")
          + "lineageWalk=perHop" : url);
    }
  }

  static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (boolean perHop : new boolean[] {false, true}) {
      for (Backend b : Backend.values()) {
        targets.add(new Target(b, perHop));
      }
    }
    return targets;
  }

  private static final Map<Target, MetadataStore> STORES = new HashMap<>();
  private static final Map<Target, LineageFixture> FIXTURES = new HashMap<>();

  static synchronized LineageFixture fixture(Target backend) {
    STORES.computeIfAbsent(backend, b -> {
      MetadataStore store = b.open();
      FIXTURES.put(b, new LineageFixture(store));
      return store;
    });
    return FIXTURES.get(backend);
  }

  @AfterAll
  static synchronized void closeStores() {
    STORES.values().forEach(MetadataStore::close);
    STORES.clear();
    FIXTURES.clear();
  }

  static LqlResult query(Target backend, String lql) {
    fixture(backend);
    return STORES.get(backend).query(lql);
  }

  /** Node name to distance, in the result's order. */
  static Map<String, Integer> artifacts(LqlResult r, String name) {
    Map<String, Integer> found = new LinkedHashMap<>();
    r.artifacts(name).forEach(n -> found.put(n.node().getName(), n.distance()));
    return found;
  }

  static Map<String, Integer> executions(LqlResult r, String name) {
    Map<String, Integer> found = new LinkedHashMap<>();
    r.executions(name).forEach(n -> found.put(n.node().getName(), n.distance()));
    return found;
  }

  static String a(String name) {
    return "ARTIFACTS WHERE name = '" + name + "'";
  }

  @ParameterizedTest
  @MethodSource("targets")
  void upstreamWithDistances(Target backend) {
    LqlResult r = query(backend, "LINEAGE UPSTREAM OF " + a("a3")
        + " RETURN ARTIFACTS, EXECUTIONS, EVENTS");
    assertThat(r.names()).containsExactly("artifacts", "executions", "events");
    assertThat(artifacts(r, "artifacts")).containsExactly(Map.entry("a3", 0),
        Map.entry("a2", 2), Map.entry("a1", 4), Map.entry("a4", 4));
    assertThat(executions(r, "executions")).containsExactly(Map.entry("e2", 1),
        Map.entry("e1", 3), Map.entry("e0", 5));
    assertThat(r.events("events")).hasSize(6);
    assertThat(r.artifacts("artifacts").get(0).node().getType()).isEqualTo("PushedModel");
    assertThat(r.artifacts("artifacts").get(0).node().getUri()).isEqualTo("uri/a3");
  }

  @ParameterizedTest
  @MethodSource("targets")
  void downstreamAndFilteredResults(Target backend) {
    LqlResult r = query(backend, "lineage downstream of " + a("a1")
        + " return artifacts where type = 'Model' or type = 'PushedModel' as models,"
        + " executions as runs");
    assertThat(artifacts(r, "MODELS")).containsExactly(Map.entry("a2", 2), Map.entry("a3", 4));
    assertThat(executions(r, "runs")).containsExactly(Map.entry("e1", 1), Map.entry("e3", 1),
        Map.entry("e5", 1), Map.entry("e6", 1), Map.entry("e2", 3));
  }

  @ParameterizedTest
  @MethodSource("targets")
  void bothWaysWithinHops(Target backend) {
    LqlResult r = query(backend, "LINEAGE OF " + a("a5") + " MAX HOPS 2 RETURN ARTIFACTS,"
        + " EXECUTIONS");
    assertThat(artifacts(r, "artifacts")).containsExactly(Map.entry("a5", 0),
        Map.entry("a1", 2), Map.entry("a2", 2));
    assertThat(executions(r, "executions")).containsExactly(Map.entry("e3", 1));
    LqlResult zero = query(backend, "LINEAGE OF " + a("a5") + " MAX HOPS 0 RETURN ARTIFACTS,"
        + " EXECUTIONS");
    assertThat(artifacts(zero, "artifacts")).containsExactly(Map.entry("a5", 0));
    assertThat(zero.executions("executions")).isEmpty();
    // unbounded both ways: the whole connected part, cycles and all, each node at its distance
    LqlResult all = query(backend, "LINEAGE BOTH OF " + a("a5") + " RETURN ARTIFACTS");
    assertThat(artifacts(all, "artifacts")).containsExactly(Map.entry("a5", 0),
        Map.entry("a1", 2), Map.entry("a2", 2), Map.entry("a3", 4), Map.entry("a4", 4));
  }

  @ParameterizedTest
  @MethodSource("targets")
  void stopAt(Target backend) {
    String q = "LINEAGE UPSTREAM OF " + a("a3")
        + " STOP AT EXECUTIONS WHERE type = 'Trainer'%s RETURN ARTIFACTS, EXECUTIONS, EVENTS";
    LqlResult exclusive = query(backend, String.format(q, ""));
    assertThat(artifacts(exclusive, "artifacts")).containsExactly(Map.entry("a3", 0),
        Map.entry("a2", 2));
    assertThat(executions(exclusive, "executions")).containsExactly(Map.entry("e2", 1));
    assertThat(exclusive.events("events")).hasSize(2);
    LqlResult inclusive = query(backend, String.format(q, " INCLUSIVE"));
    assertThat(executions(inclusive, "executions")).containsExactly(Map.entry("e2", 1),
        Map.entry("e1", 3));
    assertThat(artifacts(inclusive, "artifacts")).containsExactly(Map.entry("a3", 0),
        Map.entry("a2", 2));
    assertThat(inclusive.events("events")).hasSize(3);
    // a start node that is a stop node is not walked from
    String start = "LINEAGE UPSTREAM OF " + a("a3") + " STOP AT " + a("a3") + "%s";
    assertThat(query(backend, String.format(start, "")).graph("graph").getArtifactsList())
        .isEmpty();
    LineageGraph included = query(backend, String.format(start, " INCLUSIVE")).graph("graph");
    assertThat(included.getArtifactsList()).extracting(Artifact::getName).containsExactly("a3");
    assertThat(included.getExecutionsList()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void severalStartSetsMeasureFromTheNearest(Target backend) {
    LqlResult r = query(backend, "LINEAGE UPSTREAM OF " + a("a3")
        + ", EXECUTIONS WHERE name = 'e3' RETURN ARTIFACTS, EXECUTIONS");
    assertThat(artifacts(r, "artifacts")).containsExactly(Map.entry("a3", 0),
        Map.entry("a1", 1), Map.entry("a2", 1), Map.entry("a4", 3));
    assertThat(executions(r, "executions")).containsExactly(Map.entry("e3", 0),
        Map.entry("e2", 1), Map.entry("e0", 2), Map.entry("e1", 2));
  }

  @ParameterizedTest
  @MethodSource("targets")
  void cyclesEnd(Target backend) {
    for (String direction : List.of("UPSTREAM", "DOWNSTREAM", "BOTH")) {
      LqlResult r = query(backend, "LINEAGE " + direction + " OF " + a("a7")
          + " RETURN ARTIFACTS, EXECUTIONS, EVENTS");
      assertThat(artifacts(r, "artifacts")).containsExactly(Map.entry("a7", 0));
      assertThat(executions(r, "executions")).containsExactly(Map.entry("e4", 1));
      // both events are followed: one to e4, the other back to a7, already reached
      assertThat(r.events("events")).hasSize(2);
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void cyclesEndWhenOnlyNodesAreReturned(Target backend) {
    // Without events to return, walks carry their length: a cycle makes them go on to the cut,
    // and the walk is then run again the other way.
    for (String hops : List.of("", " MAX HOPS 3", " MAX HOPS 5000")) {
      LqlResult r = query(backend, "LINEAGE UPSTREAM OF " + a("a7") + hops
          + " RETURN ARTIFACTS, EXECUTIONS");
      assertThat(artifacts(r, "artifacts")).containsExactly(Map.entry("a7", 0));
      assertThat(executions(r, "executions")).containsExactly(Map.entry("e4", 1));
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void graphAndPaths(Target backend) {
    LqlResult r = query(backend, "LINEAGE DOWNSTREAM OF " + a("a1")
        + " RETURN GRAPH, PATHS TO ARTIFACTS WHERE name = 'a3' AS route, PATHS AS every");
    LineageGraph g = r.graph("graph");
    assertThat(g.getArtifactsList()).extracting(Artifact::getName)
        .containsExactly("a1", "a2", "a3", "a5");
    assertThat(g.getExecutionsList()).extracting(Execution::getName)
        .containsExactly("e1", "e2", "e3", "e5", "e6");
    // a1 to its four consumers, e1 and e3 to their outputs, a2 to e2, e3 and e6, e2 to a3
    assertThat(g.getEventsList()).hasSize(10);
    assertThat(g.getArtifactTypesList()).extracting(ArtifactType::getName)
        .containsExactlyInAnyOrder("Examples", "Model", "PushedModel", "Evaluation");
    List<LqlResult.Path> route = r.paths("route");
    assertThat(route).hasSize(1);
    List<String> names = new ArrayList<>();
    for (Message m : route.get(0).nodes()) {
      names.add(m instanceof Artifact art ? art.getName() : ((Execution) m).getName());
    }
    assertThat(names).containsExactly("a1", "e1", "a2", "e2", "a3");
    assertThat(route.get(0).events()).extracting(Event::getType).containsExactly(
        Event.Type.INPUT, Event.Type.OUTPUT, Event.Type.INPUT, Event.Type.OUTPUT);
    assertThat(r.paths("every")).hasSize(9);
    assertThat(r.paths("every").get(0).nodes()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("targets")
  void cacheLookup(Target backend) {
    LineageFixture f = fixture(backend);
    String lookup = "CACHED EXECUTIONS OF TYPE 'Trainer' WITH INPUTS (%d, %d)%s";
    LqlResult both = query(backend, String.format(lookup, f.id("a4"), f.id("a1"), ""));
    // newest first: same millisecond, so by id descending; e6 has a third input
    assertThat(executions(both, "executions").keySet()).containsExactly("e5", "e1");
    assertThat(executions(query(backend, String.format(lookup, f.id("a1"), f.id("a4"),
        " MATCHING PROPERTIES (train_steps = 1000)")), "executions").keySet())
        .containsExactly("e1");
    assertThat(executions(query(backend, String.format(lookup, f.id("a1"), f.id("a4"),
        " MATCHING PROPERTIES (train_steps = 1000.0)")), "executions")).isEmpty();
    assertThat(executions(query(backend, String.format(lookup, f.id("a1"), f.id("a4"),
        " WHERE name != 'e5' AND last_known_state = COMPLETE")), "executions").keySet())
        .containsExactly("e1");
    assertThat(executions(query(backend, "CACHED EXECUTIONS OF TYPE 'Trainer' WITH INPUTS ("
        + f.id("a1") + ")"), "executions")).isEmpty();
    assertThat(executions(query(backend, "CACHED EXECUTIONS OF TYPE 'ExampleGen' WITH INPUTS"
        + " ()"), "executions").keySet()).containsExactly("e0");
    assertThat(executions(query(backend, "CACHED EXECUTIONS OF TYPE 'Trainer' VERSION 'v2'"
        + " WITH INPUTS (" + f.id("a1") + ", " + f.id("a4") + ")"), "executions")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void errors(Target backend) {
    assertThatThrownBy(() -> query(backend, "LINEAGE SIDEWAYS OF ARTIFACTS WHERE id = 1"))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("line 1:9");
        });
    assertThatThrownBy(() -> query(backend, "LINEAGE OF ARTIFACTS WHERE last_known_state = 1"))
        .isInstanceOfSatisfying(MlmdException.class, e ->
            assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT));
    LqlResult r = query(backend, "LINEAGE OF ARTIFACTS WHERE name = 'nothing'");
    assertThat(r.graph("graph").getArtifactsList()).isEmpty();
    assertThatThrownBy(() -> r.artifacts("graph")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.graph("other")).isInstanceOf(IllegalArgumentException.class);
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.PutEventsRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;

/**
 * The semantics of LQL (grammar module's README) through {@code MetadataStore.query}, on a
 * small pipeline: data -INPUT-> train -OUTPUT-> model -INPUT-> push -OUTPUT-> pushed, and
 * schema -INPUT-> train.
 */
class LqlTest extends TckTest {

  long data;
  long schema;
  long model;
  long pushed;
  long train;
  long push;

  void pipeline() {
    long artifactType = put(artifactType("name: 'a'"));
    long trainer = put(executionType("name: 'Trainer'"));
    long pusher = put(executionType("name: 'Pusher'"));
    List<Long> a = put(artifact("type_id: %d name: 'data'", artifactType),
        artifact("type_id: %d name: 'schema'", artifactType),
        artifact("type_id: %d name: 'model'", artifactType),
        artifact("type_id: %d name: 'pushed'", artifactType));
    data = a.get(0);
    schema = a.get(1);
    model = a.get(2);
    pushed = a.get(3);
    train = put(execution("type_id: %d name: 'train' last_known_state: COMPLETE", trainer))
        .get(0);
    push = put(execution("type_id: %d name: 'push'", pusher)).get(0);
    store.putEvents(PutEventsRequest.newBuilder()
        .addEvents(event(data, train, Event.Type.INPUT))
        .addEvents(event(schema, train, Event.Type.INPUT))
        .addEvents(event(model, train, Event.Type.OUTPUT))
        .addEvents(event(model, push, Event.Type.INPUT))
        .addEvents(event(pushed, push, Event.Type.OUTPUT)).build());
  }

  static Event event(long artifact, long execution, Event.Type type) {
    return Event.newBuilder().setArtifactId(artifact).setExecutionId(execution).setType(type)
        .build();
  }

  Map<String, Integer> artifacts(String lql) {
    Map<String, Integer> found = new LinkedHashMap<>();
    for (LqlResult.Reached<Artifact> r : store.query(lql).artifacts("artifacts")) {
      found.put(r.node().getName(), r.distance());
    }
    return found;
  }

  @StoreTest
  @DisplayName("(LQL) a hop is one event; UPSTREAM, DOWNSTREAM, BOTH; distances by hops")
  void directionsAndDistances() {
    pipeline();
    assertThat(artifacts("LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'pushed' RETURN ARTIFACTS"))
        .containsExactly(Map.entry("pushed", 0), Map.entry("model", 2), Map.entry("data", 4),
            Map.entry("schema", 4));
    assertThat(artifacts("LINEAGE DOWNSTREAM OF ARTIFACTS WHERE name = 'schema'"
        + " RETURN ARTIFACTS")).containsExactly(Map.entry("schema", 0), Map.entry("model", 2),
            Map.entry("pushed", 4));
    // BOTH reaches data from schema through train, which UPSTREAM and DOWNSTREAM do not
    assertThat(artifacts("LINEAGE BOTH OF ARTIFACTS WHERE name = 'schema' MAX HOPS 2"
        + " RETURN ARTIFACTS")).containsExactly(Map.entry("schema", 0), Map.entry("data", 2),
            Map.entry("model", 2));
    assertThat(artifacts("LINEAGE OF ARTIFACTS WHERE name = 'schema' MAX HOPS 0"
        + " RETURN ARTIFACTS")).containsExactly(Map.entry("schema", 0));
  }

  @StoreTest
  @DisplayName("(LQL) STOP AT: not walked through, returned only INCLUSIVE; WHERE only filters")
  void stopAtAndReturnFilters() {
    pipeline();
    String q = "LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'pushed' STOP AT EXECUTIONS WHERE"
        + " type = 'Trainer'%s RETURN ARTIFACTS, EXECUTIONS";
    LqlResult exclusive = store.query(String.format(q, ""));
    assertThat(exclusive.artifacts("artifacts")).extracting(r -> r.node().getName())
        .containsExactly("pushed", "model");
    assertThat(exclusive.executions("executions")).extracting(r -> r.node().getName())
        .containsExactly("push");
    LqlResult inclusive = store.query(String.format(q, " INCLUSIVE"));
    assertThat(inclusive.executions("executions")).extracting(r -> r.node().getName())
        .containsExactly("push", "train");
    assertThat(inclusive.artifacts("artifacts")).hasSize(2);
    assertThat(artifacts("LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'pushed'"
        + " RETURN ARTIFACTS WHERE name = 'data' OR name = 'pushed'"))
        .containsExactly(Map.entry("pushed", 0), Map.entry("data", 4));
  }

  @StoreTest
  @DisplayName("(LQL) results by name; GRAPH by default; events followed once")
  void results() {
    pipeline();
    LqlResult r = store.query("lineage downstream of artifacts where name = 'model'"
        + " return executions as runs, events");
    assertThat(r.names()).containsExactly("runs", "events");
    assertThat(r.executions("RUNS")).extracting(x -> x.node().getName())
        .containsExactly("push");
    assertThat(r.events("events")).extracting(Event::getArtifactId)
        .containsExactlyInAnyOrder(model, pushed);
    LqlResult graph = store.query("LINEAGE OF EXECUTIONS WHERE name = 'train'");
    assertThat(graph.names()).containsExactly("graph");
    assertThat(graph.graph("graph").getArtifactsList()).extracting(Artifact::getName)
        .containsExactly("data", "schema", "model", "pushed");
    assertThat(graph.graph("graph").getExecutionsList()).extracting(Execution::getName)
        .containsExactly("train", "push");
    assertThat(graph.graph("graph").getEventsList()).hasSize(5);
  }

  @StoreTest
  @DisplayName("(LQL) the cache lookup: exactly these inputs, newest first, with the filter")
  void cacheLookup() {
    pipeline();
    String lookup = "CACHED EXECUTIONS OF TYPE 'Trainer' WITH INPUTS (%s)%s";
    assertThat(store.query(String.format(lookup, schema + ", " + data, ""))
        .executions("executions")).extracting(r -> r.node().getId()).containsExactly(train);
    assertThat(store.query(String.format(lookup, data, "")).executions("executions")).isEmpty();
    assertThat(store.query(String.format(lookup, data + ", " + schema,
        " WHERE last_known_state = FAILED")).executions("executions")).isEmpty();
  }

  /** A generous bound for walks that take milliseconds; one that does not end fails here. */
  static final Duration BACKSTOP = Duration.ofSeconds(60);

  /**
   * A chain of 40 executions, a0 -INPUT-> x1 -OUTPUT-> a1 ... -> a40, whose end is on a cycle:
   * a40 -INPUT-> loop -OUTPUT-> c -INPUT-> back -OUTPUT-> a40; c is also input and output of
   * self. From a0 the graph is 84 hops across.
   */
  void chainIntoCycle() {
    long artifactType = put(artifactType("name: 'a'"));
    long executionType = put(executionType("name: 'x'"));
    List<Long> a = put(IntStream.rangeClosed(0, 40)
        .mapToObj(i -> artifact("type_id: %d name: 'a%d'", artifactType, i))
        .toArray(Artifact[]::new));
    List<Long> x = put(IntStream.rangeClosed(1, 40)
        .mapToObj(i -> execution("type_id: %d name: 'x%d'", executionType, i))
        .toArray(Execution[]::new));
    long c = put(artifact("type_id: %d name: 'c'", artifactType)).get(0);
    List<Long> loop = put(execution("type_id: %d name: 'loop'", executionType),
        execution("type_id: %d name: 'back'", executionType),
        execution("type_id: %d name: 'self'", executionType));
    PutEventsRequest.Builder events = PutEventsRequest.newBuilder();
    for (int i = 1; i <= 40; i++) {
      events.addEvents(event(a.get(i - 1), x.get(i - 1), Event.Type.INPUT))
          .addEvents(event(a.get(i), x.get(i - 1), Event.Type.OUTPUT));
    }
    events.addEvents(event(a.get(40), loop.get(0), Event.Type.INPUT))
        .addEvents(event(c, loop.get(0), Event.Type.OUTPUT))
        .addEvents(event(c, loop.get(1), Event.Type.INPUT))
        .addEvents(event(a.get(40), loop.get(1), Event.Type.OUTPUT))
        .addEvents(event(c, loop.get(2), Event.Type.INPUT))
        .addEvents(event(c, loop.get(2), Event.Type.OUTPUT));
    store.putEvents(events.build());
  }

  /** Every node a walk returns, by name, with its distance, and the events of its graph. */
  Map<String, Integer> reached(String lql) {
    LqlResult r = store.query(lql, BACKSTOP);
    Map<String, Integer> found = new TreeMap<>();
    r.artifacts("a").forEach(n -> found.put(n.node().getName(), n.distance()));
    r.executions("x").forEach(n -> found.put(n.node().getName(), n.distance()));
    r.graph("g").getEventsList().forEach(e -> found.merge("events", 1, Integer::sum));
    return found;
  }

  @StoreTest
  @DisplayName("(LQL) any MAX HOPS on a chain into a cycle: beyond the graph the same as none,"
      + " within it the nodes that near")
  void hopLimitsOnCycles() {
    chainIntoCycle();
    for (String walk : List.of("DOWNSTREAM OF ARTIFACTS WHERE name = 'a0'",
        "UPSTREAM OF ARTIFACTS WHERE name = 'c'", "BOTH OF ARTIFACTS WHERE name = 'a0'",
        "BOTH OF EXECUTIONS WHERE name = 'self'")) {
      String lql = "LINEAGE " + walk + " %s RETURN ARTIFACTS AS a, EXECUTIONS AS x, GRAPH AS g,"
          + " PATHS";
      Map<String, Integer> all = reached(String.format(lql, ""));
      assertThat(all).as(lql).containsKey("a40");
      for (String limit : List.of("MAX HOPS 84", "MAX HOPS 1000", "MAX HOPS 1000000",
          "MAX HOPS 2147483647")) {
        assertThat(reached(String.format(lql, limit))).as(lql, limit).isEqualTo(all);
      }
      for (int hops : new int[] {3, 32, 33, 50}) {
        Map<String, Integer> near = reached(String.format(lql, "MAX HOPS " + hops));
        near.remove("events");
        Map<String, Integer> expected = new TreeMap<>(all);
        expected.remove("events");
        expected.values().removeIf(d -> d > hops);
        assertThat(near).as(lql, "MAX HOPS " + hops).isEqualTo(expected);
      }
    }
    // Only nodes returned: the lighter query of distances, cut on the cycle.
    Map<String, Integer> upstream = new TreeMap<>();
    store.query("LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'c' MAX HOPS 2147483647"
        + " RETURN ARTIFACTS", BACKSTOP).artifacts("artifacts")
        .forEach(n -> upstream.put(n.node().getName(), n.distance()));
    assertThat(upstream).containsEntry("c", 0).containsEntry("a40", 2).containsEntry("a0", 82)
        .hasSize(42);
  }

  @StoreTest
  @DisplayName("(LQL) a deadline already past: DEADLINE_EXCEEDED, nothing run; the store goes on")
  void deadline() {
    pipeline();
    String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'pushed' RETURN ARTIFACTS";
    assertThat(assertFails(Code.DEADLINE_EXCEEDED, () -> store.query(lql, Duration.ZERO))
        .getMessage()).contains("deadline");
    assertThat(store.query(lql, Duration.ofMinutes(1)).artifacts("artifacts")).hasSize(4);
  }

  @StoreTest
  @DisplayName("(LQL) a statement that does not parse is INVALID_ARGUMENT with its position")
  void errors() {
    assertThat(assertFails(Code.INVALID_ARGUMENT,
        () -> store.query("LINEAGE UPSTREAM OF CONTEXTS WHERE id = 1")).getMessage())
        .contains("line 1:");
  }

  @StoreTest
  @DisplayName("(issue item 7) a statement nested more than 100 deep is INVALID_ARGUMENT at the"
      + " level too deep; 100 deep runs")
  void deepNesting() {
    pipeline();
    String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE %s RETURN ARTIFACTS";
    for (int depth : new int[] {1_000, 100_000}) {
      String nested = "(".repeat(depth) + "name = 'pushed'" + ")".repeat(depth);
      assertThat(assertFails(Code.INVALID_ARGUMENT,
          () -> store.query(String.format(lql, nested))).getMessage())
          .contains("line 1:137: nested more than 100 levels deep");
    }
    assertThat(artifacts(String.format(lql,
        "(".repeat(100) + "name = 'pushed'" + ")".repeat(100)))).hasSize(4);
  }
}

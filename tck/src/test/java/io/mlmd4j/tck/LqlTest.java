package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.PutEventsRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @StoreTest
  @DisplayName("(LQL) a statement that does not parse is INVALID_ARGUMENT with its position")
  void errors() {
    assertThat(assertFails(Code.INVALID_ARGUMENT,
        () -> store.query("LINEAGE UPSTREAM OF CONTEXTS WHERE id = 1")).getMessage())
        .contains("line 1:");
  }
}

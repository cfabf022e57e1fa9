package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Association;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetLineageSubgraphRequest;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.LineageSubgraphQueryOptions;
import io.mlmd4j.proto.LineageSubgraphQueryOptions.Direction;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;

/**
 * GetLineageSubgraph (§6.1 and §7, 111 to 114). The store answers as MLMD's server does: nodes
 * and contexts dehydrated (ids only), every type of each kind (built-in simple types included);
 * MLMD's Python client then hydrates the nodes and keeps only the types in use, which is what
 * its tests count.
 */
class LineageSubgraphTest extends TckTest {

  LineageGraph subgraph(String options, String... mask) {
    return store.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
        .setLineageSubgraphQueryOptions(parse(LineageSubgraphQueryOptions.getDefaultInstance(),
            options))
        .setReadMask(FieldMask.newBuilder().addAllPaths(List.of(mask))).build())
        .getLineageSubgraph();
  }

  void events(Event... events) {
    store.putEvents(PutEventsRequest.newBuilder().addAllEvents(List.of(events)).build());
  }

  static Event event(long artifact, long execution, Event.Type type) {
    return Event.newBuilder().setArtifactId(artifact).setExecutionId(execution).setType(type)
        .build();
  }

  void link(long context, List<Long> artifacts, List<Long> executions) {
    PutAttributionsAndAssociationsRequest.Builder request =
        PutAttributionsAndAssociationsRequest.newBuilder();
    artifacts.forEach(a -> request.addAttributions(Attribution.newBuilder().setContextId(context)
        .setArtifactId(a)));
    executions.forEach(e -> request.addAssociations(Association.newBuilder()
        .setContextId(context).setExecutionId(e)));
    store.putAttributionsAndAssociations(request.build());
  }

  static List<Long> ids(LineageGraph g, String what) {
    return switch (what) {
      case "artifacts" -> g.getArtifactsList().stream().map(Artifact::getId).toList();
      case "executions" -> g.getExecutionsList().stream().map(Execution::getId).toList();
      default -> g.getContextsList().stream().map(Context::getId).toList();
    };
  }

  /** The names of the types of a kind that are not MLMD's built-in simple types. */
  static List<String> userTypes(List<String> names) {
    return names.stream().filter(n -> !n.startsWith("mlmd.")).toList();
  }

  /** The graph of MLMD's Python test: two executions between an input and an output. */
  final class PythonGraph {
    final long input;
    final long output;
    final long existing;
    final long fresh;
    final long context1;
    final long context2;

    PythonGraph() {
      long executionType = put(executionType("name: 'execution_type'"));
      long artifactType = put(artifactType("name: 'artifact_type'"));
      long contextType = put(contextType("name: 'context_type'"));
      List<Long> contexts = put(context("type_id: %d name: 'existing_context'", contextType),
          context("type_id: %d name: 'new_context'", contextType));
      context1 = contexts.get(0);
      context2 = contexts.get(1);
      List<Long> executions = put(execution("type_id: %d name: 'existing_execution'",
          executionType), execution("type_id: %d name: 'new_execution'", executionType));
      existing = executions.get(0);
      fresh = executions.get(1);
      List<Long> artifacts = put(artifact("type_id: %d uri: 'testuri'", artifactType),
          artifact("type_id: %d uri: 'output_artifact'", artifactType));
      input = artifacts.get(0);
      output = artifacts.get(1);
      events(event(input, existing, Event.Type.INPUT), event(output, existing, Event.Type.OUTPUT),
          event(input, fresh, Event.Type.INPUT), event(output, fresh, Event.Type.OUTPUT));
      link(context1, artifacts, executions);
      link(context2, artifacts, executions);
    }
  }

  @StoreTest
  @DisplayName("#111 from the output artifact, 10 hops: the mask picks parts; no mask gives all")
  void maskedAndWholeSubgraph() {
    PythonGraph g = new PythonGraph();
    String options = "starting_artifacts { filter_query: \"uri = 'output_artifact'\" }"
        + " max_num_hops: 10";
    LineageGraph skeleton = subgraph(options, "events", "associations", "attributions");
    assertThat(skeleton.getArtifactsList()).isEmpty();
    assertThat(skeleton.getExecutionsList()).isEmpty();
    assertThat(skeleton.getContextsList()).isEmpty();
    assertThat(skeleton.getArtifactTypesList()).isEmpty();
    assertThat(skeleton.getExecutionTypesList()).isEmpty();
    assertThat(skeleton.getContextTypesList()).isEmpty();
    assertThat(skeleton.getEventsList()).hasSize(4);
    assertThat(skeleton.getAssociationsList()).hasSize(4);
    assertThat(skeleton.getAttributionsList()).hasSize(4);

    LineageGraph whole = subgraph(options);
    assertThat(ids(whole, "artifacts")).containsExactly(g.input, g.output);
    assertThat(whole.getArtifactsList()).allSatisfy(a -> assertThat(a.getUri()).isEmpty());
    assertThat(ids(whole, "executions")).containsExactly(g.existing, g.fresh);
    assertThat(ids(whole, "contexts")).containsExactly(g.context1, g.context2);
    assertThat(userTypes(whole.getArtifactTypesList().stream().map(ArtifactType::getName)
        .toList())).containsExactly("artifact_type");
    assertThat(userTypes(whole.getExecutionTypesList().stream().map(ExecutionType::getName)
        .toList())).containsExactly("execution_type");
    assertThat(whole.getContextTypesList()).extracting(ContextType::getName)
        .containsExactly("context_type");
    assertThat(whole.getEventsList()).containsExactlyInAnyOrderElementsOf(
        skeleton.getEventsList());
  }

  @StoreTest
  @DisplayName("#112 from executions by context, 0 hops: the executions, their contexts, links")
  void zeroHopsFromExecutions() {
    PythonGraph g = new PythonGraph();
    LineageGraph whole = subgraph("starting_executions { filter_query:"
        + " \"contexts_a.name='existing_context'\" } max_num_hops: 0");
    assertThat(whole.getArtifactsList()).isEmpty();
    assertThat(ids(whole, "executions")).containsExactly(g.existing, g.fresh);
    assertThat(ids(whole, "contexts")).containsExactly(g.context1, g.context2);
    assertThat(whole.getEventsList()).isEmpty();
    assertThat(whole.getAssociationsList()).hasSize(4);
    assertThat(whole.getAttributionsList()).isEmpty();
    assertThat(userTypes(whole.getExecutionTypesList().stream().map(ExecutionType::getName)
        .toList())).containsExactly("execution_type");
  }

  @StoreTest
  @DisplayName("#113 a mask of types only gives types; a mask of nodes only gives nodes")
  void typeAndNodeMasks() {
    PythonGraph g = new PythonGraph();
    String options = "starting_artifacts { filter_query: \"uri = 'output_artifact'\" }"
        + " max_num_hops: 10";
    LineageGraph types = subgraph(options, "artifact_types", "execution_types",
        "context_types");
    assertThat(types.getArtifactsList()).isEmpty();
    assertThat(types.getExecutionsList()).isEmpty();
    assertThat(types.getContextsList()).isEmpty();
    assertThat(types.getEventsList()).isEmpty();
    assertThat(types.getAssociationsList()).isEmpty();
    assertThat(types.getAttributionsList()).isEmpty();
    assertThat(types.getContextTypesList()).hasSize(1);
    assertThat(userTypes(types.getArtifactTypesList().stream().map(ArtifactType::getName)
        .toList())).hasSize(1);

    LineageGraph nodes = subgraph(options, "artifacts", "executions", "contexts");
    assertThat(ids(nodes, "artifacts")).containsExactly(g.input, g.output);
    assertThat(ids(nodes, "executions")).containsExactly(g.existing, g.fresh);
    assertThat(ids(nodes, "contexts")).containsExactly(g.context1, g.context2);
    assertThat(nodes.getArtifactTypesList()).isEmpty();
    assertThat(nodes.getEventsList()).isEmpty();
    assertThat(nodes.getAttributionsList()).isEmpty();
  }

  @StoreTest
  @DisplayName("#114 direction: downstream of an execution its output, upstream its input")
  void direction() {
    long executionType = put(executionType("name: 'execution_type'"));
    long artifactType = put(artifactType("name: 'artifact_type'"));
    long contextType = put(contextType("name: 'context_type'"));
    long context = put(context("type_id: %d name: 'test_context'", contextType)).get(0);
    List<Long> artifacts = put(artifact("type_id: %d uri: 'input_artifact_uri'", artifactType),
        artifact("type_id: %d uri: 'output_artifact_uri'", artifactType));
    long execution = put(execution("type_id: %d name: 'test_execution'", executionType)).get(0);
    events(event(artifacts.get(0), execution, Event.Type.INPUT),
        event(artifacts.get(1), execution, Event.Type.OUTPUT));
    link(context, artifacts, List.of(execution));

    String options = "starting_executions { filter_query: \"name = 'test_execution'\" }"
        + " max_num_hops: 2 direction: %s";
    LineageGraph down = subgraph(String.format(options, "DOWNSTREAM"));
    assertThat(ids(down, "artifacts")).containsExactly(artifacts.get(1));
    assertThat(ids(down, "executions")).containsExactly(execution);
    assertThat(ids(down, "contexts")).containsExactly(context);
    assertThat(down.getEventsList()).containsExactly(
        event(artifacts.get(1), execution, Event.Type.OUTPUT).toBuilder()
            .setMillisecondsSinceEpoch(down.getEvents(0).getMillisecondsSinceEpoch()).build());
    LineageGraph up = subgraph(String.format(options, "UPSTREAM"));
    assertThat(ids(up, "artifacts")).containsExactly(artifacts.get(0));
    assertThat(up.getEventsList()).extracting(Event::getArtifactId)
        .containsExactly(artifacts.get(0));
    assertThat(up.getContextTypesList()).extracting(ContextType::getName)
        .containsExactly("context_type");
  }

  /** MLMD's access-object tests: a1 -INPUT-> e1 -OUTPUT-> a2, a1 -INPUT-> e2, a2 -INPUT-> e2. */
  final class EndingGraph {
    final long a1;
    final long a2;
    final long e1;
    final long e2;

    EndingGraph() {
      long artifactType = put(artifactType("name: 'a'"));
      long executionType = put(executionType("name: 'e'"));
      List<Long> a = put(artifact("type_id: %d name: 'a1'", artifactType),
          artifact("type_id: %d name: 'a2'", artifactType));
      List<Long> e = put(execution("type_id: %d name: 'e1'", executionType),
          execution("type_id: %d name: 'e2'", executionType));
      a1 = a.get(0);
      a2 = a.get(1);
      e1 = e.get(0);
      e2 = e.get(1);
      events(event(a1, e1, Event.Type.INPUT), event(a2, e1, Event.Type.OUTPUT),
          event(a1, e2, Event.Type.INPUT), event(a2, e2, Event.Type.INPUT));
    }

    String options(int hops, boolean include, String direction) {
      return String.format("starting_artifacts { filter_query: \"name = 'a1'\" }"
          + " max_num_hops: %d direction: %s ending_executions { filter_query: \"name = 'e1'\""
          + " include_ending_nodes: %s }", hops, direction, include);
    }
  }

  static List<long[]> edges(LineageGraph g) {
    List<long[]> edges = new ArrayList<>();
    g.getEventsList().forEach(e -> edges.add(new long[] {e.getArtifactId(), e.getExecutionId()}));
    return edges;
  }

  @StoreTest
  @DisplayName("(§6.1) ending executions: kept with include_ending_nodes, not walked through")
  void endingNodes() {
    EndingGraph g = new EndingGraph();
    LineageGraph included = subgraph(g.options(2, true, "BIDIRECTIONAL"));
    assertThat(ids(included, "artifacts")).containsExactly(g.a1, g.a2);
    assertThat(ids(included, "executions")).containsExactly(g.e1, g.e2);
    assertThat(edges(included)).containsExactlyInAnyOrder(new long[] {g.a1, g.e1},
        new long[] {g.a1, g.e2}, new long[] {g.a2, g.e2});

    LineageGraph excluded = subgraph(g.options(2, false, "BIDIRECTIONAL"));
    assertThat(ids(excluded, "artifacts")).containsExactly(g.a1, g.a2);
    assertThat(ids(excluded, "executions")).containsExactly(g.e2);
    assertThat(edges(excluded)).containsExactlyInAnyOrder(new long[] {g.a1, g.e2},
        new long[] {g.a2, g.e2});

    LineageGraph downstream = subgraph(g.options(3, true, "DOWNSTREAM"));
    assertThat(ids(downstream, "artifacts")).containsExactly(g.a1);
    assertThat(ids(downstream, "executions")).containsExactly(g.e1, g.e2);
  }

  @StoreTest
  @DisplayName("(§6.1) a starting node that is an ending node: returned only when included")
  void startingNodeThatEnds() {
    EndingGraph g = new EndingGraph();
    String options = "starting_executions { filter_query: \"name = 'e1'\" } max_num_hops: 0"
        + " ending_executions { filter_query: \"name = 'e1'\" include_ending_nodes: %s }";
    LineageGraph excluded = subgraph(String.format(options, false));
    assertThat(excluded.getArtifactsList()).isEmpty();
    assertThat(excluded.getExecutionsList()).isEmpty();
    assertThat(excluded.getEventsList()).isEmpty();
    assertThat(ids(subgraph(String.format(options, true)), "executions")).containsExactly(g.e1);
    // not walked from, even with hops to spare
    LineageGraph notWalked = subgraph(String.format(options, true).replace("max_num_hops: 0",
        "max_num_hops: 5"));
    assertThat(ids(notWalked, "executions")).containsExactly(g.e1);
    assertThat(notWalked.getArtifactsList()).isEmpty();
  }

  @StoreTest
  @DisplayName("(§6.1) max_num_hops: unset and above 100 mean 100; each hop is one event")
  void hopLimit() {
    long artifactType = put(artifactType("name: 'a'"));
    long executionType = put(executionType("name: 'e'"));
    // a chain a0 -> e0 -> a1 -> e1 -> ... -> a60: 120 events
    List<Long> a = put(LongStream.rangeClosed(0, 60)
        .mapToObj(i -> artifact("type_id: %d name: 'a%d'", artifactType, i))
        .toArray(Artifact[]::new));
    List<Long> e = put(LongStream.range(0, 60)
        .mapToObj(i -> execution("type_id: %d name: 'e%d'", executionType, i))
        .toArray(Execution[]::new));
    List<Event> chain = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      chain.add(event(a.get(i), e.get(i), Event.Type.INPUT));
      chain.add(event(a.get(i + 1), e.get(i), Event.Type.OUTPUT));
    }
    events(chain.toArray(Event[]::new));
    String start = "starting_artifacts { filter_query: \"name = 'a0'\" }";
    for (String hops : List.of("", " max_num_hops: 100", " max_num_hops: 1000")) {
      LineageGraph g = subgraph(start + hops, "artifacts", "executions", "events");
      assertThat(ids(g, "artifacts")).as(hops).isEqualTo(a.subList(0, 51));
      assertThat(ids(g, "executions")).as(hops).isEqualTo(e.subList(0, 50));
      assertThat(g.getEventsList()).as(hops).hasSize(100);
    }
    LineageGraph three = subgraph(start + " max_num_hops: 3", "artifacts", "executions");
    assertThat(ids(three, "artifacts")).containsExactly(a.get(0), a.get(1));
    assertThat(ids(three, "executions")).containsExactly(e.get(0), e.get(1));
  }

  @StoreTest
  @DisplayName("(§6.1) bad options: INVALID_ARGUMENT; no starting node: NOT_FOUND")
  void badOptions() {
    new EndingGraph();
    assertFails(Code.INVALID_ARGUMENT, () -> subgraph("max_num_hops: 2"));
    assertFails(Code.INVALID_ARGUMENT, () -> subgraph("starting_artifacts { }"));
    assertFails(Code.INVALID_ARGUMENT,
        () -> subgraph("starting_artifacts { filter_query: \"name = 'a1'\" } max_num_hops: -1"));
    assertFails(Code.INVALID_ARGUMENT,
        () -> subgraph("starting_artifacts { filter_query: \"name = \" }"));
    assertFails(Code.INVALID_ARGUMENT, () -> subgraph("starting_artifacts { filter_query:"
        + " \"name = 'a1'\" } ending_executions { filter_query: \"uri = 'x'\" }"));
    assertFails(Code.NOT_FOUND,
        () -> subgraph("starting_executions { filter_query: \"name = 'nothing'\" }"));
  }
}

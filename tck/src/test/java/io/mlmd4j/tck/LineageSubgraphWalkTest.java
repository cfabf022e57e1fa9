package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetLineageSubgraphRequest;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.LineageSubgraphQueryOptions;
import io.mlmd4j.proto.PutEventsRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;

/**
 * GetLineageSubgraph where a walk in one recursive query and MLMD's rounds of one hop could part:
 * cycles, nodes reached both as ending nodes and on other paths, undirected zig-zags, starting
 * nodes that end, hop limits at the boundary, more than 101 starting nodes. Each case is
 * checked against a model of MLMD's rounds written here, on small graphs built at random.
 */
class LineageSubgraphWalkTest extends TckTest {

  private static final Event.Type[] TYPES = {Event.Type.INPUT, Event.Type.OUTPUT,
      Event.Type.DECLARED_OUTPUT, Event.Type.INTERNAL_INPUT, Event.Type.PENDING_OUTPUT};
  private static final String[] DIRECTIONS = {"UPSTREAM", "DOWNSTREAM", "BIDIRECTIONAL",
      "DIRECTION_UNSPECIFIED"};

  /** A stored graph: artifacts named {prefix}a0.., executions {prefix}e0.., and its events. */
  private final class Graph {
    final String prefix;
    final List<Long> artifacts;
    final List<Long> executions;
    final List<Event> events = new ArrayList<>();

    Graph(int artifactCount, int executionCount) {
      this("", artifactCount, executionCount);
    }

    Graph(String prefix, int artifactCount, int executionCount) {
      this.prefix = prefix;
      long artifactType = put(artifactType("name: 'a'"));
      long executionType = put(executionType("name: 'e'"));
      artifacts = put(IntStream.range(0, artifactCount)
          .mapToObj(i -> artifact("type_id: %d name: '%sa%d'", artifactType, prefix, i))
          .toArray(Artifact[]::new));
      executions = put(IntStream.range(0, executionCount)
          .mapToObj(i -> execution("type_id: %d name: '%se%d'", executionType, prefix, i))
          .toArray(Execution[]::new));
    }

    void event(int artifact, int execution, Event.Type type) {
      Event e = Event.newBuilder().setArtifactId(artifacts.get(artifact))
          .setExecutionId(executions.get(execution)).setType(type).build();
      if (!events.contains(e)) {
        events.add(e);
      }
    }

    void store() {
      store.putEvents(PutEventsRequest.newBuilder().addAllEvents(events)
          .build());
    }
  }

  /** What a walk returns, in comparable form. */
  record Answer(Set<Long> artifacts, Set<Long> executions, List<String> events) {}

  private Answer ask(String options) {
    LineageGraph g = store.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
        .setLineageSubgraphQueryOptions(parse(LineageSubgraphQueryOptions.getDefaultInstance(),
            options)).build()).getLineageSubgraph();
    Set<Long> artifacts = new TreeSet<>();
    g.getArtifactsList().forEach(a -> artifacts.add(a.getId()));
    Set<Long> executions = new TreeSet<>();
    g.getExecutionsList().forEach(e -> executions.add(e.getId()));
    Answer answer = new Answer(artifacts, executions, g.getEventsList().stream().map(
        LineageSubgraphWalkTest::edge).sorted().toList());
    // Asked for the nodes alone, the walk needs no events: the same nodes all the same.
    LineageGraph nodes = store.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
        .setLineageSubgraphQueryOptions(parse(LineageSubgraphQueryOptions.getDefaultInstance(),
            options)).setReadMask(FieldMask.newBuilder().addPaths("artifacts")
            .addPaths("executions")).build()).getLineageSubgraph();
    assertThat(nodes.getArtifactsList().stream().map(Artifact::getId).toList()).as(options)
        .containsExactlyElementsOf(artifacts);
    assertThat(nodes.getExecutionsList().stream().map(Execution::getId).toList()).as(options)
        .containsExactlyElementsOf(executions);
    assertThat(nodes.getEventsList()).isEmpty();
    return answer;
  }

  private static String edge(Event e) {
    return e.getArtifactId() + "-" + e.getExecutionId() + "-" + e.getType();
  }

  /**
   * MLMD's rounds (§6.1) over the graph in memory: from the starting nodes that do not end,
   * each hop follows the events the direction allows from the frontier; a node the ending
   * filter selects is not walked through and is returned only when included; on a directed
   * walk every event followed to a walked node is kept, on an undirected one only those to a
   * node first reached in that hop.
   */
  private static Answer model(Graph g, boolean fromArtifacts, Set<Long> starts, String direction,
      int maxHops, Set<Long> endingArtifacts, Set<Long> endingExecutions, boolean include) {
    boolean directed = direction.equals("UPSTREAM") || direction.equals("DOWNSTREAM");
    Set<Long> visitedA = new TreeSet<>();
    Set<Long> visitedE = new TreeSet<>();
    Set<Long> endA = new TreeSet<>();
    Set<Long> endE = new TreeSet<>();
    List<String> kept = new ArrayList<>();
    Set<Long> frontier = new TreeSet<>();
    for (long s : starts) {
      if ((fromArtifacts ? endingArtifacts : endingExecutions).contains(s)) {
        (fromArtifacts ? endA : endE).add(s);
      } else {
        frontier.add(s);
      }
    }
    (fromArtifacts ? visitedA : visitedE).addAll(frontier);
    boolean onArtifacts = fromArtifacts;
    for (int hop = 0; hop < maxHops && !frontier.isEmpty(); hop++) {
      Set<Long> visited = onArtifacts ? visitedE : visitedA;
      Set<Long> ending = onArtifacts ? endingExecutions : endingArtifacts;
      Set<Long> next = new TreeSet<>();
      for (Event e : g.events) {
        long from = onArtifacts ? e.getArtifactId() : e.getExecutionId();
        long to = onArtifacts ? e.getExecutionId() : e.getArtifactId();
        if (!frontier.contains(from) || !follows(direction, e.getType(), onArtifacts)) {
          continue;
        }
        if (ending.contains(to)) {
          (onArtifacts ? endE : endA).add(to);
          if (include) {
            kept.add(edge(e));
          }
        } else if (!visited.contains(to) || directed) {
          kept.add(edge(e));
          next.add(to);
        }
      }
      next.removeAll(visited);
      visited.addAll(next);
      frontier = next;
      onArtifacts = !onArtifacts;
    }
    if (include) {
      visitedA.addAll(endA);
      visitedE.addAll(endE);
    }
    return new Answer(visitedA, visitedE, kept.stream().sorted().toList());
  }

  private static boolean follows(String direction, Event.Type type, boolean fromArtifact) {
    boolean output = type == Event.Type.OUTPUT || type == Event.Type.DECLARED_OUTPUT
        || type == Event.Type.INTERNAL_OUTPUT || type == Event.Type.PENDING_OUTPUT;
    boolean input = type == Event.Type.INPUT || type == Event.Type.DECLARED_INPUT
        || type == Event.Type.INTERNAL_INPUT;
    return switch (direction) {
      case "UPSTREAM" -> fromArtifact ? output : input;
      case "DOWNSTREAM" -> fromArtifact ? input : output;
      default -> true;
    };
  }

  /** A filter selecting the nodes of {@code ids} by name, or none. */
  private static String names(String prefix, List<Long> all, Set<Long> ids) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (ids.contains(all.get(i))) {
        names.add("'" + prefix + i + "'");
      }
    }
    return names.isEmpty() ? "name = 'none'" : "name IN (" + String.join(", ", names) + ")";
  }

  /** Every direction and hop limit from 0 to 5, from the given nodes, against the model. */
  private void checkAll(Graph g, boolean fromArtifacts, Set<Long> starts, Set<Long> endingA,
      Set<Long> endingE) {
    String start = (fromArtifacts ? "starting_artifacts" : "starting_executions")
        + " { filter_query: \"" + (fromArtifacts ? names(g.prefix + "a", g.artifacts, starts)
        : names(g.prefix + "e", g.executions, starts)) + "\" }";
    for (String direction : DIRECTIONS) {
      for (int hops = 0; hops <= 5; hops++) {
        for (boolean include : new boolean[] {false, true}) {
          String ending = (endingA.isEmpty() ? "" : " ending_artifacts { filter_query: \""
              + names(g.prefix + "a", g.artifacts, endingA) + "\" include_ending_nodes: " + include + " }")
              + (endingE.isEmpty() ? "" : " ending_executions { filter_query: \""
              + names(g.prefix + "e", g.executions, endingE) + "\" include_ending_nodes: " + include
              + " }");
          String options = start + " max_num_hops: " + hops + " direction: " + direction
              + ending;
          Answer expected = model(g, fromArtifacts, starts, direction, hops, endingA, endingE,
              include && !(endingA.isEmpty() && endingE.isEmpty()));
          assertThat(ask(options)).as(options).isEqualTo(expected);
        }
      }
    }
  }

  @StoreTest
  @DisplayName("a cycle (an execution that reads and writes one artifact) in every direction")
  void cycle() {
    Graph g = new Graph(3, 2);
    g.event(0, 0, Event.Type.INPUT);
    g.event(0, 0, Event.Type.OUTPUT);
    g.event(1, 0, Event.Type.OUTPUT);
    g.event(1, 1, Event.Type.INPUT);
    g.event(2, 1, Event.Type.OUTPUT);
    g.event(0, 1, Event.Type.OUTPUT);
    g.store();
    checkAll(g, true, Set.of(g.artifacts.get(0)), Set.of(), Set.of());
    checkAll(g, false, Set.of(g.executions.get(1)), Set.of(), Set.of());
  }

  @StoreTest
  @DisplayName("a node reached as an ending node on one path and walked on none other")
  void endingOnOnePath() {
    // a0 -> e0 -> a1 -> e1 -> a2, and a0 -> e2 -> a2: a2 ends; e1 is reached from a1 and a2
    Graph g = new Graph(3, 3);
    g.event(0, 0, Event.Type.INPUT);
    g.event(1, 0, Event.Type.OUTPUT);
    g.event(1, 1, Event.Type.INPUT);
    g.event(2, 1, Event.Type.OUTPUT);
    g.event(0, 2, Event.Type.INPUT);
    g.event(2, 2, Event.Type.OUTPUT);
    g.store();
    checkAll(g, true, Set.of(g.artifacts.get(0)), Set.of(g.artifacts.get(2)), Set.of());
    checkAll(g, true, Set.of(g.artifacts.get(0)), Set.of(), Set.of(g.executions.get(1)));
    checkAll(g, true, Set.of(g.artifacts.get(0)), Set.of(g.artifacts.get(1)),
        Set.of(g.executions.get(2)));
  }

  @StoreTest
  @DisplayName("BIDIRECTIONAL zig-zags between inputs and outputs; starting nodes that end")
  void zigZagAndEndingStarts() {
    Graph g = new Graph(4, 3);
    g.event(0, 0, Event.Type.INPUT);
    g.event(1, 0, Event.Type.OUTPUT);
    g.event(1, 1, Event.Type.OUTPUT);
    g.event(2, 1, Event.Type.INPUT);
    g.event(2, 2, Event.Type.INPUT);
    g.event(3, 2, Event.Type.OUTPUT);
    g.event(3, 0, Event.Type.INPUT);
    g.store();
    checkAll(g, true, Set.of(g.artifacts.get(1)), Set.of(), Set.of());
    checkAll(g, true, Set.of(g.artifacts.get(0), g.artifacts.get(2)),
        Set.of(g.artifacts.get(2)), Set.of());
    checkAll(g, false, Set.of(g.executions.get(0), g.executions.get(2)), Set.of(),
        Set.of(g.executions.get(0)));
  }

  @StoreTest
  @DisplayName("random graphs with parallel events, cycles and ending sets, against the model")
  void randomGraphs() {
    Random random = new Random(20261128);
    for (int round = 0; round < 3; round++) {
      Graph g = new Graph("r" + round, 8, 6);
      for (int i = 0; i < 22; i++) {
        g.event(random.nextInt(8), random.nextInt(6), TYPES[random.nextInt(TYPES.length)]);
      }
      g.store();
      Set<Long> starts = new HashSet<>(List.of(g.artifacts.get(random.nextInt(8)),
          g.artifacts.get(random.nextInt(8))));
      Set<Long> endingA = Set.of(g.artifacts.get(random.nextInt(8)));
      Set<Long> endingE = Set.of(g.executions.get(random.nextInt(6)));
      checkAll(g, true, starts, endingA, endingE);
      checkAll(g, false, Set.of(g.executions.get(random.nextInt(6))), endingA, Set.of());
    }
  }

  @StoreTest
  @DisplayName("more than 101 starting nodes: the first 101 by id start the walk")
  void first101Starts() {
    Graph g = new Graph(105, 105);
    for (int i = 0; i < 105; i++) {
      g.event(i, i, Event.Type.INPUT);
    }
    g.store();
    Answer a = ask("starting_artifacts { filter_query: \"name LIKE 'a%'\" } max_num_hops: 1"
        + " direction: DOWNSTREAM");
    assertThat(a.executions()).containsExactlyElementsOf(new TreeSet<>(g.executions)
        .headSet(g.executions.get(101)));
    assertThat(a.artifacts()).hasSize(101);
  }
}

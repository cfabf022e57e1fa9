package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.States;
import io.mlmd4j.cli.TypeNames;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lineage graph as a picture sees it: artifacts and executions as nodes, events as edges that
 * point the way data flows (an input event from the artifact to the execution, any other event
 * from the execution to the artifact), labelled with the event's type. Nodes come artifacts
 * first, each kind in id order; edges in event order, events whose ends are not both in the
 * graph left out.
 */
public final class LineageDiagram {

  /** Whether a node is an artifact or an execution. */
  public enum Kind { ARTIFACT, EXECUTION }

  /**
   * One artifact or execution.
   *
   * @param key unique in the diagram and safe as an identifier in every format: {@code a<id>}
   *     for an artifact, {@code e<id>} for an execution
   * @param type the full type name
   * @param name the node's name, may be empty
   * @param state the artifact's state or the execution's last known state ({@link States})
   * @param properties properties and then custom properties ({@code custom:} prefixed), by name
   */
  public record Node(String key, Kind kind, long id, String type, String name, String state,
      Map<String, String> properties) {

    public Node {
      properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The type name after its last dot: {@code Trainer} for {@code tfx...component.Trainer}. */
    public String shortType() {
      return TypeNames.shortName(type);
    }

    /** The second line of a label: the name and the id, or the id alone. */
    public String caption() {
      return name.isEmpty() ? "#" + id : name + " #" + id;
    }

    /** What a node is, in words: {@code artifact #12 Examples 'name' [LIVE]}. */
    public String describe() {
      return (kind == Kind.ARTIFACT ? "artifact" : "execution") + " #" + id + " " + type
          + (name.isEmpty() ? "" : " '" + name + "'") + (state.isEmpty() ? "" : " [" + state + "]");
    }
  }

  /** An event, from the node data flows out of to the node it flows into. */
  public record Edge(String from, String to, String label) {}

  private final List<Node> nodes;
  private final List<Edge> edges;

  private LineageDiagram(List<Node> nodes, List<Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
  }

  /** The diagram of a lineage graph's artifacts, executions and events. */
  public static LineageDiagram of(LineageGraph graph) {
    Map<Long, Artifact> artifacts = new TreeMap<>();
    graph.getArtifactsList().forEach(a -> artifacts.put(a.getId(), a));
    Map<Long, Execution> executions = new TreeMap<>();
    graph.getExecutionsList().forEach(e -> executions.put(e.getId(), e));
    List<Node> nodes = new ArrayList<>();
    for (Artifact a : artifacts.values()) {
      nodes.add(new Node("a" + a.getId(), Kind.ARTIFACT, a.getId(), a.getType(), a.getName(),
          States.of(a),
          properties(a.getPropertiesMap(), a.getCustomPropertiesMap(), a.getUri())));
    }
    for (Execution e : executions.values()) {
      nodes.add(new Node("e" + e.getId(), Kind.EXECUTION, e.getId(), e.getType(), e.getName(),
          States.of(e),
          properties(e.getPropertiesMap(), e.getCustomPropertiesMap(), "")));
    }
    List<Edge> edges = new ArrayList<>();
    for (Event event : graph.getEventsList()) {
      if (!artifacts.containsKey(event.getArtifactId())
          || !executions.containsKey(event.getExecutionId())) {
        continue;
      }
      String artifact = "a" + event.getArtifactId();
      String execution = "e" + event.getExecutionId();
      String label = event.getType().name();
      edges.add(isInput(event.getType()) ? new Edge(artifact, execution, label)
          : new Edge(execution, artifact, label));
    }
    return new LineageDiagram(nodes, edges);
  }

  private static boolean isInput(Event.Type type) {
    return type == Event.Type.INPUT || type == Event.Type.DECLARED_INPUT
        || type == Event.Type.INTERNAL_INPUT;
  }

  private static Map<String, String> properties(Map<String, Value> declared,
      Map<String, Value> custom, String uri) {
    Map<String, String> all = new LinkedHashMap<>();
    if (!uri.isEmpty()) {
      all.put("uri", uri);
    }
    new TreeMap<>(declared).forEach((k, v) -> all.put(k, text(v)));
    new TreeMap<>(custom).forEach((k, v) -> all.put("custom:" + k, text(v)));
    return all;
  }

  private static String text(Value value) {
    return switch (value.getValueCase()) {
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case STRUCT_VALUE -> value.getStructValue().toString().replaceAll("\\s+", " ").trim();
      case PROTO_VALUE -> value.getProtoValue().getTypeUrl();
      case VALUE_NOT_SET -> "";
    };
  }

  /** Artifacts first, then executions, each in id order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The edges, in event order. */
  public List<Edge> edges() {
    return edges;
  }

  /** The node with this key. */
  public Node node(String key) {
    for (Node n : nodes) {
      if (n.key().equals(key)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node " + key);
  }

  /**
   * The nodes in the order data flows: every node after the nodes with edges into it, ties by
   * the order of {@link #nodes()}; the nodes of a cycle, which MLMD does not forbid, come last
   * in that order.
   */
  public List<Node> flowOrder() {
    Map<String, Integer> incoming = new HashMap<>();
    Map<String, List<String>> outgoing = new HashMap<>();
    for (Edge e : edges) {
      incoming.merge(e.to(), 1, Integer::sum);
      outgoing.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      position.put(nodes.get(i).key(), i);
    }
    // Kahn's algorithm with a ready set kept in node order.
    TreeSet<Integer> ready = new TreeSet<>();
    for (Node n : nodes) {
      if (!incoming.containsKey(n.key())) {
        ready.add(position.get(n.key()));
      }
    }
    List<Node> order = new ArrayList<>();
    boolean[] placed = new boolean[nodes.size()];
    while (order.size() < nodes.size()) {
      if (ready.isEmpty()) {
        for (int i = 0; i < placed.length; i++) {
          if (!placed[i]) {
            ready.add(i);
            incoming.remove(nodes.get(i).key());
            break;
          }
        }
      }
      int next = ready.pollFirst();
      if (placed[next]) {
        continue;
      }
      placed[next] = true;
      Node node = nodes.get(next);
      order.add(node);
      for (String to : outgoing.getOrDefault(node.key(), List.of())) {
        Integer left = incoming.computeIfPresent(to, (k, n) -> n - 1);
        if (left != null && left == 0) {
          incoming.remove(to);
          ready.add(position.get(to));
        }
      }
    }
    return order;
  }
}

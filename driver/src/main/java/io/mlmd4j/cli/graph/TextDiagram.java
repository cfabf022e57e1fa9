package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.LineageDiagram.Edge;
import io.mlmd4j.cli.graph.LineageDiagram.Kind;
import io.mlmd4j.cli.graph.LineageDiagram.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A diagram as lines for a terminal: each execution in the order data flows, with its inputs
 * ({@code <-}) and outputs ({@code ->}) indented under it, and then the artifacts no event of
 * the graph touches.
 */
final class TextDiagram {

  private TextDiagram() {}

  static String write(LineageDiagram diagram, String title) {
    StringBuilder b = new StringBuilder();
    long artifacts = diagram.nodes().stream().filter(n -> n.kind() == Kind.ARTIFACT).count();
    b.append(title).append('\n');
    b.append(artifacts).append(artifacts == 1 ? " artifact, " : " artifacts, ")
        .append(diagram.nodes().size() - artifacts)
        .append(diagram.nodes().size() - artifacts == 1 ? " execution, " : " executions, ")
        .append(diagram.edges().size())
        .append(diagram.edges().size() == 1 ? " event" : " events").append('\n');
    int width = diagram.edges().stream().mapToInt(e -> e.label().length()).max().orElse(0);
    Set<String> linked = new HashSet<>();
    for (Node node : diagram.flowOrder()) {
      if (node.kind() != Kind.EXECUTION) {
        continue;
      }
      b.append('\n').append(node.describe()).append('\n');
      List<Edge> edges = diagram.edges();
      for (Edge e : edges) {
        if (e.to().equals(node.key())) {
          line(b, "<-", e.label(), width, diagram.node(e.from()));
          linked.add(e.from());
        }
      }
      for (Edge e : edges) {
        if (e.from().equals(node.key())) {
          line(b, "->", e.label(), width, diagram.node(e.to()));
          linked.add(e.to());
        }
      }
    }
    boolean first = true;
    for (Node node : diagram.nodes()) {
      if (node.kind() == Kind.ARTIFACT && !linked.contains(node.key())) {
        if (first) {
          b.append("\nartifacts without events in the graph:\n");
          first = false;
        }
        b.append("  ").append(node.describe()).append('\n');
      }
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String arrow, String label, int width, Node other) {
    b.append("  ").append(arrow).append(' ').append(label)
        .append(" ".repeat(width - label.length() + 1)).append(other.describe()).append('\n');
  }
}

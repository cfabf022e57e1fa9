package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.LineageDiagram.Edge;
import io.mlmd4j.cli.graph.LineageDiagram.Kind;
import io.mlmd4j.cli.graph.LineageDiagram.Node;

/**
 * A diagram in Graphviz's DOT language, drawn left to right: artifacts as rounded boxes,
 * executions as boxes filled by state, edges labelled with the event type.
 */
final class DotDiagram {

  private DotDiagram() {}

  static String write(LineageDiagram diagram, String title) {
    StringBuilder b = new StringBuilder();
    b.append("digraph lineage {\n");
    b.append("  label=").append(quote(title)).append(";\n");
    b.append("  labelloc=t;\n  rankdir=LR;\n");
    b.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (Node n : diagram.nodes()) {
      b.append("  ").append(n.key()).append(" [");
      if (n.kind() == Kind.ARTIFACT) {
        b.append("shape=box, style=\"rounded,filled\", fillcolor=\"")
            .append(Palette.ARTIFACT_FILL).append('"');
      } else {
        b.append("shape=box, style=filled, fillcolor=\"").append(Palette.executionFill(n.state()))
            .append('"');
      }
      b.append(", label=").append(quote(n.shortType() + "\n" + n.caption()))
          .append(", tooltip=").append(quote(n.describe())).append("];\n");
    }
    for (Edge e : diagram.edges()) {
      b.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=")
          .append(quote(e.label())).append("];\n");
    }
    return b.append("}\n").toString();
  }

  /** A DOT string: quotes and backslashes escaped, a line break as DOT's centred {@code \n}. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\' -> b.append('\\').append(c);
        case '\n' -> b.append("\\n");
        case '\r', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.LineageDiagram.Edge;
import io.mlmd4j.cli.graph.LineageDiagram.Kind;
import io.mlmd4j.cli.graph.LineageDiagram.Node;
import java.util.regex.Pattern;

/**
 * A diagram as a Mermaid {@code flowchart}, left to right: artifacts as stadium shapes,
 * executions as rectangles (a class per state), edges labelled with the event type.
 */
final class MermaidDiagram {

  /** What Mermaid reads as an entity code. */
  private static final Pattern ENTITY = Pattern.compile("#\\w+;");

  private MermaidDiagram() {}

  static String write(LineageDiagram diagram, String title) {
    StringBuilder b = new StringBuilder();
    b.append("flowchart LR\n");
    b.append("  %% ").append(title.replaceAll("\\s+", " ")).append('\n');
    for (Node n : diagram.nodes()) {
      String label = '"' + escape(n.shortType()) + "<br>" + escape(n.caption()) + '"';
      b.append("  ").append(n.key())
          .append(n.kind() == Kind.ARTIFACT ? "([" + label + "])" : "[" + label + "]");
      b.append(":::").append(n.kind() == Kind.ARTIFACT ? "artifact"
          : "state" + Palette.stateClass(n.state())).append('\n');
    }
    for (Edge e : diagram.edges()) {
      b.append("  ").append(e.from()).append(" -->|").append(e.label()).append("| ")
          .append(e.to()).append('\n');
    }
    b.append("  classDef artifact fill:").append(Palette.ARTIFACT_FILL).append(",stroke:")
        .append(Palette.ARTIFACT_STROKE).append('\n');
    for (String state : Palette.STATE_CLASSES) {
      b.append("  classDef state").append(state).append(" fill:")
          .append(Palette.executionFill(state)).append(",stroke:")
          .append(Palette.executionStroke(state)).append('\n');
    }
    return b.toString();
  }

  /**
   * Text safe inside a quoted Mermaid label: Mermaid's own entity codes for the characters
   * that end a label or start markup, an escape sequence or an entity code ({@code #name;}),
   * and a space for line breaks. A {@code #} that starts no entity code stays as it is, since
   * some Mermaid versions show entity codes undecoded.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append(ENTITY.matcher(text).region(i, text.length()).lookingAt()
            ? "#35;" : "#");
        case '\\' -> b.append("#92;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '&' -> b.append("#amp;");
        case '`' -> b.append("#96;");
        case '\n', '\r', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

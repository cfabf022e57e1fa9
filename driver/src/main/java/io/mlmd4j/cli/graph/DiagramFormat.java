package io.mlmd4j.cli.graph;

import java.util.Locale;

/** The ways {@code mlmd lineage} can write a diagram. */
public enum DiagramFormat {
  /** Lines for a terminal. */
  TEXT,
  /** Graphviz DOT. */
  DOT,
  /** A Mermaid flowchart. */
  MERMAID,
  /** An SVG drawing laid out by ELK. */
  SVG,
  /** A self-contained HTML page with the SVG drawing. */
  HTML;

  /**
   * The diagram in this format.
   *
   * @param title what the diagram shows, usually the LQL statement; shown or kept as a comment
   */
  public String write(LineageDiagram diagram, String title) {
    return switch (this) {
      case TEXT -> TextDiagram.write(diagram, title);
      case DOT -> DotDiagram.write(diagram, title);
      case MERMAID -> MermaidDiagram.write(diagram, title);
      case SVG -> SvgDiagram.write(diagram, title);
      case HTML -> HtmlPage.write(diagram, title);
    };
  }

  /** The format of this name, in any case; null if there is none. */
  public static DiagramFormat named(String name) {
    for (DiagramFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

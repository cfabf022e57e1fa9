package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.ElkLayout.Box;
import io.mlmd4j.cli.graph.ElkLayout.Layout;
import io.mlmd4j.cli.graph.ElkLayout.Route;
import io.mlmd4j.cli.graph.LineageDiagram.Kind;
import io.mlmd4j.cli.graph.LineageDiagram.Node;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A diagram as an SVG drawing, from {@link ElkLayout}'s coordinates: artifacts as rounded
 * (pill-shaped) boxes, executions as square-cornered boxes coloured by state, events as the
 * routed polylines with an arrowhead and the event type beside them. Every node is a
 * {@code <g class="node artifact|execution">} with the node's key as its {@code id} and a
 * {@code <title>} holding the node's description and properties, which browsers show on hover.
 */
final class SvgDiagram {

  private SvgDiagram() {}

  static String write(LineageDiagram diagram, String title) {
    return write(ElkLayout.layout(diagram), title);
  }

  static String write(Layout layout, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" width=\"")
        .append(number(layout.width())).append("\" height=\"").append(number(layout.height()))
        .append("\" viewBox=\"0 0 ").append(number(layout.width())).append(' ')
        .append(number(layout.height()))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
    b.append("<title>").append(escape(title)).append("</title>\n");
    b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555555\"/></marker></defs>\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    b.append("<g class=\"edges\">\n");
    for (Route route : layout.routes()) {
      b.append("<g class=\"edge\" data-from=\"").append(route.edge().from())
          .append("\" data-to=\"").append(route.edge().to()).append("\"><path d=\"");
      List<double[]> points = route.points();
      for (int i = 0; i < points.size(); i++) {
        b.append(i == 0 ? "M" : " L").append(number(points.get(i)[0])).append(',')
            .append(number(points.get(i)[1]));
      }
      b.append("\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1.2\""
          + " marker-end=\"url(#arrow)\"/>");
      b.append("<text x=\"").append(number(route.labelX() + route.labelWidth() / 2))
          .append("\" y=\"").append(number(route.labelY() + route.labelHeight() - 2))
          .append("\" font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">")
          .append(escape(route.edge().label())).append("</text></g>\n");
    }
    b.append("</g>\n<g class=\"nodes\">\n");
    for (Box box : layout.boxes()) {
      node(b, box);
    }
    return b.append("</g>\n</svg>\n").toString();
  }

  private static void node(StringBuilder b, Box box) {
    Node node = box.node();
    boolean artifact = node.kind() == Kind.ARTIFACT;
    b.append("<g class=\"node ").append(artifact ? "artifact" : "execution")
        .append("\" id=\"").append(node.key()).append("\" data-id=\"").append(node.id())
        .append("\" data-type=\"").append(escape(node.type())).append("\">");
    StringBuilder tip = new StringBuilder(node.describe());
    for (Map.Entry<String, String> p : node.properties().entrySet()) {
      tip.append('\n').append(p.getKey()).append(" = ").append(p.getValue());
    }
    b.append("<title>").append(escape(tip.toString())).append("</title>");
    double radius = artifact ? box.height() / 2 : 2;
    b.append("<rect x=\"").append(number(box.x())).append("\" y=\"").append(number(box.y()))
        .append("\" width=\"").append(number(box.width())).append("\" height=\"")
        .append(number(box.height())).append("\" rx=\"").append(number(radius))
        .append("\" fill=\"")
        .append(artifact ? Palette.ARTIFACT_FILL : Palette.executionFill(node.state()))
        .append("\" stroke=\"")
        .append(artifact ? Palette.ARTIFACT_STROKE : Palette.executionStroke(node.state()))
        .append("\" stroke-width=\"1.5\"/>");
    List<String> lines = ElkLayout.lines(node);
    double centre = box.x() + box.width() / 2;
    // The text block is centred vertically; a line's baseline is 11 px below its top.
    double top = box.y() + (box.height() - lines.size() * ElkLayout.LINE_HEIGHT) / 2;
    for (int i = 0; i < lines.size(); i++) {
      b.append("<text x=\"").append(number(centre)).append("\" y=\"")
          .append(number(top + i * ElkLayout.LINE_HEIGHT + 11)).append(i == 0
              ? "\" font-size=\"12\" font-weight=\"bold\" fill=\"#202124\""
              : "\" font-size=\"11\" fill=\"#3c4043\"")
          .append(" text-anchor=\"middle\">").append(escape(lines.get(i))).append("</text>");
    }
    b.append("</g>\n");
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Text for XML character data and attribute values. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters, even as references.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

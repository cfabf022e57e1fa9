package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.LineageDiagram.Edge;
import io.mlmd4j.cli.graph.LineageDiagram.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a diagram out with Eclipse ELK's layered algorithm in the direction data flows, left to
 * right or top to bottom, whichever comes nearer to a screen's shape. Text is not measured but estimated from its length, so that no font needs to be
 * present; {@link SvgDiagram} draws with the sizes assumed here.
 */
final class ElkLayout {

  /**
   * Pixels per character of a node's bold 12 px type line, of its 11 px caption, and of an
   * edge's 11 px label: wide enough for Helvetica, Arial and their stand-ins.
   */
  static final double TYPE_CHAR_WIDTH = 7.2;
  static final double CHAR_WIDTH = 6.4;
  static final double LABEL_CHAR_WIDTH = 6.4;
  static final double LABEL_HEIGHT = 13;
  /** Pixels from one line of node text to the next, and above and below the text. */
  static final double LINE_HEIGHT = 15;
  static final double NODE_PADDING = 7;
  /** Longest type line of a node, in characters; a longer one is cut with an ellipsis. */
  static final int MAX_CHARS = 40;
  /** Longest line of a node's caption; a longer caption is wrapped onto a second line. */
  static final int CAPTION_CHARS = 26;

  /** Where a node is drawn: its top left corner and size. */
  record Box(Node node, double x, double y, double width, double height) {}

  /** How an edge is drawn: its route, start to end, and its label's top left corner and size. */
  record Route(Edge edge, List<double[]> points, double labelX, double labelY,
      double labelWidth, double labelHeight) {}

  /** The drawing: every node's box, every edge's route, and the size of the whole. */
  record Layout(List<Box> boxes, List<Route> routes, double width, double height) {}

  static {
    // Register the algorithm by hand: a shaded jar keeps no plug-in registry to find it in.
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private ElkLayout() {}

  /**
   * The lines of a node's label: its short type name, then its name and {@code #id} on one or
   * two lines, the name broken after a separator where one is near the end of the first line;
   * a name that does not fit is cut with an ellipsis, the {@code #id} always kept.
   */
  static List<String> lines(Node node) {
    List<String> lines = new ArrayList<>();
    lines.add(cut(node.shortType(), MAX_CHARS));
    String caption = node.caption();
    if (caption.length() <= CAPTION_CHARS) {
      lines.add(caption);
      return lines;
    }
    String name = node.name();
    String id = "#" + node.id();
    int split = Math.min(CAPTION_CHARS, name.length());
    for (int i = split; i > CAPTION_CHARS / 2; i--) {
      if (".-_/: ".indexOf(name.charAt(i - 1)) >= 0) {
        split = i;
        break;
      }
    }
    lines.add(name.substring(0, split));
    String rest = name.substring(split);
    lines.add(rest.isEmpty() ? id : cut(rest, CAPTION_CHARS - id.length() - 1) + " " + id);
    return lines;
  }

  /** The height of a node with this many lines of text. */
  static double height(int lines) {
    return lines * LINE_HEIGHT + 2 * NODE_PADDING;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }

  /** The width to height ratio a picture should come near: a screen's (1280 x 800). */
  static final double SCREEN_ASPECT = 1.6;

  /**
   * Lays the diagram out left to right and top to bottom, each with its layers wrapped (a long
   * chain of layers is cut into rows) towards a screen's aspect, and keeps the one whose
   * aspect comes nearer to it; a tie goes to left to right.
   */
  static Layout layout(LineageDiagram diagram) {
    Layout right = layout(diagram, Direction.RIGHT);
    Layout down = layout(diagram, Direction.DOWN);
    return misfit(down) < misfit(right) ? down : right;
  }

  /** How far a layout's aspect is from a screen's, as a factor: 1 = as a screen. */
  static double misfit(Layout layout) {
    double aspect = layout.width() / layout.height();
    return Math.max(aspect / SCREEN_ASPECT, SCREEN_ASPECT / aspect);
  }

  static Layout layout(LineageDiagram diagram, Direction direction) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, direction);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 24.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 2.0);
    // Keep the order of the diagram (ids) where the crossing minimisation leaves a choice.
    root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
        OrderingStrategy.NODES_AND_EDGES);
    root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
    root.setProperty(CoreOptions.ASPECT_RATIO, SCREEN_ASPECT);

    Map<String, ElkNode> shapes = new HashMap<>();
    for (Node node : diagram.nodes()) {
      ElkNode shape = ElkGraphUtil.createNode(root);
      List<String> lines = lines(node);
      double text = lines.get(0).length() * TYPE_CHAR_WIDTH;
      for (String caption : lines.subList(1, lines.size())) {
        text = Math.max(text, caption.length() * CHAR_WIDTH);
      }
      shape.setDimensions(Math.max(80, text + 24), height(lines.size()));
      shapes.put(node.key(), shape);
    }
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (Edge edge : diagram.edges()) {
      ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(shapes.get(edge.from()),
          shapes.get(edge.to()));
      ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elkEdge);
      label.setDimensions(edge.label().length() * LABEL_CHAR_WIDTH + 4, LABEL_HEIGHT);
      label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      elkEdges.add(elkEdge);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<Box> boxes = new ArrayList<>();
    for (Node node : diagram.nodes()) {
      ElkNode shape = shapes.get(node.key());
      boxes.add(new Box(node, shape.getX(), shape.getY(), shape.getWidth(), shape.getHeight()));
    }
    // All edges and nodes are children of the root, so their coordinates share one origin.
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < elkEdges.size(); i++) {
      ElkEdge elkEdge = elkEdges.get(i);
      List<double[]> points = new ArrayList<>();
      for (ElkEdgeSection section : elkEdge.getSections()) {
        points.add(new double[] {section.getStartX(), section.getStartY()});
        for (ElkBendPoint bend : section.getBendPoints()) {
          points.add(new double[] {bend.getX(), bend.getY()});
        }
        points.add(new double[] {section.getEndX(), section.getEndY()});
      }
      ElkLabel label = elkEdge.getLabels().get(0);
      routes.add(new Route(diagram.edges().get(i), points, label.getX(), label.getY(),
          label.getWidth(), label.getHeight()));
    }
    return new Layout(boxes, routes, root.getWidth(), root.getHeight());
  }
}

package io.mlmd4j.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.mlmd4j.cli.graph.ElkLayout.Box;
import io.mlmd4j.cli.graph.ElkLayout.Layout;
import io.mlmd4j.cli.graph.ElkLayout.Route;
import io.mlmd4j.cli.graph.LineageDiagram.Edge;
import io.mlmd4j.cli.graph.LineageDiagram.Node;
import io.mlmd4j.proto.Artifact;
import org.eclipse.elk.core.options.Direction;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.Value;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each format on a small graph whose names hold every character a format must escape. */
class DiagramFormatTest {

  static final String NASTY = "data \"raw\" <v1> & #2; `x` 'q' \\n";

  /** Artifacts 1 (input) and 2 (output, no name), execution 10; artifact 3 has no event. */
  static LineageGraph graph() {
    return LineageGraph.newBuilder()
        .addArtifacts(Artifact.newBuilder().setId(1).setType("Examples").setName(NASTY)
            .setUri("/data/1").setState(Artifact.State.LIVE)
            .putProperties("span", Value.newBuilder().setIntValue(7).build()))
        .addArtifacts(Artifact.newBuilder().setId(2).setType("tfx.Model"))
        .addArtifacts(Artifact.newBuilder().setId(3).setType("Schema").setName("s"))
        .addExecutions(Execution.newBuilder().setId(10)
            .setType("tfx.components.trainer.component.Trainer").setName("train")
            .setLastKnownState(Execution.State.FAILED)
            .putCustomProperties("steps", Value.newBuilder().setIntValue(100).build()))
        .addEvents(Event.newBuilder().setArtifactId(2).setExecutionId(10)
            .setType(Event.Type.OUTPUT))
        .addEvents(Event.newBuilder().setArtifactId(1).setExecutionId(10)
            .setType(Event.Type.DECLARED_INPUT))
        // Its artifact is not in the graph: left out.
        .addEvents(Event.newBuilder().setArtifactId(99).setExecutionId(10)
            .setType(Event.Type.OUTPUT))
        .build();
  }

  @Test
  void edgesPointTheWayDataFlows() {
    LineageDiagram d = LineageDiagram.of(graph());
    assertThat(d.nodes()).extracting(Node::key).containsExactly("a1", "a2", "a3", "e10");
    assertThat(d.edges()).containsExactly(new Edge("e10", "a2", "OUTPUT"),
        new Edge("a1", "e10", "DECLARED_INPUT"));
    assertThat(d.flowOrder()).extracting(Node::key).containsExactly("a1", "a3", "e10", "a2");
    assertThat(d.node("a1").properties()).containsExactly(Map.entry("uri", "/data/1"),
        Map.entry("span", "7"));
    assertThat(d.node("e10").properties()).containsExactly(Map.entry("custom:steps", "100"));
    assertThat(d.node("e10").shortType()).isEqualTo("Trainer");
    assertThat(d.node("a2").caption()).isEqualTo("#2");
  }

  @Test
  void textListsEachExecutionWithItsInputsAndOutputs() {
    String text = DiagramFormat.TEXT.write(LineageDiagram.of(graph()), "the title");
    assertThat(text).isEqualTo("""
        the title
        3 artifacts, 1 execution, 2 events

        execution #10 tfx.components.trainer.component.Trainer 'train' [FAILED]
          <- DECLARED_INPUT artifact #1 Examples '%s' [LIVE]
          -> OUTPUT         artifact #2 tfx.Model [UNKNOWN]

        artifacts without events in the graph:
          artifact #3 Schema 's' [UNKNOWN]
        """.formatted(NASTY));
  }

  @Test
  void dotIsGraphvizInputWithShapesAndLabels() throws Exception {
    String dot = DiagramFormat.DOT.write(LineageDiagram.of(graph()), "say \"hi\"");
    assertThat(dot).startsWith("digraph lineage {\n  label=\"say \\\"hi\\\"\";\n")
        .contains("  a1 [shape=box, style=\"rounded,filled\", fillcolor=\"#e8f1fb\", label="
            + "\"Examples\\ndata \\\"raw\\\" <v1> & #2; `x` 'q' \\\\n #1\"")
        .contains("  e10 [shape=box, style=filled, fillcolor=\"#fce8e6\", label=\"Trainer\\n"
            + "train #10\"")
        .contains("  a1 -> e10 [label=\"DECLARED_INPUT\"];\n")
        .contains("  e10 -> a2 [label=\"OUTPUT\"];\n");
    String svg = ExternalRenderers.dotToSvg(dot);
    assertThat(count(svg, "class=\"node\"")).isEqualTo(4);
    assertThat(count(svg, "class=\"edge\"")).isEqualTo(2);
    // Graphviz read the escaped label back to the original text.
    assertThat(svg).contains("data &quot;raw&quot; &lt;v1&gt; &amp; #2; `x` &#39;q&#39; \\n #1");
  }

  @Test
  void mermaidEscapesEveryLabel() {
    String mermaid = DiagramFormat.MERMAID.write(LineageDiagram.of(graph()), "a\nb");
    assertThat(mermaid).startsWith("flowchart LR\n  %% a b\n")
        .contains("\n  a1([\"Examples<br>data #quot;raw#quot; #lt;v1#gt; #amp; #35;2; #96;x#96;"
            + " 'q' #92;n #1\"]):::artifact\n")
        .contains("\n  a2([\"Model<br>#2\"]):::artifact\n")
        .contains("\n  e10[\"Trainer<br>train #10\"]:::stateFAILED\n")
        .contains("\n  a1 -->|DECLARED_INPUT| e10\n")
        .contains("\n  classDef stateFAILED fill:#fce8e6,stroke:#d93025\n");
    // Every node line has exactly the two quotes around its label.
    for (String line : mermaid.split("\n")) {
      if (line.matches(" {2}[ae]\\d+[(\\[].*")) {
        assertThat(count(line, "\"")).as(line).isEqualTo(2);
      }
    }
  }

  @Test
  void svgDrawsElkLayoutWithShapesEdgesAndLabels() throws Exception {
    LineageDiagram diagram = LineageDiagram.of(graph());
    Layout layout = ElkLayout.layout(diagram, Direction.RIGHT);
    // ELK placed the nodes apart and routed every edge from border to border, left to right.
    for (Box a : layout.boxes()) {
      for (Box b : layout.boxes()) {
        if (a != b) {
          assertThat(a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
              || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y())
              .as(a + " overlaps " + b).isTrue();
        }
      }
    }
    for (Route r : layout.routes()) {
      Box from = box(layout, r.edge().from());
      Box to = box(layout, r.edge().to());
      double[] start = r.points().get(0);
      double[] end = r.points().get(r.points().size() - 1);
      assertThat(start[0]).isCloseTo(from.x() + from.width(), offset(0.5));
      assertThat(end[0]).isCloseTo(to.x(), offset(0.5));
      assertThat(r.labelWidth()).isPositive();
    }

    String svg = SvgDiagram.write(layout, "t");
    Document doc = parse(svg);
    List<Element> nodes = elements(doc, "g", "node");
    assertThat(nodes).extracting(e -> e.getAttribute("id"))
        .containsExactly("a1", "a2", "a3", "e10");
    Element a1 = nodes.get(0);
    assertThat(a1.getAttribute("class")).isEqualTo("node artifact");
    Element rect = (Element) a1.getElementsByTagName("rect").item(0);
    assertThat(Double.parseDouble(rect.getAttribute("rx")))
        .isEqualTo(Double.parseDouble(rect.getAttribute("height")) / 2);
    assertThat(a1.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("artifact #1 Examples '" + NASTY + "' [LIVE]\nuri = /data/1\nspan = 7");
    assertThat(texts(a1)).containsExactly("Examples", "data \"raw\" <v1> & #2; `x` ", "'q' \\n #1");
    Element e10 = nodes.get(3);
    assertThat(e10.getAttribute("class")).isEqualTo("node execution");
    Element execRect = (Element) e10.getElementsByTagName("rect").item(0);
    assertThat(execRect.getAttribute("rx")).isEqualTo("2.0");
    assertThat(execRect.getAttribute("stroke")).isEqualTo("#d93025");
    assertThat(texts(e10)).containsExactly("Trainer", "train #10");

    List<Element> edges = elements(doc, "g", "edge");
    assertThat(edges).extracting(e -> e.getAttribute("data-from") + ">"
        + e.getAttribute("data-to") + ":" + texts(e).get(0))
        .containsExactly("e10>a2:OUTPUT", "a1>e10:DECLARED_INPUT");
    for (Element edge : edges) {
      Element path = (Element) edge.getElementsByTagName("path").item(0);
      assertThat(path.getAttribute("marker-end")).isEqualTo("url(#arrow)");
      assertThat(path.getAttribute("d")).matches("M[\\d.]+,[\\d.]+( L[\\d.]+,[\\d.]+)+");
    }
  }

  /** An execution that reads and rewrites one artifact: a cycle, which MLMD allows. */
  @Test
  void aCycleIsOrderedAndLaidOut() {
    LineageGraph cycle = LineageGraph.newBuilder()
        .addArtifacts(Artifact.newBuilder().setId(1).setType("Table"))
        .addExecutions(Execution.newBuilder().setId(1).setType("Update"))
        .addEvents(Event.newBuilder().setArtifactId(1).setExecutionId(1)
            .setType(Event.Type.INPUT))
        .addEvents(Event.newBuilder().setArtifactId(1).setExecutionId(1)
            .setType(Event.Type.OUTPUT))
        .build();
    LineageDiagram d = LineageDiagram.of(cycle);
    assertThat(d.flowOrder()).extracting(Node::key).containsExactly("a1", "e1");
    Layout layout = ElkLayout.layout(d);
    assertThat(layout.routes()).hasSize(2)
        .allSatisfy(r -> assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2));
    assertThat(DiagramFormat.TEXT.write(d, "t")).endsWith("""
        execution #1 Update [UNKNOWN]
          <- INPUT  artifact #1 Table [UNKNOWN]
          -> OUTPUT artifact #1 Table [UNKNOWN]
        """);
  }

  @Test
  void longCaptionsWrapAfterASeparatorAndAreCut() {
    Node examples = new Node("a1", LineageDiagram.Kind.ARTIFACT, 1, "Examples",
        "taxi-run-01.CsvExampleGen.examples", "", Map.of());
    assertThat(ElkLayout.lines(examples))
        .containsExactly("Examples", "taxi-run-01.CsvExampleGen.", "examples #1");
    Node longer = new Node("e2", LineageDiagram.Kind.EXECUTION, 2, "a.b.Trainer",
        "x".repeat(60), "", Map.of());
    // The id stays when the name is cut.
    assertThat(ElkLayout.lines(longer)).containsExactly("Trainer", "x".repeat(26),
        "x".repeat(22) + "\u2026 #2");
  }

  @Test
  void htmlPageIsSelfContained() throws Exception {
    String html = DiagramFormat.HTML.write(LineageDiagram.of(graph()), "<t>");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<script>")
        .contains("<code>&lt;t&gt;</code>").contains("<svg xmlns=");
    // The only URL is the SVG namespace's name, which is never fetched.
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContainPattern(Pattern.compile("https?:|//[a-z]|src=|href=|@import|url\\((?!#)"));
  }

  private static Box box(Layout layout, String key) {
    return layout.boxes().stream().filter(b -> b.node().key().equals(key)).findFirst()
        .orElseThrow();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The elements of this tag whose class list holds {@code cls}, in document order. */
  static List<Element> elements(Document doc, String tag, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  static List<String> texts(Element e) {
    List<String> texts = new ArrayList<>();
    NodeList all = e.getElementsByTagName("text");
    for (int i = 0; i < all.getLength(); i++) {
      texts.add(all.item(i).getTextContent());
    }
    return texts;
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}

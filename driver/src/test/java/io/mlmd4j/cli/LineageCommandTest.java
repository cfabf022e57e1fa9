package io.mlmd4j.cli;

import static io.mlmd4j.cli.MlmdCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.cli.MlmdCommandTest.Result;
import io.mlmd4j.cli.graph.DiagramFormat;
import io.mlmd4j.cli.graph.ExternalRenderers;
import io.mlmd4j.cli.graph.LineageDiagram;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxDemo;
import io.mlmd4j.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mlmd lineage} on the demo store, a real TFX store, and every backend. */
class LineageCommandTest {

  /** The upstream graph of run 1's model: 6 artifacts, 7 executions, 15 events. */
  static final String MODEL_1 = "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'"
      + " AND name = 'taxi-run-01.Trainer.model'";

  /** Everything reachable from any artifact: the whole of a TFX store. */
  static final String EVERYTHING = "LINEAGE OF ARTIFACTS WHERE id > 0";

  private static String demo;
  private static String lab;

  @BeforeAll
  static void stores() {
    Path path = TestDatabases.tempDir().resolve("lineage-demo.sqlite");
    Result r = run("demo", "--runs", "4", "--path", path.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    demo = "jdbc:mlmd:sqlite:" + path;
    lab = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
  }

  @Test
  void textListsEachStepWithItsInputsAndOutputs() {
    Result r = run("lineage", demo, MODEL_1);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model' AND"
        + " name = 'taxi-run-01.Trainer.model' RETURN GRAPH\n6 artifacts, 7 executions,"
        + " 15 events\n")
        .contains("""
            execution #5 tfx.components.trainer.component.Trainer 'taxi-run-01.Trainer' \
            [COMPLETE]
              <- INPUT  artifact #5 Examples 'taxi-run-01.Transform.transformed_examples' [LIVE]
              <- INPUT  artifact #4 TransformGraph 'taxi-run-01.Transform.transform_graph' \
            [LIVE]
              <- INPUT  artifact #3 Schema 'taxi-run-01.SchemaGen.schema' [LIVE]
              -> OUTPUT artifact #6 Model 'taxi-run-01.Trainer.model' [LIVE]
            """)
        .contains("'taxi-run-02.CsvExampleGen' [CACHED]\n"
            + "  -> OUTPUT artifact #1 Examples");
    // Steps come in the order data flows: the example gen before the trainer.
    assertThat(r.out().indexOf("CsvExampleGen'")).isLessThan(r.out().indexOf("Trainer'"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyBackendDrawsTheSameGraph(Backend backend) throws Exception {
    String url = TestDatabases.freshUrl(backend);
    String text;
    try (MetadataStore store = MetadataStore.open(url)) {
      TfxDemo.populate(store, 4);
      StringWriter notices = new StringWriter();
      LineageDiagram diagram = LineageCommand.diagram(store,
          LineageCommand.graphQuery(MODEL_1, new PrintWriter(notices)));
      text = DiagramFormat.TEXT.write(diagram, "t");
      assertThat(notices.toString()).isEmpty();
    }
    assertThat(text).startsWith("t\n6 artifacts, 7 executions, 15 events\n")
        .contains("execution #5 tfx.components.trainer.component.Trainer 'taxi-run-01.Trainer'"
            + " [COMPLETE]\n  <- INPUT  artifact #5 Examples");
    Result r = run("lineage", url, MODEL_1);
    if (backend == Backend.FAKE) {
      // Each connection to the fake backend is a new empty store.
      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.err()).isEqualTo(
          "mlmd: The walk reached no artifact or execution (NOT_FOUND)\n");
    } else {
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).endsWith(text.substring(text.indexOf('\n')));
    }
  }

  @Test
  void dotOfAWholeTfxStoreIsReadByGraphviz() throws Exception {
    Result r = run("lineage", lab, EVERYTHING, "--format", "dot");
    assertThat(r.exitCode()).as(r.err()).isZero();
    int nodes = lines(r.out(), "(?m)^  [ae]\\d+ \\[shape=box");
    int edges = lines(r.out(), "(?m)^  [ae]\\d+ -> [ae]\\d+ \\[label=\"[A-Z_]+\"\\];$");
    assertThat(nodes).isEqualTo(199 + 73);
    assertThat(edges).isEqualTo(271);
    String svg = ExternalRenderers.dotToSvg(r.out());
    assertThat(lines(svg, "class=\"node\"")).isEqualTo(nodes);
    assertThat(lines(svg, "class=\"edge\"")).isEqualTo(edges);
    assertThat(svg).contains(">ExampleStatistics<").contains(">INPUT<").contains(">OUTPUT<");
  }

  @Test
  void mermaidHasAShapePerKindAndLabelledEdges() {
    Result r = run("lineage", demo, MODEL_1, "-f", "MERMAID");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("flowchart LR\n  %% LINEAGE UPSTREAM OF")
        .contains("\n  a6([\"Model<br>taxi-run-01.Trainer.model #6\"]):::artifact\n")
        .contains("\n  e5[\"Trainer<br>taxi-run-01.Trainer #5\"]:::stateCOMPLETE\n")
        .contains("\n  e8[\"CsvExampleGen<br>taxi-run-02.CsvExampleGen #8\"]:::stateCACHED\n")
        .contains("\n  e5 -->|OUTPUT| a6\n").contains("\n  a3 -->|INPUT| e5\n");
    assertThat(lines(r.out(), "(?m)^  a\\d+\\(\\[")).isEqualTo(6);
    assertThat(lines(r.out(), "(?m)^  e\\d+\\[")).isEqualTo(7);
    assertThat(lines(r.out(), "(?m)^  [ae]\\d+ -->\\|")).isEqualTo(15);
  }

  /** One pipeline run's DAG: its executions and the artifacts they read and wrote. */
  static final String RUN_1 = "LINEAGE BOTH OF EXECUTIONS WHERE contexts_r.name = 'taxi-run-01'"
      + " MAX HOPS 1 RETURN GRAPH";

  /** A picture keeps near a screen's shape (1.6 : 1), where a strip would need scrolling. */
  @ParameterizedTest
  @ValueSource(strings = {MODEL_1, RUN_1})
  void picturesKeepNearAScreensShape(String lql) throws Exception {
    Path file = Files.createTempFile(TestDatabases.tempDir(), "lineage", ".svg");
    Result r = run("lineage", demo, lql, "--format", "svg", "-o", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher size = Pattern.compile("^<svg [^>]*width=\"([\\d.]+)\" height=\"([\\d.]+)\"")
        .matcher(Files.readString(file));
    assertThat(size.find()).isTrue();
    double width = Double.parseDouble(size.group(1));
    double height = Double.parseDouble(size.group(2));
    System.out.printf("%s: %.0f x %.0f px%n", lql, width, height);
    assertThat(width / height).as(width + " x " + height).isBetween(0.8, 3.2);
  }

  /**
   * In a 1280 x 800 window the page opens at a zoom at which its smallest text, 11 px edge
   * labels, shows at 11 px or more: the drawing's own size or larger.
   */
  @Test
  void htmlPageOpensAtAReadableZoom() throws Exception {
    Path page = TestDatabases.tempDir().resolve("run-1.html");
    Result r = run("lineage", demo, RUN_1, "--format", "html", "-o", page.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // After the page's own script: the drawing's size on the screen, for the test to read.
    Files.writeString(page, Files.readString(page).replace("</body>", "<script>"
        + "var s = document.querySelector('svg.lineage');"
        + "document.body.setAttribute('data-view', s.clientWidth + ' ' + s.clientHeight);"
        + "</script></body>"));
    String dom = ExternalRenderers.chromiumDom(page, 1280, 800);
    Matcher view = Pattern.compile("data-view=\"(\\d+) (\\d+)\"").matcher(dom);
    Matcher viewBox = Pattern.compile("<svg [^>]*class=\"lineage\"[^>]*viewBox=\"([-\\d.]+)"
        + " ([-\\d.]+) ([\\d.]+) ([\\d.]+)\"").matcher(dom);
    assertThat(view.find() && viewBox.find()).as(dom).isTrue();
    // The drawing's view is scaled to fit the element (preserveAspectRatio's default).
    double scale = Math.min(Double.parseDouble(view.group(1)) / Double.parseDouble(viewBox.group(3)),
        Double.parseDouble(view.group(2)) / Double.parseDouble(viewBox.group(4)));
    assertThat(scale).as(view.group() + ", " + viewBox.group()).isGreaterThanOrEqualTo(0.999);
  }

  @Test
  void svgOfAWholeTfxStoreIsLaidOutByElk() throws Exception {
    Path file = TestDatabases.tempDir().resolve("lab.svg");
    long start = System.nanoTime();
    Result r = run("lineage", lab, EVERYTHING, "--format", "svg", "-o", file.toString());
    System.out.printf("lineage --format svg of the lab store (272 nodes): %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Wrote " + file + ": 272 nodes, 271 edges.\n");
    String svg = Files.readString(file);
    assertThat(lines(svg, "<g class=\"node artifact\"")).isEqualTo(199);
    assertThat(lines(svg, "<g class=\"node execution\"")).isEqualTo(73);
    assertThat(lines(svg, Pattern.quote("marker-end=\"url(#arrow)\""))).isEqualTo(271);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains(">ExampleStatistics</text>");
  }

  @Test
  void htmlPageShowsTheNodesInChromium() throws Exception {
    Path page = TestDatabases.tempDir().resolve("model-1.html");
    Result r = run("lineage", demo, MODEL_1, "--format", "html", "-o", page.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    // The browser parsed the inline SVG into the page's DOM (after the script ran).
    String dom = ExternalRenderers.chromiumDom(page);
    assertThat(lines(dom, "<g class=\"node artifact\"")).isEqualTo(6);
    assertThat(lines(dom, "<g class=\"node execution\"")).isEqualTo(7);
    assertThat(lines(dom, "<g class=\"edge\"")).isEqualTo(15);

    // And drew them: each node is a patch of its fill colour, larger than the legend's swatches.
    Path png = ExternalRenderers.chromiumScreenshot(page, 1600, 900);
    System.out.println("Screenshot of the lineage page: " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(patches(image, 0xe8f1fb)).as("artifacts").isEqualTo(6);
    assertThat(patches(image, 0xe6f4ea)).as("complete executions").isEqualTo(5);
    assertThat(patches(image, 0xeeeeee)).as("cached executions").isEqualTo(2);
  }

  @Test
  void aStatementWithoutGraphIsDrawnAsTheGraphOfItsWalk() {
    Result r = run("lineage", demo, MODEL_1 + " RETURN ARTIFACTS WHERE type = 'Examples' AS ex,"
        + " EVENTS");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo(
        "mlmd: drawing RETURN GRAPH of the same walk (the statement returns [ex, events])\n");
    assertThat(r.out()).contains("6 artifacts, 7 executions, 15 events");
  }

  @Test
  void aCacheLookupIsRefusedInOneLine() {
    Result r = run("lineage", demo, "CACHED EXECUTIONS OF TYPE 'Trainer' WITH INPUTS (1)");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: lineage draws a LINEAGE statement; a CACHED EXECUTIONS"
        + " lookup returns executions, not a graph (INVALID_ARGUMENT)\n");
  }

  @Test
  void badInputIsOneLine() {
    Result syntax = run("lineage", demo, "LINEAGE OF NOTHING");
    assertThat(syntax.exitCode()).isEqualTo(3);
    assertThat(syntax.err()).startsWith("mlmd: Invalid LQL statement: ").hasLineCount(1);
    Result format = run("lineage", demo, MODEL_1, "--format", "png");
    assertThat(format.exitCode()).isEqualTo(3);
    assertThat(format.err()).isEqualTo("mlmd: Unknown format 'png'; use text, dot, mermaid,"
        + " svg or html (INVALID_ARGUMENT)\n");
    Result noStatement = run("lineage", demo);
    assertThat(noStatement.exitCode()).isEqualTo(3);
    assertThat(noStatement.err()).isEqualTo(
        "mlmd: Give a LINEAGE statement after the URL (INVALID_ARGUMENT)\n");
    Result nothing = run("lineage", demo, "LINEAGE OF ARTIFACTS WHERE id = 999999");
    assertThat(nothing.exitCode()).isEqualTo(3);
    assertThat(nothing.err()).isEqualTo(
        "mlmd: The walk reached no artifact or execution (NOT_FOUND)\n");
  }

  @Test
  void aGraphOverTheNodeLimitIsRefused() {
    Result r = run("lineage", lab, EVERYTHING, "--format", "svg");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Result limited = run("lineage", demo, MODEL_1, "--max-nodes", "12");
    assertThat(limited.exitCode()).isEqualTo(3);
    assertThat(limited.err()).isEqualTo("mlmd: The graph has 13 nodes, more than --max-nodes"
        + " 12; narrow the walk (MAX HOPS, STOP AT) or raise --max-nodes (INVALID_ARGUMENT)\n");
    assertThat(run("lineage", demo, MODEL_1, "--max-nodes", "13").exitCode()).isZero();
  }

  private static int lines(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * How many connected patches of exactly this colour cover more than 400 pixels: drawn nodes,
   * not the legend's swatches (14 by 10) nor anti-aliased edges.
   */
  static int patches(BufferedImage image, int rgb) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] seen = new boolean[w * h];
    int patches = 0;
    int[] stack = new int[w * h];
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || (image.getRGB(start % w, start / w) & 0xffffff) != rgb) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int p = stack[--top];
        size++;
        int x = p % w;
        int y = p / w;
        int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
        for (int[] q : next) {
          if (q[0] >= 0 && q[0] < w && q[1] >= 0 && q[1] < h && !seen[q[1] * w + q[0]]
              && (image.getRGB(q[0], q[1]) & 0xffffff) == rgb) {
            seen[q[1] * w + q[0]] = true;
            stack[top++] = q[1] * w + q[0];
          }
        }
      }
      if (size > 400) {
        patches++;
      }
    }
    return patches;
  }
}

package io.mlmd4j.cli.graph;

import io.mlmd4j.cli.graph.LineageDiagram.Kind;

/**
 * A diagram as one self-contained HTML page: the {@link SvgDiagram} drawing inline, fitted to
 * the window unless its text would be smaller than 11 px, with inline CSS and a small inline script (wheel to zoom, drag to pan, click a
 * node to list its properties). It refers to nothing outside itself, so it opens offline.
 */
final class HtmlPage {

  private static final String STYLE = """
      html, body { margin: 0; height: 100%; font-family: Helvetica, Arial, sans-serif; }
      body { display: flex; flex-direction: column; background: #ffffff; color: #202124; }
      header { padding: 8px 12px; border-bottom: 1px solid #dadce0; font-size: 13px; }
      header code { font-size: 12px; background: #f1f3f4; padding: 1px 4px; }
      .legend span { display: inline-block; margin-right: 12px; }
      .swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px;
        vertical-align: middle; border: 1.5px solid; }
      main { flex: 1; display: flex; min-height: 0; }
      #view { flex: 1; min-width: 0; }
      svg.lineage { width: 100%; height: 100%; cursor: grab; display: block; }
      svg.lineage g.node { cursor: pointer; }
      svg.lineage g.node.selected rect { stroke-width: 3; }
      #details { width: 300px; border-left: 1px solid #dadce0; padding: 8px 12px;
        font-size: 12px; overflow: auto; }
      #details pre { white-space: pre-wrap; word-break: break-all; margin: 0; }
      """;

  private static final String SCRIPT = """
      (function () {
        var svg = document.querySelector('svg.lineage');
        var details = document.getElementById('details-text');
        var drag = null;
        function point(e) {
          var p = svg.createSVGPoint();
          p.x = e.clientX; p.y = e.clientY;
          return p.matrixTransform(svg.getScreenCTM().inverse());
        }
        function view() { return svg.viewBox.baseVal; }
        // Fitted to the window a large drawing's text would be too small to read: it opens at
        // its own size at least (the smallest text, edge labels, 11 px), the drawing's top left
        // first (centred where it is smaller than the window); wheel and drag show the rest.
        (function readable() {
          var v = view(), least = 1;
          var w = svg.clientWidth, h = svg.clientHeight;
          if (!w || !h || Math.min(w / v.width, h / v.height) >= least) { return; }
          var vw = w / least, vh = h / least;
          svg.setAttribute('viewBox', [Math.min(0, (v.width - vw) / 2),
            Math.min(0, (v.height - vh) / 2), vw, vh].join(' '));
        })();
        svg.addEventListener('wheel', function (e) {
          e.preventDefault();
          var v = view(), p = point(e), k = e.deltaY < 0 ? 0.8 : 1.25;
          svg.setAttribute('viewBox', [p.x - (p.x - v.x) * k, p.y - (p.y - v.y) * k,
            v.width * k, v.height * k].join(' '));
        }, {passive: false});
        svg.addEventListener('mousedown', function (e) { drag = point(e); });
        window.addEventListener('mouseup', function () { drag = null; });
        svg.addEventListener('mousemove', function (e) {
          if (!drag) { return; }
          var v = view(), p = point(e);
          svg.setAttribute('viewBox', [v.x + drag.x - p.x, v.y + drag.y - p.y,
            v.width, v.height].join(' '));
        });
        svg.addEventListener('click', function (e) {
          var node = e.target.closest('g.node');
          if (!node) { return; }
          svg.querySelectorAll('g.node.selected').forEach(function (n) {
            n.classList.remove('selected');
          });
          node.classList.add('selected');
          details.textContent = node.querySelector('title').textContent;
        });
      })();
      """;

  private HtmlPage() {}

  static String write(LineageDiagram diagram, String title) {
    long artifacts = diagram.nodes().stream().filter(n -> n.kind() == Kind.ARTIFACT).count();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append("<title>Lineage: ").append(SvgDiagram.escape(title)).append("</title>\n");
    b.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n");
    b.append("<div><code>").append(SvgDiagram.escape(title)).append("</code></div>\n");
    b.append("<div class=\"legend\"><span>").append(artifacts).append(" artifacts, ")
        .append(diagram.nodes().size() - artifacts).append(" executions, ")
        .append(diagram.edges().size()).append(" events</span>");
    legend(b, "artifact", Palette.ARTIFACT_FILL, Palette.ARTIFACT_STROKE, "7px");
    for (String state : Palette.STATE_CLASSES) {
      legend(b, "execution " + state, Palette.executionFill(state),
          Palette.executionStroke(state), "1px");
    }
    b.append("<span>wheel: zoom, drag: pan, click: properties</span></div>\n</header>\n");
    b.append("<main>\n<div id=\"view\">\n").append(SvgDiagram.write(diagram, title))
        .append("</div>\n");
    b.append("<aside id=\"details\"><pre id=\"details-text\">Click a node to see its"
        + " properties.</pre></aside>\n</main>\n");
    b.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void legend(StringBuilder b, String text, String fill, String stroke,
      String radius) {
    b.append("<span><span class=\"swatch\" style=\"background:").append(fill)
        .append(";border-color:").append(stroke).append(";border-radius:").append(radius)
        .append("\"></span>").append(text).append("</span>");
  }
}

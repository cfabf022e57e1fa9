package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.cli.graph.DiagramFormat;
import io.mlmd4j.cli.graph.LineageDiagram;
import io.mlmd4j.grammar.Lql;
import io.mlmd4j.grammar.QuerySyntaxException;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.proto.LineageGraph;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The lineage graph of an LQL statement as text, Graphviz DOT, Mermaid, SVG or an HTML page.
 * A statement that returns no {@code GRAPH} is drawn with {@code RETURN GRAPH} in place of its
 * results: the same walk, every node and event it reached.
 */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Draw the lineage graph of an LQL statement: artifacts (rounded) and"
        + " executions (square, coloured by state) as nodes labelled with type, name and id;"
        + " events as edges in the direction data flows, labelled with the event type.",
        "A statement whose RETURN has no GRAPH is drawn as RETURN GRAPH of the same walk.",
        "Example: mlmd lineage \"LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'"
            + " MAX HOPS 2\" --format html -o model.html"})
final class LineageCommand implements Callable<Integer> {

  /** Diagrams larger than this are refused unless {@code --max-nodes} allows them. */
  static final int DEFAULT_MAX_NODES = 500;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "[URL] LQL",
      description = "An optional store URL (default: the demo store), then a LINEAGE statement.")
  List<String> arguments;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, dot, mermaid, svg or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to this file instead of standard output.")
  Path output;

  @Option(names = "--max-nodes", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_NODES,
      description = "Refuse to draw a graph of more nodes than this (default: ${DEFAULT-VALUE})."
          + " Narrow the walk with MAX HOPS or STOP AT instead.")
  int maxNodes;

  @Override
  public Integer call() throws Exception {
    DiagramFormat diagramFormat = DiagramFormat.named(format);
    if (diagramFormat == null) {
      throw MlmdException.invalidArgument("Unknown format '%s'; use text, dot, mermaid, svg or"
          + " html", format);
    }
    String url = null;
    String lql = arguments.get(arguments.size() - 1);
    if (arguments.size() == 2) {
      url = arguments.get(0);
      if (!StoreSelection.isUrl(url)) {
        throw MlmdException.invalidArgument("'%s' is not a store URL (jdbc:mlmd:...)", url);
      }
    } else if (StoreSelection.isUrl(lql)) {
      throw MlmdException.invalidArgument("Give a LINEAGE statement after the URL");
    }
    PrintWriter err = spec.commandLine().getErr();
    LineageQuery query = graphQuery(lql, err);
    LineageDiagram diagram;
    try (MetadataStore store = StoreSelection.open(url, err)) {
      diagram = diagram(store, query);
    }
    if (diagram.nodes().size() > maxNodes) {
      throw MlmdException.invalidArgument("The graph has %d nodes, more than --max-nodes %d;"
          + " narrow the walk (MAX HOPS, STOP AT) or raise --max-nodes",
          diagram.nodes().size(), maxNodes);
    }
    String picture = diagramFormat.write(diagram, query.unparse());
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(picture);
      out.flush();
    } else {
      Files.writeString(output, picture, StandardCharsets.UTF_8);
      err.printf("Wrote %s: %d nodes, %d edges.%n", output, diagram.nodes().size(),
          diagram.edges().size());
      err.flush();
    }
    return 0;
  }

  /**
   * The diagram of a query from {@link #graphQuery}.
   *
   * @throws MlmdException NOT_FOUND if the walk reached no node
   */
  static LineageDiagram diagram(MetadataStore store, LineageQuery query) {
    LineageGraph graph = store.query(query.unparse()).graph(query.results().get(0).name());
    LineageDiagram diagram = LineageDiagram.of(graph);
    if (diagram.nodes().isEmpty()) {
      throw MlmdException.notFound("The walk reached no artifact or execution");
    }
    return diagram;
  }

  /**
   * The walk of the statement returning only a graph: the statement's first {@code GRAPH}
   * result, or else {@code GRAPH} with a notice on {@code err}.
   */
  static LineageQuery graphQuery(String lql, PrintWriter err) {
    LqlStatement statement;
    try {
      statement = Lql.parse(lql);
    } catch (QuerySyntaxException e) {
      throw MlmdException.invalidArgument("Invalid LQL statement: %s", e.getMessage());
    }
    if (!(statement instanceof LineageQuery lineage)) {
      throw MlmdException.invalidArgument("lineage draws a LINEAGE statement; a CACHED"
          + " EXECUTIONS lookup returns executions, not a graph");
    }
    Optional<LineageResult> graph = lineage.results().stream()
        .filter(GraphResult.class::isInstance).findFirst();
    if (graph.isPresent()) {
      return new LineageQuery(lineage.direction(), lineage.startSets(), lineage.maxHops(),
          lineage.stopConditions(), List.of(graph.get()));
    }
    err.println("mlmd: drawing RETURN GRAPH of the same walk (the statement returns "
        + lineage.results().stream().map(LineageResult::name).toList() + ")");
    err.flush();
    return new LineageQuery(lineage.direction(), lineage.startSets(), lineage.maxHops(),
        lineage.stopConditions(), List.of(new GraphResult(GraphResult.DEFAULT_NAME)));
  }
}

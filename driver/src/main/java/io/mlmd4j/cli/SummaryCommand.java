package io.mlmd4j.cli;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What a store holds: artifacts and executions by type and state, contexts, the latest runs. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Summarise a store: artifacts and executions by type and state, contexts by"
        + " type, and the latest pipeline runs.")
final class SummaryCommand implements Callable<Integer> {

  private static final int LATEST_RUNS = 10;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreUrl url;

  @Override
  public Integer call() throws Exception {
    return summarize(url.value, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  int summarize(String storeUrl, PrintWriter out, PrintWriter err) throws Exception {
    try (MetadataStore store = StoreSelection.open(storeUrl, err)) {
      List<Artifact> artifacts =
          store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
      List<Execution> executions =
          store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList();
      List<Context> contexts =
          store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList();
      out.printf("%s%n%d artifacts, %d executions, %d contexts%n%n",
          storeUrl == null ? "Demo store " + StoreSelection.demoPath() : storeUrl,
          artifacts.size(), executions.size(), contexts.size());

      Map<String, Map<Artifact.State, Integer>> artifactsByType = new TreeMap<>();
      for (Artifact a : artifacts) {
        artifactsByType.computeIfAbsent(a.getType(), t -> new EnumMap<>(Artifact.State.class))
            .merge(a.getState(), 1, Integer::sum);
      }
      Table artifactTable = new Table("ARTIFACT TYPE", "COUNT", "BY STATE");
      artifactsByType.forEach((type, states) -> artifactTable.row(type, total(states),
          states.toString().replaceAll("[{}]", "")));
      artifactTable.print(out);
      out.println();

      Map<String, Map<Execution.State, Integer>> executionsByType = new TreeMap<>();
      for (Execution x : executions) {
        executionsByType.computeIfAbsent(TypeNames.shortName(x.getType()),
            t -> new EnumMap<>(Execution.State.class)).merge(x.getLastKnownState(), 1,
                Integer::sum);
      }
      Table executionTable = new Table("EXECUTION TYPE", "COUNT", "BY STATE");
      executionsByType.forEach((type, states) -> executionTable.row(type, total(states),
          states.toString().replaceAll("[{}]", "")));
      executionTable.print(out);
      out.println();

      Map<String, Integer> contextsByType = new TreeMap<>();
      contexts.forEach(c -> contextsByType.merge(c.getType(), 1, Integer::sum));
      Table contextTable = new Table("CONTEXT TYPE", "COUNT");
      contextsByType.forEach(contextTable::row);
      contextTable.print(out);

      printLatestRuns(store, out);
      return 0;
    }
  }

  /** The runs (contexts of a type named like TFX's run types), newest first. */
  private static void printLatestRuns(MetadataStore store, PrintWriter out) {
    for (ContextType type : store.getContextTypes(GetContextTypesRequest.getDefaultInstance())
        .getContextTypesList()) {
      if (!type.getName().equals("pipeline_run") && !type.getName().equals("run")) {
        continue;
      }
      List<Context> runs = new ArrayList<>(store.getContextsByType(GetContextsByTypeRequest
          .newBuilder().setTypeName(type.getName()).build()).getContextsList());
      runs.sort((a, b) -> Long.compare(b.getCreateTimeSinceEpoch(), a.getCreateTimeSinceEpoch()));
      Table table = new Table("LATEST RUNS (" + type.getName() + ")", "EXECUTIONS", "BY STATE");
      for (Context run : runs.subList(0, Math.min(LATEST_RUNS, runs.size()))) {
        Map<Execution.State, Integer> states = new EnumMap<>(Execution.State.class);
        store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
            .setContextId(run.getId()).build()).getExecutionsList()
            .forEach(x -> states.merge(x.getLastKnownState(), 1, Integer::sum));
        table.row(run.getName(), total(states), states.toString().replaceAll("[{}]", ""));
      }
      out.println();
      table.print(out);
    }
  }

  private static int total(Map<?, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}

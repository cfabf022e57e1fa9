package io.mlmd4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** (Re)creates the demo store. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Create the demo store anew: a SQLite file holding several runs of a TFX-like"
        + " pipeline (typed artifacts and executions, contexts, failed and cached steps).")
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", defaultValue = "" + StoreSelection.DEMO_RUNS,
      description = "Pipeline runs to record (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--path", paramLabel = "FILE",
      description = "Where to write it (default: ~/.mlmd4j/demo.sqlite, or $MLMD4J_DEMO).")
  Path path;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    Path target = path != null ? path : StoreSelection.demoPath();
    StoreSelection.createDemo(target, runs);
    spec.commandLine().getOut().printf("Created the demo store %s: %d runs of a TFX pipeline."
        + "%nURL: jdbc:mlmd:sqlite:%s%n", target, runs, target.toAbsolutePath());
    return 0;
  }
}

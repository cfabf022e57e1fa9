package io.mlmd4j.cli;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.copy.StoreCopy;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.storage.schema.SchemaScripts;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Copies a whole store into an empty one, on any backend, keeping every id. */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy a whole MLMD store into an empty store, on any backend (for example a"
        + " TFX metadata.sqlite into a shared MySQL database): types, artifacts, executions,"
        + " contexts, their properties, events, attributions, associations and parent contexts,"
        + " every id kept.",
        "The copy is all or nothing: one transaction on the target, so a failure leaves the"
            + " target as it was (a target that did not exist is left as a new, empty store)."
            + " Run it again to retry. The target must be empty (a new database, or a store"
            + " holding only MLMD's built-in types), unless --merge is given.",
        "The source must be at schema version " + SchemaScripts.LIBRARY_VERSION
            + "; upgrade an older one first with 'mlmd migrate'. A SQLite source is opened"
            + " READONLY unless its URL gives a mode."})
final class CopyCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--merge", description = "Add the rows to a target that holds rows already:"
      + " types matched by name and version (gaining missing properties), contexts by type and"
      + " name; artifacts, executions, events, attributions and associations added with new ids"
      + " after the target's, references remapped. A node whose type and name or external id"
      + " the target has already fails the whole merge.")
  boolean merge;

  @Parameters(index = "0", paramLabel = "FROM", description = "The store to copy.")
  String from;

  @Parameters(index = "1", paramLabel = "TO",
      description = "The store to copy into (created when missing).")
  String to;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConnectionSettings source = StoreSelection.existing(from, ConnectionMode.READONLY);
    ConnectionSettings target = ConnectionUrl.parse(to);
    try (MetadataSource input = MetadataSource.open(source)) {
      checkSourceVersion(new SchemaManager(input).version());
      try (MetadataSource output = MetadataSource.open(target)) {
        new SchemaManager(output).open(target.migration());
        long start = System.nanoTime();
        long rows = input.read(c -> {
          StoreCopy copy = new StoreCopy(c, output);
          Map<String, Long> counts = copy.sourceRows();
          if (!merge) {
            checkTarget(copy);
          }
          out.printf("%s %s%n  from %s%n  %s %s%n  in one transaction: all or nothing.%n",
              merge ? "Merging" : "Copying", describe(counts), ConnectionUrl.redact(from),
              merge ? "into" : "to", ConnectionUrl.redact(to));
          out.flush();
          ProgressDisplay progress = ProgressDisplay.on(spec.commandLine().getErr(), "rows");
          return merge ? copy.merge(progress) : copy.copy(progress);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%s %d rows in %.1f s (%.0f rows/s).%n", merge ? "Merged" : "Copied", rows,
            seconds, rows / Math.max(seconds, 1e-3));
      }
    }
    return 0;
  }

  /** Refuses a target with rows, pointing at --merge. */
  private static void checkTarget(StoreCopy copy) {
    try {
      copy.checkTarget();
    } catch (MlmdException e) {
      if (e.code() != MlmdException.Code.FAILED_PRECONDITION) {
        throw e;
      }
      throw MlmdException.failedPrecondition("%s; --merge adds the rows to it", e.getMessage());
    }
  }

  private void checkSourceVersion(int version) {
    if (version == SchemaManager.EMPTY) {
      throw MlmdException.failedPrecondition("The source %s holds no MLMD store",
          ConnectionUrl.redact(from));
    }
    if (version < SchemaScripts.LIBRARY_VERSION) {
      throw MlmdException.failedPrecondition("The source %s is at MLMD schema version %d;"
          + " upgrade it first with: mlmd migrate %s", ConnectionUrl.redact(from), version,
          ConnectionUrl.redact(from));
    }
    if (version > SchemaScripts.LIBRARY_VERSION) {
      throw MlmdException.failedPrecondition("The source %s is at MLMD schema version %d, newer"
          + " than this library's %d", ConnectionUrl.redact(from), version,
          SchemaScripts.LIBRARY_VERSION);
    }
  }

  /** "12 types, 300 artifacts, ... (N rows in all)". */
  private static String describe(Map<String, Long> counts) {
    StringJoiner nodes = new StringJoiner(", ");
    for (String table : new String[] {"Type", "Artifact", "Execution", "Context", "Event"}) {
      nodes.add(counts.get(table) + " " + table.toLowerCase(java.util.Locale.ROOT) + "s");
    }
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    return nodes + " (" + all + " rows in all)";
  }
}

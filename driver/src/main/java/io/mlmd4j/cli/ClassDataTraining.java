package io.mlmd4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code ./mlmd} runs once per build of the jar, under {@code -XX:ArchiveClassesAtExit}, to
 * record the classes its commands load in a class-data-sharing archive; later commands map them
 * from the archive instead of loading them one by one. Each command loads its own share (the
 * summary reads through the store API, the shell's SQL through Calcite), so the training runs
 * them all, on a small demo store of its own that it deletes after: an archive recorded while
 * running whichever command came first would leave the others slow.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {}

  /** No arguments; exits 0, or 1 when a command failed (the archive is then not to be used). */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("mlmd4j-training");
    try {
      System.exit(train(dir));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Runs every command once on a demo store in {@code dir}; the first failure's exit code. */
  static int train(Path dir) {
    Path store = dir.resolve("demo.sqlite");
    String url = "jdbc:mlmd:sqlite:" + store;
    String[][] commands = {
        {"demo", "--path=" + store, "--runs=2"},
        {"summary", url},
        {"types", url},
        {"artifacts", url},
        {"executions", url},
        {"lineage", url, "LINEAGE UPSTREAM OF ARTIFACTS WHERE type = 'Model'"},
        {"shell", url, "-e", "SELECT a.type, COUNT(*) FROM artifacts a JOIN events e"
            + " ON e.artifact_id = a.id WHERE a.state = 'LIVE' GROUP BY a.type ORDER BY 2 DESC"},
        {"shell", url, "-e", "SELECT name, uri FROM artifacts WHERE id = 1"},
        {"shell", url, "-e", "LINEAGE DOWNSTREAM OF ARTIFACTS WHERE id = 1 RETURN ARTIFACTS"}};
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    PrintWriter err = new PrintWriter(System.err, true);
    for (String[] command : commands) {
      int code = Mlmd.run(command, discard, err);
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }
}

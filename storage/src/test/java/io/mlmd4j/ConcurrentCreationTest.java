package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.StoreDatabase;
import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes opening the same empty database at the same moment (Kubeflow's pipeline steps
 * starting together against a new metadata database): both must succeed, and the database must
 * end with one schema, one MLMDEnv row and each simple type once.
 */
class ConcurrentCreationTest {

  private static final int PROCESSES = 2;
  private static final int ROUNDS = 3;

  /** Only for a process that hangs; nothing here is timed. */
  private static final long PROCESS_LIMIT_MINUTES = 5;

  private static final List<String> TABLES = List.of("Artifact", "ArtifactProperty",
      "Association", "Attribution", "Context", "ContextProperty", "Event", "EventPath",
      "Execution", "ExecutionProperty", "MLMDEnv", "ParentContext", "ParentType", "Type",
      "TypeProperty");

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void processesCreatingOneDatabaseAtOnceEndWithOneSchema(Backend backend) throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      String url = TestDatabases.freshUrl(backend);
      race(url);
      try (StoreDatabase db = StoreDatabase.at(backend, url)) {
        assertThat(db.tables()).as("round %d", round).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).containsExactly("10");
        assertThat(db.rows("SELECT name, COUNT(*) FROM Type GROUP BY name ORDER BY name"))
            .as("round %d", round)
            .containsExactly("mlmd.Dataset|1", "mlmd.Deploy|1", "mlmd.Evaluate|1",
                "mlmd.Metrics|1", "mlmd.Model|1", "mlmd.Process|1", "mlmd.Statistics|1",
                "mlmd.Train|1", "mlmd.Transform|1");
      }
    }
  }

  /** Starts the processes, lets them all open {@code url} at once, and waits for them. */
  private static void race(String url) throws IOException, InterruptedException {
    Path dir = TestDatabases.tempDir();
    Path go = dir.resolve("go");
    List<Process> processes = new ArrayList<>();
    List<Path> ready = new ArrayList<>();
    List<Path> output = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        ready.add(dir.resolve("ready-" + i));
        output.add(dir.resolve("output-" + i));
        processes.add(new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            OpenStoreProcess.class.getName(), url, ready.get(i).toString(), go.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.get(i).toFile())
            .start());
      }
      for (int i = 0; i < PROCESSES; i++) {
        while (!Files.exists(ready.get(i))) {
          if (!processes.get(i).isAlive()) {
            fail("Process %d ended before it was ready:%n%s", i, Files.readString(output.get(i)));
          }
          Thread.sleep(10);
        }
      }
      Files.createFile(go);
      for (int i = 0; i < PROCESSES; i++) {
        Process p = processes.get(i);
        if (!p.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
          fail("Process %d still runs after %d minutes:%n%s", i, PROCESS_LIMIT_MINUTES,
              Files.readString(output.get(i)));
        }
        assertThat(p.exitValue()).as("process %d opening %s:%n%s", i, url,
            Files.readString(output.get(i))).isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }
}

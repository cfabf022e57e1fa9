package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.StoreDatabase;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Processes putting the same new types at once ({@link PutTypesProcess}): MLMD's schema has no
 * unique key on (kind, name, version), yet the store must end with one type of each, holding
 * every property the processes added, and every process must have been given its id.
 */
class ConcurrentTypeCreationTest {

  private static final int NAMES = 150;

  /** Only for a process that hangs; nothing here is timed by it. */
  private static final long PROCESS_LIMIT_MINUTES = 5;

  static Stream<Arguments> backendsAndProcesses() {
    return Stream.of(Backend.SQLITE, Backend.MYSQL)
        .flatMap(b -> IntStream.of(2, 4, 8).mapToObj(n -> Arguments.of(b, n)));
  }

  @ParameterizedTest(name = "{0}, {1} processes")
  @MethodSource("backendsAndProcesses")
  void processesPuttingTheSameTypesEndWithOneOfEach(Backend backend, int processes)
      throws Exception {
    String url = TestDatabases.freshUrl(backend);
    MetadataStore.open(url).close();
    List<List<String>> ids = putAtOnce(url, processes);

    try (StoreDatabase db = StoreDatabase.at(backend, url)) {
      assertThat(db.rows("SELECT type_kind, name, COUNT(*) FROM Type WHERE name LIKE 'T%'"
          + " GROUP BY type_kind, name HAVING COUNT(*) > 1")).as("types put more than once")
          .isEmpty();
      List<String> stored = db.rows("SELECT CASE type_kind WHEN 0 THEN 'execution'"
          + " WHEN 1 THEN 'artifact' ELSE 'context' END, name, id FROM Type"
          + " WHERE name LIKE 'T%' ORDER BY id");
      // 150 names: a quarter of them put as all three kinds.
      assertThat(stored).hasSize(NAMES + 2 * (NAMES / 4));
      for (int p = 0; p < processes; p++) {
        assertThat(ids.get(p)).as("ids given to process %d", p)
            .containsExactlyInAnyOrderElementsOf(
                stored.stream().map(row -> row.replace('|', ' ')).toList());
      }
      List<String> properties = new ArrayList<>(List.of("shared"));
      for (int p = 0; p < processes; p++) {
        properties.add("p" + p);
      }
      assertThat(db.rows("SELECT t.id, p.name FROM Type t JOIN TypeProperty p"
          + " ON p.type_id = t.id WHERE t.name = 'T0' ORDER BY p.name"))
          .extracting(row -> row.substring(row.indexOf('|') + 1))
          .containsExactlyInAnyOrderElementsOf(properties);
      assertThat(db.rows("SELECT COUNT(*) FROM Type t JOIN TypeProperty p ON p.type_id = t.id"
          + " WHERE t.name LIKE 'T%'"))
          .containsExactly(String.valueOf(stored.size() * (processes + 1)));
    }
  }

  /** Starts the processes, lets them all put at once, and returns the ids each was given. */
  private static List<List<String>> putAtOnce(String url, int count) throws Exception {
    Path dir = TestDatabases.tempDir();
    Path go = dir.resolve("go");
    // Each process opens the store once the one before it is ready; the first at once.
    Files.createFile(dir.resolve("ready--1"));
    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        processes.add(new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            PutTypesProcess.class.getName(), url, dir.resolve("ready-" + i).toString(),
            go.toString(), dir.resolve("ids-" + i).toString(), String.valueOf(i),
            String.valueOf(NAMES), dir.resolve("ready-" + (i - 1)).toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output-" + i).toFile())
            .start());
      }
      for (int i = 0; i < count; i++) {
        while (!Files.exists(dir.resolve("ready-" + i))) {
          if (!processes.get(i).isAlive()) {
            fail("Process %d ended before it was ready:%n%s",
                i, Files.readString(dir.resolve("output-" + i)));
          }
          Thread.sleep(10);
        }
      }
      Files.createFile(go);
      List<List<String>> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Process p = processes.get(i);
        if (!p.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
          fail("Process %d still runs after %d minutes:%n%s", i, PROCESS_LIMIT_MINUTES,
              Files.readString(dir.resolve("output-" + i)));
        }
        String output = Files.readString(dir.resolve("output-" + i));
        assertThat(p.exitValue()).as("process %d putting types:%n%s", i, output).isZero();
        ids.add(Files.readAllLines(dir.resolve("ids-" + i)));
      }
      return ids;
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }
}

package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.testing.StoreDatabase;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process killed (kill -9) at a random point while it creates a MySQL store, whose DDL is not
 * transactional: the next open must succeed and leave the store whole (every table and index a
 * creation in one go makes, the version row, each simple type once) and usable.
 */
class InterruptedCreationTest {

  private static final String NOTHING_LEFT = "no table";
  private static final String WHOLE_STORE = "a whole store";
  private static final int TRIALS = 20;

  /** Only for a process that hangs; nothing here is timed by it. */
  private static final long PROCESS_LIMIT_SECONDS = 120;

  private static final String INDEXES = "SELECT table_name, index_name"
      + " FROM information_schema.statistics WHERE table_schema = DATABASE()"
      + " GROUP BY table_name, index_name ORDER BY table_name, index_name";

  @Test
  void aStoreWhoseCreatorWasKilledOpensWhole() throws Exception {
    Path dir = TestDatabases.tempDir();
    // A creation run to its end gives the whole schema, and how long creating takes here: the
    // kills fall within that time after the signal to open.
    String reference = TestDatabases.freshUrl(Backend.MYSQL);
    Creator first = Creator.start(reference, dir.resolve("reference"));
    long start = System.nanoTime();
    first.go();
    first.awaitSuccess();
    long creationNanos = System.nanoTime() - start;
    List<String> wholeIndexes;
    try (StoreDatabase db = StoreDatabase.at(Backend.MYSQL, reference)) {
      wholeIndexes = db.rows(INDEXES);
    }

    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<String, Integer> leftByKills = new TreeMap<>();
    // Kills fall at random in a window that closes on the DDL: the connection and the checks
    // before the first table take most of a creation, so kills at random over all of it
    // rarely cut one half way. A kill that left nothing moves the window's start past it, one
    // that left a whole store its end before it.
    long windowStart = 0;
    long windowEnd = creationNanos;
    for (int trial = 0; trial < TRIALS; trial++) {
      String url = TestDatabases.freshUrl(Backend.MYSQL);
      Creator creator = Creator.start(url, dir.resolve("trial-" + trial));
      long killAfterNanos = windowStart + random.nextLong(Math.max(1, windowEnd - windowStart));
      creator.go();
      TimeUnit.NANOSECONDS.sleep(killAfterNanos);
      creator.kill();
      String left;
      try (StoreDatabase db = StoreDatabase.at(Backend.MYSQL, url)) {
        left = whatIsLeft(db);
      }
      leftByKills.merge(left, 1, Integer::sum);
      if (left.equals(NOTHING_LEFT)) {
        windowStart = killAfterNanos;
      } else if (left.equals(WHOLE_STORE)) {
        windowEnd = killAfterNanos;
      }
      checkOpensWhole(url, wholeIndexes, String.format("trial %d (seed %d, kill after %d ms,"
          + " left %s)", trial, seed, TimeUnit.NANOSECONDS.toMillis(killAfterNanos), left));
    }
    System.out.printf("%d kills during creation (seed %d, creation took %d ms) left: %s%n",
        TRIALS, seed, TimeUnit.NANOSECONDS.toMillis(creationNanos), leftByKills);
    // The trials are worth something only if some kills cut a creation half way.
    assertThat(leftByKills).as("what the kills left").containsKey("tables without a version");
  }

  private static void checkOpensWhole(String url, List<String> wholeIndexes, String trialName) {
    try (MetadataStore store = MetadataStore.open(url)) {
      long typeId = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Model")).build()).getTypeId();
      store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addArtifacts(Artifact.newBuilder().setTypeId(typeId).setUri("/model")).build());
      assertThat(store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
              .setTypeName("Model").build()).getArtifactsList())
          .as(trialName).extracting(Artifact::getUri).containsExactly("/model");
    }
    try (StoreDatabase db = StoreDatabase.at(Backend.MYSQL, url)) {
      assertThat(db.tables()).as(trialName).hasSize(15);
      assertThat(db.rows(INDEXES)).as(trialName).isEqualTo(wholeIndexes);
      assertThat(db.rows("SELECT schema_version FROM MLMDEnv")).as(trialName)
          .containsExactly("10");
      assertThat(db.rows("SELECT name, COUNT(*) FROM Type WHERE name LIKE 'mlmd.%'"
          + " GROUP BY name")).as(trialName).hasSize(9).allMatch(row -> row.endsWith("|1"));
    }
  }

  private static String whatIsLeft(StoreDatabase db) {
    List<String> tables = db.tables();
    if (tables.isEmpty()) {
      return NOTHING_LEFT;
    }
    if (!tables.contains("MLMDEnv")
        || db.rows("SELECT COUNT(*) FROM MLMDEnv").equals(List.of("0"))) {
      return "tables without a version";
    }
    if (!db.rows("SELECT COUNT(*) FROM Type").equals(List.of("9"))) {
      return "a version without all simple types";
    }
    return WHOLE_STORE;
  }

  /** A process that opens (and so creates) one store at a signal: {@link OpenStoreProcess}. */
  private record Creator(Process process, Path signal, Path output) {

    static Creator start(String url, Path dir) throws Exception {
      Files.createDirectories(dir);
      Path ready = dir.resolve("ready");
      Path output = dir.resolve("output");
      Process process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          OpenStoreProcess.class.getName(), url, ready.toString(), dir.resolve("go").toString())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      Creator creator = new Creator(process, dir.resolve("go"), output);
      while (!Files.exists(ready)) {
        if (!process.isAlive()) {
          fail("The creating process ended before it was ready:%n%s", Files.readString(output));
        }
        Thread.sleep(5);
      }
      return creator;
    }

    void go() throws Exception {
      Files.createFile(signal);
    }

    void awaitSuccess() throws Exception {
      if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("The creating process still runs after %d s:%n%s", PROCESS_LIMIT_SECONDS,
            Files.readString(output));
      }
      assertThat(process.exitValue()).as(Files.readString(output)).isZero();
    }

    /** kill -9: the process gets no chance to close its connection or roll anything back. */
    void kill() throws Exception {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}

package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.TestDatabases;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fresh JVM's first connection, with the self-contained jar: it builds Calcite's view of
 * MLMD's physical tables (dialect, JDBC schema) only when a query is planned, so that a SQL
 * client browsing the schema does not wait for it.
 */
class FirstConnectionIT {

  private static final String JDBC_SCHEMA = "org.apache.calcite.adapter.jdbc.JdbcSchema";

  @Test
  void browsingTheSchemaDoesNotReadThePhysicalTables() throws Exception {
    assertThat(loadedClasses()).doesNotContain(JDBC_SCHEMA);
  }

  @Test
  void theFirstQueryDoes() throws Exception {
    assertThat(loadedClasses("SELECT name FROM artifacts WHERE id = 1")).contains(JDBC_SCHEMA);
  }

  /** Runs {@link BrowsingProbe} on the fixture: the names of the classes its JVM loaded. */
  private static List<String> loadedClasses(String... query) throws Exception {
    Path dir = TestDatabases.tempDir();
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("probe.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp",
        System.getProperty("mlmd4j.jar") + File.pathSeparator + Path.of(
            BrowsingProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        BrowsingProbe.class.getName(),
        "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite")));
    command.addAll(List.of(query));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(out)).isZero();
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // [0.123s][info][class,load] org.Example source: ...
      String[] words = line.split(" ");
      if (words.length > 1) {
        classes.add(words[1]);
      }
    }
    return classes;
  }
}

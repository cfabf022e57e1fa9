package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The self-contained jar ({@code driver/target/mlmd4j-<version>.jar}) as a SQL client loads it:
 * alone, in a class loader of its own, and as a process with nothing else on its class path.
 */
class ShadedJarIT {

  private static Path jar() {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    assertThat(jar).exists();
    return jar;
  }

  /** The level of the jar's sqlite-jdbc loader for the jar's slf4j, which the jar relocates. */
  private static final String SHADED_SQLITE_LOG_LEVEL =
      "io.mlmd4j.shaded.org.slf4j.simpleLogger.log.org.sqlite.SQLiteJDBCLoader";

  @Test
  void answersSqlFromAClassLoaderOfItsOwn() throws Exception {
    String url = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    // This JVM's sqlite-jdbc may have loaded the native library from the cached copy already,
    // which another class loader cannot load again: the jar's sqlite-jdbc then logs that with a
    // stack trace and extracts a copy of its own, as in any application holding two copies.
    System.setProperty(SHADED_SQLITE_LOG_LEVEL, "off");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar().toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> driverClass = Class.forName("io.mlmd4j.jdbc.Driver", true, loader);
      assertThat(driverClass.getClassLoader()).isSameAs(loader);
      java.sql.Driver driver = (java.sql.Driver) driverClass.getConstructor().newInstance();
      long start = System.nanoTime();
      try (Connection c = driver.connect(url, new Properties());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT a.type, COUNT(*) AS n FROM artifacts a"
              + " JOIN events e ON e.artifact_id = a.id WHERE e.type = 'OUTPUT'"
              + " GROUP BY a.type ORDER BY n DESC, a.type LIMIT 3")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + "=" + rs.getLong(2));
        }
        System.out.printf("First connection and query in a fresh class loader: %d ms%n",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(rows).hasSize(3);
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("mlmd4j");
      }
    } finally {
      System.clearProperty(SHADED_SQLITE_LOG_LEVEL);
    }
  }

  @Test
  void keepsLibrariesClientsCarryOutOfTheirWay() throws IOException {
    try (ZipFile zip = new ZipFile(jar().toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertThat(names).noneMatch(n -> n.startsWith("com/google/common/")
          || n.startsWith("com/google/protobuf/") || n.startsWith("com/fasterxml/jackson/")
          || n.startsWith("com/zaxxer/hikari/") || n.startsWith("org/slf4j/")
          || n.startsWith("org/apache/commons/") || n.startsWith("org/eclipse/elk/")
          || n.startsWith("org/eclipse/emf/"));
      assertThat(names).contains("io/mlmd4j/jdbc/Driver.class",
          "io/mlmd4j/shaded/com/google/common/collect/ImmutableList.class",
          "org/sqlite/JDBC.class", "com/mysql/cj/jdbc/Driver.class",
          "io/mlmd4j/shaded/org/eclipse/elk/core/RecursiveGraphLayoutEngine.class");
      String services = new String(zip.getInputStream(
          zip.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(services).contains("io.mlmd4j.jdbc.Driver");
    }
  }

  /** {@code java -cp mlmd4j.jar} with nothing else: the mlmd command reads the fixture. */
  @Test
  void runsAsAProcessOnItsOwn() throws Exception {
    Path fixture = TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    Path out = Files.createTempFile("mlmd", ".txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", jar().toString(), "io.mlmd4j.cli.Mlmd", "types",
        "jdbc:mlmd:sqlite:" + fixture)
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(out);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).contains("Examples");
  }

  /**
   * {@code java -jar mlmd4j.jar lineage --format svg}: ELK and EMF, relocated into the jar, lay
   * out the whole fixture's graph.
   */
  @Test
  void drawsLineageWithElkFromTheJarAlone() throws Exception {
    Path fixture = TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    Path svg = TestDatabases.tempDir().resolve("jar-lineage.svg");
    Path out = Files.createTempFile("mlmd", ".txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar().toString(), "lineage", "jdbc:mlmd:sqlite:" + fixture,
        "LINEAGE OF ARTIFACTS WHERE id > 0", "--format", "svg", "-o", svg.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(out);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).isEqualTo("Wrote " + svg + ": 272 nodes, 271 edges.\n");
    assertThat(Files.readString(svg)).contains("<g class=\"node artifact\" id=\"a1\"")
        .contains("<g class=\"node execution\"").contains(">ExampleStatistics</text>");
  }
}

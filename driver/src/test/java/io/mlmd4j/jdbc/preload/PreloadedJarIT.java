package io.mlmd4j.jdbc.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The class list the build wrote into the self-contained jar, and its use by a fresh JVM. */
class PreloadedJarIT {

  /** Needed to validate a join, which the training runs; not by a point query. */
  private static final String JOIN_CLASS = "org.apache.calcite.sql.validate.JoinScope";

  private static Path jar() {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    assertThat(jar).exists();
    return jar;
  }

  @Test
  void listsTheClassesOfPlanningAndStoresThoseOfTheJar() throws Exception {
    try (ZipFile zip = new ZipFile(jar().toFile())) {
      List<String> classes = List.of(new String(
          zip.getInputStream(zip.getEntry(ClassPreloading.LIST)).readAllBytes(),
          StandardCharsets.UTF_8).split("\n"));
      assertThat(classes).contains("io.mlmd4j.jdbc.Driver",
          "org.apache.calcite.sql.parser.impl.SqlParserImpl",
          "org.apache.calcite.sql.validate.SqlValidatorImpl",
          "org.apache.calcite.plan.volcano.VolcanoPlanner", JOIN_CLASS,
          "io.mlmd4j.shaded.com.google.common.collect.ImmutableList");
      assertThat(classes).doesNotHaveDuplicates().noneMatch(c -> c.contains("/"));
      assertThat(classes.indexOf("org.apache.calcite.sql.parser.impl.SqlParserImpl"))
          .as("the point query's classes come before the join's")
          .isLessThan(classes.indexOf(JOIN_CLASS));
      int inJar = 0;
      for (String name : classes) {
        ZipEntry entry = zip.getEntry(name.replace('.', '/') + ".class");
        if (entry != null) {
          assertThat(entry.getMethod()).as(name).isEqualTo(ZipEntry.STORED);
          inJar++;
        }
      }
      assertThat(inJar).isGreaterThan(3000);
      assertThat(zip.getEntry("org/apache/calcite/sql/dialect/OracleSqlDialect.class")
          .getMethod()).as("an unlisted class").isEqualTo(ZipEntry.DEFLATED);
    }
  }

  @Test
  void aFreshJvmLoadsTheListedClassesOnASecondThread() throws Exception {
    assertThat(probe(true)).contains(JOIN_CLASS);
  }

  @Test
  void theSystemPropertyTurnsPreloadingOff() throws Exception {
    assertThat(probe(false)).doesNotContain(JOIN_CLASS);
  }

  /** Runs {@link PreloadProbe} in a JVM with the jar: the names of the classes it loaded. */
  private static List<String> probe(boolean preloading) throws Exception {
    Path dir = TestDatabases.tempDir();
    Path log = Files.createTempFile(dir, "classes", ".log");
    Path out = Files.createTempFile(dir, "probe", ".txt");
    String classPath = jar() + java.io.File.pathSeparator
        + Path.of(PreloadProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xlog:class+load=info:file=" + log,
        "-D" + ClassPreloading.ENABLED_PROPERTY + "=" + preloading, "-cp", classPath,
        PreloadProbe.class.getName(),
        "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite"))
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> printed = Files.readAllLines(out);
    assertThat(p.exitValue()).as(String.join("\n", printed)).isZero();
    List<String> result = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // [0.123s][info][class,load] org.Example source: ...
      String[] words = line.split(" ");
      if (words.length > 1) {
        result.add(words[1]);
      }
    }
    return result;
  }
}

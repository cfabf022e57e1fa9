package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxDemo;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.testing.TestDatabases;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plans saved on disk across JVMs, with the self-contained jar: a second JVM running a text the
 * first one planned answers it without loading Calcite's parser, with the same metadata and
 * rows; what the text means changing plans it again.
 */
class SavedPlansIT {

  private static final String PARSER = "org.apache.calcite.sql.parser.impl.SqlParserImpl";

  private static final String QUERY = "SELECT a.id, a.name, a.state, a.create_time_since_epoch,"
      + " COUNT(e.id) AS events FROM artifacts a JOIN events e ON e.artifact_id = a.id"
      + " WHERE a.type = ? GROUP BY a.id, a.name, a.state, a.create_time_since_epoch"
      + " ORDER BY a.id";

  /** One JVM's run: what it printed and the classes it loaded. */
  private record Run(List<String> printed, List<String> classes) {}

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSecondJvmRunsTheSavedPlanWithoutParsing(Backend backend) throws Exception {
    String url = filledStore(backend);
    Path plans = TestDatabases.tempDir().resolve("plans");
    Run first = probe(plans, url, QUERY, "Model");
    Run second = probe(plans, url, QUERY, "Model");
    assertThat(first.classes()).contains(PARSER);
    assertThat(second.classes()).doesNotContain(PARSER);
    assertThat(second.printed()).isEqualTo(first.printed());
    if (backend != Backend.FAKE) {
      // Each JVM's fake store is new and empty: it shares the plan, not the rows.
      assertThat(first.printed()).filteredOn(l -> l.startsWith("row")).isNotEmpty();
      assertThat(probe(plans, url, QUERY, "Examples").printed())
          .as("another parameter value, same plan").isNotEqualTo(first.printed());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void aNewPropertyPlansAPerTypeTableAgain(Backend backend) throws Exception {
    String url = filledStore(backend);
    Path plans = TestDatabases.tempDir().resolve("plans");
    String query = "SELECT * FROM artifact.\"Model\" ORDER BY id";
    Run before = probe(plans, url, query);
    try (Connection c = DriverManager.getConnection(url)) {
      c.unwrap(MetadataStore.class).putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setCanAddFields(true).setCanOmitFields(true).setArtifactType(ArtifactType.newBuilder().setName("Model")
              .putProperties("quantized", PropertyType.BOOLEAN)).build());
    }
    Run after = probe(plans, url, query);
    assertThat(after.classes()).contains(PARSER);
    assertThat(String.join("\n", after.printed())).contains("quantized");
    assertThat(String.join("\n", before.printed())).doesNotContain("quantized");
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = "SQLITE")
  void offSavesNothing(Backend backend) throws Exception {
    String url = filledStore(backend);
    Path plans = TestDatabases.tempDir().resolve("plans");
    probe(Path.of("off"), url, QUERY, "Model");
    assertThat(plans).doesNotExist();
    assertThat(probe(Path.of("off"), url, QUERY, "Model").classes()).contains(PARSER);
  }

  /** A store with the demo's history: a file or database shared by the probes' JVMs. */
  private static String filledStore(Backend backend) throws Exception {
    if (backend == Backend.FAKE) {
      return "jdbc:mlmd:fake";
    }
    String url = TestDatabases.freshStoreUrl(backend);
    try (Connection c = DriverManager.getConnection(url)) {
      TfxDemo.populate(c.unwrap(MetadataStore.class), 2);
    }
    return url;
  }

  /** Runs {@link SavedPlanProbe} in a JVM with the jar, saving plans in {@code plans}. */
  private static Run probe(Path plans, String url, String... query) throws Exception {
    Path dir = TestDatabases.tempDir();
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("probe.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-Dmlmd4j.planCache=" + plans, "-cp",
        System.getProperty("mlmd4j.jar") + File.pathSeparator + Path.of(
            SavedPlanProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        SavedPlanProbe.class.getName(), url));
    command.addAll(List.of(query));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> printed = Files.readAllLines(out);
    assertThat(p.exitValue()).as(String.join("\n", printed)).isZero();
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      String[] words = line.split(" ");
      if (words.length > 1) {
        classes.add(words[1]);
      }
    }
    return new Run(printed, classes);
  }
}

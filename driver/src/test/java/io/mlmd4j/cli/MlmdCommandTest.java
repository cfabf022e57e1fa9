package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mlmd command as a user runs it: arguments in, text and an exit code out. */
class MlmdCommandTest {

  private static Path demo;

  /** What one run of the command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Mlmd.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void writeDemoStore() {
    demo = TestDatabases.tempDir().resolve("demo.sqlite");
    Result r = run("demo", "--runs", "4", "--path", demo.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.exists(demo)).isTrue();
  }

  private static String demoUrl() {
    return "jdbc:mlmd:sqlite:" + demo;
  }

  @Test
  void summaryCountsTheDemoPipeline() {
    Result r = run("summary", demoUrl());
    assertThat(r.exitCode()).isZero();
    // 4 runs: ExampleGen runs anew in runs 1 and 4 and is cached in 2 and 3; run 4's Trainer
    // fails, so its Evaluator and Pusher never run.
    assertThat(r.out()).contains("CsvExampleGen   4      COMPLETE=2, CACHED=2")
        .contains("Trainer         4      COMPLETE=3, FAILED=1")
        .contains("taxi-run-04").contains("pipeline_run  4");
  }

  @Test
  void typesListsDeclaredPropertiesAndBaseTypes() {
    Result r = run("types", demoUrl());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("artifact +\\d+ +ModelEvaluation +METRICS +accuracy"
        + " DOUBLE, auc DOUBLE");
  }

  /** A node whose state was never set shows as UNKNOWN in every command, as the summary counts it. */
  @Test
  void anUnsetStateIsUnknownEverywhere() {
    String url = TestDatabases.freshUrl(Backend.SQLITE);
    try (MetadataStore store = MetadataStore.open(url)) {
      long artifactType = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Data")).build()).getTypeId();
      long executionType = store.putExecutionType(PutExecutionTypeRequest.newBuilder()
          .setExecutionType(ExecutionType.newBuilder().setName("Step")).build()).getTypeId();
      long artifact = store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addArtifacts(Artifact.newBuilder().setTypeId(artifactType).setName("d"))
          .addArtifacts(Artifact.newBuilder().setTypeId(artifactType).setName("e")).build())
          .getArtifactIds(0);
      store.putExecution(PutExecutionRequest.newBuilder()
          .setExecution(Execution.newBuilder().setTypeId(executionType).setName("s"))
          .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
              .setEvent(Event.newBuilder().setArtifactId(artifact).setType(Event.Type.INPUT)))
          .build());
    }
    assertThat(run("summary", url).out()).contains("UNKNOWN=2").contains("UNKNOWN=1");
    assertThat(run("artifacts", url).out()).containsPattern("(?m)^1 +Data +d +UNKNOWN ");
    assertThat(run("executions", url).out()).containsPattern("(?m)^1 +Step +s +UNKNOWN ");
    assertThat(run("compare", url, "1", "2").out())
        .containsPattern("(?m)^ +state +UNKNOWN +UNKNOWN$");
    assertThat(run("lineage", url, "LINEAGE OF ARTIFACTS WHERE id = 1").out())
        .contains("execution #1 Step 's' [UNKNOWN]").contains("artifact #1 Data 'd' [UNKNOWN]");
  }

  /** A type as tables show it: the last dotted part, in any case. */
  @Test
  void typeOptionsTakeTheShortNameInAnyCase() {
    Result full = run("executions", demoUrl(), "--type",
        "tfx.components.trainer.component.Trainer");
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(full.out()).contains("taxi-run-01.Trainer");
    for (String given : List.of("Trainer", "trainer", "TFX.components.trainer.component.TRAINER")) {
      Result r = run("executions", demoUrl(), "--type", given);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).as(given).isEqualTo(full.out());
    }
    Result models = run("artifacts", demoUrl(), "-t", "modelevaluation");
    assertThat(models.out()).isEqualTo(run("artifacts", demoUrl(), "-t", "ModelEvaluation").out())
        .contains("ModelEvaluation");
  }

  @Test
  void compareMarksTheRowsThatDiffer() {
    Result list = run("artifacts", demoUrl(), "--type", "ModelEvaluation");
    assertThat(list.exitCode()).isZero();
    String[] lines = list.out().split("\n");
    String first = lines[2].split(" +")[0];
    String second = lines[3].split(" +")[0];
    Result r = run("compare", demoUrl(), first, second);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("\\* +accuracy +0\\.\\d+ +0\\.\\d+")
        .containsPattern("(?m)^ +state +LIVE +LIVE$");
  }

  @Test
  void compareRefusesArtifactsOfDifferentTypes() {
    Result r = run("compare", demoUrl(), "1", "2");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("mlmd: compare takes artifacts of one type");
  }

  @Test
  void aBadUrlIsOneLineNamingTheBadPart() {
    Result r = run("summary", "jdbc:mlmd:postgres://h/db");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: Bad connection URL 'jdbc:mlmd:postgres://h/db':"
        + " unknown backend 'postgres'; expected fake, sqlite or mysql (INVALID_ARGUMENT)\n");
  }

  @Test
  void aMissingFileIsNotFoundWithoutStackTraceUnlessDebug() {
    String url = "jdbc:mlmd:sqlite:/nonexistent/dir/x.sqlite?mode=READONLY";
    Result r = run("types", url);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("/nonexistent/dir/x.sqlite").contains("(NOT_FOUND)")
        .doesNotContain("\tat ");
    Result debug = run("types", url, "--debug");
    assertThat(debug.err()).contains("\tat io.mlmd4j.");
  }

  @Test
  void anUnknownIdIsNotFound() {
    Result r = run("compare", demoUrl(), "1", "999999");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: No artifact with id 999999 (NOT_FOUND)\n");
  }

  @Test
  void migrateSaysWhatItDoesThenUpgrades() {
    Path copy = TestDatabases.copyOfFixture("tfx-v8-covertype.sqlite");
    String url = "jdbc:mlmd:sqlite:" + copy;
    Result r = run("migrate", url);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("is at schema version 8. Upgrading it to version 10 in 2 steps,"
        + " keeping its 190 rows (one transaction: all steps or none):\n"
        + "  to version  9: add external ids to types and nodes\n"
        + "  to version 10: add proto and boolean property values\n")
        .endsWith("Done: schema version 10.\n");
    // Not a terminal: plain lines, one per version step.
    assertThat(r.err()).isEqualTo("upgrade to version 10: 1/2 steps\n"
        + "upgrade to version 10: 2/2 steps\n");
    assertThat(run("migrate", url).out()).contains("is at schema version 10 already");
  }

  /** Two pipelines' stores in one: the second merged into a copy of the first. */
  @Test
  void copyMergeAddsAStoreToOneWithRows() {
    String lab = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    String covertype = "jdbc:mlmd:sqlite:"
        + TestDatabases.copyOfFixture("tfx-v8-covertype.sqlite");
    String target = TestDatabases.freshUrl(Backend.SQLITE);
    assertThat(run("migrate", covertype).exitCode()).isZero();
    assertThat(run("copy", lab, target).exitCode()).isZero();
    Result r = run("copy", "--merge", covertype, target);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Merging 16 types, 2 artifacts, 4 executions, 9 contexts,"
        + " 5 events (").contains("\n  into " + target + "\n").contains("Merged ");
    assertThat(run("summary", target).out()).contains("201 artifacts, 77 executions, 172"
        + " contexts");
  }

  /** On MySQL each step commits by itself: the plan says no "one transaction". */
  @Test
  void migrateUpgradesAMySqlStore() {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    MetadataStore.open(url).close();
    assertThatThrownBy(() -> MetadataStore.open(url + "&downgradeToSchemaVersion=8"))
        .hasMessageContaining("Downgrade migration was performed");
    Result r = run("migrate", url);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("is at schema version 8. Upgrading it to version 10 in 2 steps,"
        + " keeping its 9 rows:\n").endsWith("Done: schema version 10.\n");
    assertThat(r.err()).endsWith("upgrade to version 10: 2/2 steps\n");
    MetadataStore.open(url).close();
  }

  /** The round trip: a TFX store into MySQL and back, as the summary shows it. */
  @Test
  void copyTakesAStoreToMySqlAndBack() {
    String fixture = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    String mysql = TestDatabases.freshUrl(Backend.MYSQL);
    String back = TestDatabases.freshUrl(Backend.SQLITE);
    Result there = run("copy", fixture, mysql);
    assertThat(there.exitCode()).as(there.err()).isZero();
    assertThat(there.out()).startsWith("Copying 23 types, 199 artifacts, 73 executions, 163"
        + " contexts, 271 events (4067 rows in all)\n  from " + fixture + "\n  to ")
        .containsPattern("Copied 4067 rows in [0-9.]+ s \\([0-9]+ rows/s\\)\\.\n$");
    assertThat(there.err()).contains("Type: 23/23 rows\n").contains("EventPath: 542/542 rows\n");
    Result andBack = run("copy", mysql, back);
    assertThat(andBack.exitCode()).as(andBack.err()).isZero();
    Result original = run("summary", fixture);
    assertThat(run("summary", back).out().replace(back, fixture)).isEqualTo(original.out());
    assertThat(run("types", back).out()).isEqualTo(run("types", fixture).out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "types", "artifacts", "executions", "compare", "migrate",
      "copy", "demo", "lineage", "shell", "cached"})
  void everyCommandHasHelp(String command) {
    Result r = run(command, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: mlmd " + command);
  }

  /** The version is the build's (a release build's has no -SNAPSHOT), not a constant. */
  @Test
  void versionIsTheBuilds() {
    Result r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("mlmd4j " + System.getProperty("mlmd4j.version") + "\n");
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    Result r = run("types", "--colour");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("mlmd: Unknown option: '--colour'");
  }
}

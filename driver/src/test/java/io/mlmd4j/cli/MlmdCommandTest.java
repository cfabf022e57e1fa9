package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(r.out()).contains("is at schema version 8; upgrading it to 10")
        .contains("Done: schema version 10.");
    assertThat(run("migrate", url).out()).contains("is at schema version 10 already");
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary", "types", "artifacts", "executions", "compare", "migrate",
      "demo", "lineage", "shell", "cached"})
  void everyCommandHasHelp(String command) {
    Result r = run(command, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: mlmd " + command);
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    Result r = run("types", "--colour");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("mlmd: Unknown option: '--colour'");
  }
}

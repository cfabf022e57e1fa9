package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.cli.MlmdCommandTest.Result;
import io.mlmd4j.connect.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@code mlmd cached} on the demo store ({@link DemoStores#RUNS} runs): runs 2 and 3 reuse run
 * 1's examples (their ExampleGen is CACHED), so StatisticsGen ran three times on the same input.
 */
class CachedCommandTest {

  /** Parses the arguments as the command line would and runs the lookup on the store. */
  private static Result lookup(MetadataStore store, String... args) {
    CachedCommand command = new CachedCommand();
    new CommandLine(command).parseArgs(args);
    StringWriter out = new StringWriter();
    int code = command.lookup(store, new PrintWriter(out, true));
    return new Result(code, out.toString(), "");
  }

  private static long examplesOfRun1(MetadataStore store) {
    return store.query("LINEAGE OF EXECUTIONS WHERE name = 'taxi-run-01.CsvExampleGen'"
        + " MAX HOPS 1 RETURN ARTIFACTS").artifacts("artifacts").get(0).node().getId();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void findsTheExecutionsThatRanOnTheSameInputsNewestFirst(Backend backend) {
    try (MetadataStore store = DemoStores.open(backend)) {
      long examples = examplesOfRun1(store);
      Result r = lookup(store, "--type", "StatisticsGen", "--inputs", Long.toString(examples));
      assertThat(r.exitCode()).isZero();
      List<String> lines = r.out().lines().toList();
      assertThat(lines.get(0)).isEqualTo("3 cached executions of type"
          + " tfx.components.statistics_gen.component.StatisticsGen with inputs (" + examples
          + "), newest first:");
      assertThat(lines.get(1)).matches("ID +NAME +STATE +CREATED +PROPERTIES");
      assertThat(lines.subList(3, lines.size())).hasSize(3);
      assertThat(lines.get(3)).matches("\\d+ +taxi-run-03\\.StatisticsGen +COMPLETE +\\S+Z"
          + " +component_id=StatisticsGen, exclude_splits=\\[\\], pipeline_name=taxi,"
          + " run_id=taxi-run-03, stats_options_json=null");
      assertThat(lines.get(4)).contains("taxi-run-02.StatisticsGen");
      assertThat(lines.get(5)).contains("taxi-run-01.StatisticsGen");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesPropertiesAndFilters(Backend backend) {
    try (MetadataStore store = DemoStores.open(backend)) {
      long examples = examplesOfRun1(store);
      String id = Long.toString(examples);
      Result byRun = lookup(store, "-t", "tfx.components.statistics_gen.component.StatisticsGen",
          "-i", id, "--match", "run_id=taxi-run-02", "--match", "component_id='StatisticsGen'");
      assertThat(byRun.out()).contains("1 cached execution of type").contains("taxi-run-02")
          .doesNotContain("taxi-run-01.").doesNotContain("taxi-run-03.");
      Result failed = lookup(store, "-t", "StatisticsGen", "-i", id, "-w",
          "last_known_state = FAILED");
      assertThat(failed.exitCode()).isEqualTo(CachedCommand.NOTHING_CACHED);
      assertThat(failed.out()).isEqualTo("No cached execution of type"
          + " tfx.components.statistics_gen.component.StatisticsGen with inputs (" + id + ").\n");
      // A property of another type (an int, not a string) matches nothing.
      assertThat(lookup(store, "-t", "StatisticsGen", "-i", id, "-m", "run_id=3").exitCode())
          .isEqualTo(CachedCommand.NOTHING_CACHED);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void withoutInputsFindsTheExampleGensIncludingTheCachedOnes(Backend backend) {
    try (MetadataStore store = DemoStores.open(backend)) {
      Result r = lookup(store, "-t", "CsvExampleGen", "-i", "", "-w",
          "last_known_state = CACHED");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).startsWith("2 cached executions of type"
          + " tfx.components.example_gen.csv_example_gen.component.CsvExampleGen with inputs ()")
          .containsPattern("taxi-run-03\\.CsvExampleGen +CACHED")
          .containsPattern("taxi-run-02\\.CsvExampleGen +CACHED");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anUnknownTypeOrBadIdIsAnError(Backend backend) {
    try (MetadataStore store = DemoStores.open(backend)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> lookup(store, "-t", "Nope",
          "-i", "1")).isInstanceOf(MlmdException.class)
          .hasMessage("No execution type named 'Nope'");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> lookup(store, "-t", "Trainer",
          "-i", "1,x")).isInstanceOf(MlmdException.class)
          .hasMessage("'x' is not an artifact id");
    }
  }

  /** The command line itself, on the stores a URL can name again (not fake). */
  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void fromTheCommandLine(Backend backend) {
    String url = DemoStores.url(backend);
    long examples;
    try (MetadataStore store = MetadataStore.open(url)) {
      examples = examplesOfRun1(store);
    }
    Result r = MlmdCommandTest.run("cached", url, "--type", "StatisticsGen", "--inputs",
        Long.toString(examples), "--where", "last_known_state IN (COMPLETE, CACHED)");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("3 cached executions");
    Result none = MlmdCommandTest.run("cached", url, "--type", "StatisticsGen", "--inputs",
        "999999");
    assertThat(none.exitCode()).isEqualTo(5);
    assertThat(none.out()).startsWith("No cached execution");
    Result bad = MlmdCommandTest.run("cached", url, "--type", "Nope", "--inputs", "1");
    assertThat(bad.exitCode()).isEqualTo(3);
    assertThat(bad.err()).isEqualTo("mlmd: No execution type named 'Nope' (NOT_FOUND)\n");
    Result filter = MlmdCommandTest.run("cached", url, "--type", "Trainer", "--inputs", "1",
        "--where", "last_known_state ==");
    assertThat(filter.exitCode()).isEqualTo(3);
    assertThat(filter.err()).startsWith("mlmd: ").contains("line 1").hasLineCount(1);
  }

  @Test
  void needsATypeAndInputs() {
    Result r = MlmdCommandTest.run("cached", "jdbc:mlmd:fake", "--inputs", "1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("mlmd: Missing required option: '--type=TYPE'");
  }
}

package io.mlmd4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The harness itself: what counts as a failure, and how failures are collected and shrunk. */
class FuzzerTest {

  /** Strings of a, b and x: an x crashes, "ab" is a clean error. */
  private static final Function<Random, String> ABX = r -> {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      s.append("abx".charAt(r.nextInt(r.nextInt(10) == 0 ? 3 : 2)));
    }
    return s.toString();
  };

  private static Outcome crashOnX(String input) {
    try {
      if (input.contains("x")) {
        throw new NullPointerException("x");
      }
      if (input.contains("ab")) {
        throw MlmdException.invalidArgument("ab at %d", input.indexOf("ab"));
      }
      return Outcome.CLEAN;
    } catch (RuntimeException e) {
      return Outcome.ofStoreError(e);
    }
  }

  @Test
  void aCrashIsReportedOnceWithItsInputShrunk() {
    Fuzzer.Result result = new Fuzzer("self", 200, 10_000, 1).run(ABX, FuzzerTest::crashOnX,
        KnownFailures.none());

    assertThat(result.cases()).isEqualTo(200);
    assertThat(result.unknown()).singleElement().satisfies(f -> {
      assertThat(f.signature()).isEqualTo(
          "java.lang.NullPointerException at FuzzerTest.crashOnX");
      assertThat(f.input()).isEqualTo("x");
      assertThat(f.count()).isGreaterThan(1);
    });
    assertThat(Fuzzer.message(result)).contains("-Dmlmd4j.fuzz.seed=1", "input \"x\" (1 chars)");
  }

  @Test
  void theSameSeedRunsTheSameCases() {
    Fuzzer.Result one = new Fuzzer("self", 200, 10_000, 7).run(ABX, FuzzerTest::crashOnX,
        KnownFailures.none());
    Fuzzer.Result two = new Fuzzer("self", 200, 10_000, 7).run(ABX, FuzzerTest::crashOnX,
        KnownFailures.none());

    assertThat(two.unknown().get(0).caseSeed()).isEqualTo(one.unknown().get(0).caseSeed());
    assertThat(two.unknown().get(0).count()).isEqualTo(one.unknown().get(0).count());
  }

  @Test
  void aKnownFailureIsListedButDoesNotFailTheRun() {
    Fuzzer.Result result = new Fuzzer("self", 50, 10_000, 1).run(ABX,
        input -> Outcome.ofStoreError(new StackOverflowError()),
        KnownFailures.parse(List.of("# a comment", "* | StackOverflowError | a known defect")));

    assertThat(result.findings()).hasSize(1);
    assertThat(result.unknown()).isEmpty();
  }

  @Test
  void storeErrorsAreCleanOnlyWithACallersCode() {
    assertThat(Outcome.ofStoreError(MlmdException.invalidArgument("bad")).failed()).isFalse();
    assertThat(Outcome.ofStoreError(MlmdException.notFound("none")).failed()).isFalse();
    assertThat(Outcome.ofStoreError(
        MlmdException.internal("db", new SQLException("too many terms, max: 200"))).signature())
        .startsWith("MlmdException INTERNAL (SQLException: too many terms, max: N) at ");
    assertThat(Outcome.ofStoreError(new MlmdException(Code.UNKNOWN, "?")).failed()).isTrue();
    assertThat(Outcome.ofStoreError(new IllegalArgumentException()).failed()).isTrue();
  }

  @Test
  void sqlErrorsAreCleanOnlyWithAStateAndNoCrashInside() {
    assertThat(Outcome.ofSqlError(new SQLException("syntax", "42000")).failed()).isFalse();
    assertThat(Outcome.ofSqlError(new SQLException("general", "HY000",
        new IllegalArgumentException("bad"))).failed()).isFalse();
    assertThat(Outcome.ofSqlError(new SQLException("no state")).failed()).isTrue();
    assertThat(Outcome.ofSqlError(new SQLException("general", "HY000",
        new RuntimeException(new ClassCastException()))).signature())
        .startsWith("SQLState HY000 wrapping java.lang.ClassCastException at ");
    assertThat(Outcome.ofSqlError(new SQLTimeoutException("slow", "HYT00")).failed()).isTrue();
    assertThat(Outcome.ofSqlError(new StackOverflowError()).failed()).isTrue();
  }
}

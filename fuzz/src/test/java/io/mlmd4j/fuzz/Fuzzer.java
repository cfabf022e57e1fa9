package io.mlmd4j.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Runs one fuzz target for a bounded number of cases and seconds, collects its distinct failures
 * (one per signature, with the shortest input that showed it, shrunk further), writes them to
 * {@code target/fuzz/<target>.txt} and fails, with a short message, when one is not a known
 * failure.
 *
 * <p>Case {@code i} of a run with seed {@code s} is generated from a {@link Random} seeded with
 * {@code s + i}, so a run repeats with {@code -Dmlmd4j.fuzz.seed=s}. The budget is the smaller
 * of {@code -Dmlmd4j.fuzz.cases} and {@code -Dmlmd4j.fuzz.seconds} (each target has defaults
 * for the normal build).
 */
final class Fuzzer {

  /** A case slower than this is a failure of its own (a hang in the making). */
  static final long SLOW_MILLIS = 10_000;

  /** Inputs are cut to this length: longer ones cost time and test nothing more. */
  static final int MAX_INPUT = 100_000;

  /** Time spent shrinking one failure's input. */
  private static final long SHRINK_MILLIS = 2_000;

  private final String name;
  private final int cases;
  private final long millis;
  private final long seed;

  /** Each distinct failure: its signature, first detail, count and shortest input. */
  record Finding(String signature, String detail, long caseSeed, int count, String input) {}

  /** A finished run: cases run, time taken and what it found. */
  record Result(String target, long seed, int cases, long millis, List<Finding> findings,
      List<Finding> unknown, long slowestMillis, String slowestInput) {}

  /**
   * A run of target {@code name} with the budget and seed the system properties give, else
   * these defaults and {@link #DEFAULT_SEED}: the normal build runs the same cases each time
   * (as many as fit its time), so that it fails only for a change in the code.
   */
  Fuzzer(String name, int defaultCases, int defaultSeconds) {
    this(name, intProperty("mlmd4j.fuzz.cases", defaultCases),
        1000L * intProperty("mlmd4j.fuzz.seconds", defaultSeconds), seedProperty());
  }

  Fuzzer(String name, int cases, long millis, long seed) {
    this.name = name;
    this.cases = cases;
    this.millis = millis;
    this.seed = seed;
  }

  /** The seed of the normal build's runs. */
  static final long DEFAULT_SEED = 20261208;

  /** {@code -Dmlmd4j.fuzz.seed}: a number, or {@code random} for a new seed each run. */
  private static long seedProperty() {
    String s = System.getProperty("mlmd4j.fuzz.seed", "").trim();
    return s.isEmpty() ? DEFAULT_SEED
        : s.equals("random") ? new Random().nextLong() : Long.parseLong(s);
  }

  /**
   * Generates and runs cases until the budget ends; then shrinks each failure not known and
   * fails if there is one.
   */
  Result run(Function<Random, String> generator, Function<String, Outcome> target,
      KnownFailures known) {
    Map<String, Finding> found = new LinkedHashMap<>();
    long start = System.nanoTime();
    long deadline = start + millis * 1_000_000;
    int ran = 0;
    long slowest = -1;
    String slowestInput = "";
    while (ran < cases && System.nanoTime() < deadline) {
      long caseSeed = seed + ran;
      String input = generator.apply(new Random(caseSeed));
      if (input.length() > MAX_INPUT) {
        input = input.substring(0, MAX_INPUT);
      }
      ran++;
      long caseStart = System.nanoTime();
      Outcome outcome = target.apply(input);
      long caseMillis = (System.nanoTime() - caseStart) / 1_000_000;
      if (caseMillis > slowest) {
        slowest = caseMillis;
        slowestInput = input;
      }
      if (!outcome.failed() && caseMillis > SLOW_MILLIS) {
        outcome = Outcome.failure("slow case (over " + SLOW_MILLIS / 1000 + " s)",
            "took " + caseMillis + " ms");
      }
      if (outcome.failed()) {
        found.merge(outcome.signature(),
            new Finding(outcome.signature(), outcome.detail(), caseSeed, 1, input),
            (a, b) -> new Finding(a.signature(), a.detail(),
                b.input().length() < a.input().length() ? b.caseSeed() : a.caseSeed(),
                a.count() + 1,
                b.input().length() < a.input().length() ? b.input() : a.input()));
      }
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    List<Finding> findings = new ArrayList<>();
    List<Finding> unknown = new ArrayList<>();
    for (Finding f : found.values()) {
      boolean isKnown = known.matches(name, f.signature());
      // A slow case's every attempt would take the whole of SLOW_MILLIS.
      Finding shrunk = isKnown || f.signature().startsWith("slow case") ? f : shrink(f, target);
      findings.add(shrunk);
      if (!isKnown) {
        unknown.add(shrunk);
      }
    }
    Result result =
        new Result(name, seed, ran, took, findings, unknown, slowest, slowestInput);
    write(result);
    return result;
  }

  /** The failure message for a result with unknown failures, short enough to read. */
  static String message(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(r.unknown().size()).append(" new failure(s) fuzzing ").append(r.target())
        .append(" (seed ").append(r.seed()).append(", ").append(r.cases())
        .append(" cases; rerun with -Dmlmd4j.fuzz.seed=").append(r.seed())
        .append("; all findings in ").append(reportFile(r.target()).toAbsolutePath())
        .append("):");
    for (Finding f : r.unknown()) {
      s.append("\n- ").append(f.signature()).append(" (").append(f.count()).append(" cases)")
          .append("\n  input ").append(Texts.show(f.input()))
          .append("\n  ").append(Texts.shorten(f.detail(), 600).replace("\n", "\n  "));
    }
    return s.toString();
  }

  /**
   * The finding with its input made shorter while the same signature still shows: removes
   * ever smaller chunks (halves, quarters, ... single characters) while time lasts.
   */
  private static Finding shrink(Finding f, Function<String, Outcome> target) {
    long deadline = System.nanoTime() + SHRINK_MILLIS * 1_000_000;
    String best = f.input();
    int chunk = Math.max(1, best.length() / 2);
    while (System.nanoTime() < deadline) {
      boolean progress = false;
      for (int at = 0; at + chunk <= best.length() && System.nanoTime() < deadline; ) {
        String candidate = best.substring(0, at) + best.substring(at + chunk);
        if (f.signature().equals(target.apply(candidate).signature())) {
          best = candidate;
          progress = true;
        } else {
          at += chunk;
        }
      }
      if (!progress) {
        if (chunk == 1) {
          break;
        }
        chunk = Math.max(1, chunk / 2);
      }
    }
    return new Finding(f.signature(), f.detail(), f.caseSeed(), f.count(), best);
  }

  private static Path reportFile(String target) {
    return Path.of("target", "fuzz", target + ".txt");
  }

  /** Every finding, known ones included, in full (inputs escaped, cut at 20,000 chars). */
  private static void write(Result r) {
    StringBuilder s = new StringBuilder();
    s.append("target ").append(r.target()).append(", seed ").append(r.seed()).append(", ")
        .append(r.cases()).append(" cases in ").append(r.millis()).append(" ms, ")
        .append(r.findings().size()).append(" distinct failures, ")
        .append(r.unknown().size()).append(" not known\nslowest case ")
        .append(r.slowestMillis()).append(" ms: ").append(Texts.show(r.slowestInput()))
        .append("\n");
    for (Finding f : r.findings()) {
      s.append("\n").append(r.unknown().contains(f) ? "NEW " : "known ").append(f.signature())
          .append("\n  cases: ").append(f.count()).append(", first seed ").append(f.caseSeed())
          .append("\n  input: \"").append(Texts.shorten(Texts.escape(f.input()), 20_000))
          .append("\"\n  ").append(Texts.shorten(f.detail(), 5000).replace("\n", "\n  "))
          .append("\n");
    }
    try {
      Path file = reportFile(r.target());
      Files.createDirectories(file.getParent());
      Files.writeString(file, s, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int intProperty(String key, int fallback) {
    String value = System.getProperty(key, "");
    return value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}

package io.mlmd4j.bench;

import io.mlmd4j.connect.Backend;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints their table: for each backend, {@code putArtifacts},
 * {@code putExecution} and the two reads, each against its hand-written JDBC baseline in the
 * same run. Progress and details go to standard error, the table to standard output.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    // Before any logger exists: the embedded server and the pool log plenty at INFO.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // The store's pool settings draw a warning on every open; once is in the report.
    System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari.HikariConfig", "error");
    if (List.of(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    TfxWorkload workload = new TfxWorkload("bench", options.seed());
    List<Row> rows = new ArrayList<>();
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    try (BenchDatabases databases = new BenchDatabases()) {
      for (Backend backend : options.backends()) {
        log("%s%s", name(backend), backend == Backend.MYSQL
            ? " (" + databases.mysqlDescription() + ")" : "");
        if (options.benchmarks().contains(BenchOptions.PUT_ARTIFACTS)) {
          rows.addAll(new PutArtifactsBench(databases, workload, options.artifacts(), 1,
              options.rounds()).run(backend));
        }
        if (options.benchmarks().contains(BenchOptions.PUT_EXECUTION)) {
          rows.addAll(new PutExecutionBench(databases, workload, options.steps()).run(backend));
        }
        if (options.benchmarks().contains(BenchOptions.READS)) {
          rows.addAll(new ReadBench(databases, workload, options.reads(), 3,
              2 * options.rounds()).run(backend));
        }
        if (options.benchmarks().contains(BenchOptions.QUERIES)) {
          rows.addAll(new LineageBench(databases, options.executions(), 3,
              2 * options.rounds()).run(backend));
        }
        if (options.benchmarks().contains(BenchOptions.DRIVER)) {
          rows.addAll(new DriverBench(databases, workload, options.reads(), 3,
              2 * options.rounds(), options.driverJar() != null
                  ? Path.of(options.driverJar()) : DriverBench.defaultJar())
              .run(backend));
        }
      }
    }
    // Other work on the machine skews every figure: the load average says how much there was.
    System.out.printf(Locale.ROOT, "mlmd4j bench: %s%nJava %s, %d cores, load average %.1f"
        + " before and %.1f after; %.0f s%n%n", options, Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(),
        (System.nanoTime() - start) / 1e9);
    ResultTable.print(rows, System.out);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String name(Backend backend) {
    return backend.name().toLowerCase(Locale.ROOT);
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, format + "%n", args);
  }

  /** The first line of a message, at most 60 characters. */
  static String shorten(String message) {
    return shorten(message, 60);
  }

  /** The first line of a message, at most {@code max} characters. */
  static String shorten(String message, int max) {
    String line = message.lines().findFirst().orElse("");
    return line.length() <= max ? line : line.substring(0, max - 3) + "...";
  }
}

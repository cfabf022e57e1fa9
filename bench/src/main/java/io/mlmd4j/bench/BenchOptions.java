package io.mlmd4j.bench;

import io.mlmd4j.connect.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a benchmark run measures and how much: the backends, the benchmarks, their sizes, how
 * many rounds, and the workload's seed. {@link #parse} reads {@code --name=value} arguments.
 */
record BenchOptions(List<Backend> backends, Set<String> benchmarks, int artifacts, int steps,
    int reads, int executions, int rounds, long seed, String driverJar) {

  static final String PUT_ARTIFACTS = "putArtifacts";
  static final String PUT_EXECUTION = "putExecution";
  static final String READS = "reads";
  static final String QUERIES = "queries";
  static final String DRIVER = "driver";
  private static final List<String> ALL =
      List.of(PUT_ARTIFACTS, PUT_EXECUTION, READS, QUERIES, DRIVER);

  static final String USAGE = String.join("\n",
      "Usage: bench/run.sh [options]",
      "  --backends=sqlite,mysql   backends to measure (default both)",
      "  --only=putArtifacts,putExecution,reads,queries,driver   benchmarks to run (default"
          + " all)",
      "  --artifacts=N   artifacts a putArtifacts call writes (default 10000)",
      "  --steps=N       putExecution calls measured (default 10000, after N/10 warm-up calls)",
      "  --reads=N       artifacts in the store that the reads return (default 10000)",
      "  --executions=N  executions of the queries' lineage graph, with three times as many"
          + " artifacts (default 100000)",
      "  --rounds=N      measured rounds of putArtifacts, and twice as many of the reads"
          + " (default 5)",
      "  --seed=N        the workload's seed (default 42)",
      "  --driver-jar=F  the driver's self-contained jar, for the driver group's fresh-JVM runs"
          + " (default driver/target/mlmd4j-<version>.jar)",
      "  --quick         small sizes for a check: 1000 artifacts, 500 steps, 1000 reads,"
          + " 5000 executions, 2 rounds",
      "  --help          this text",
      "The MySQL server is the one MLMD4J_BENCH_MYSQL_URL names"
          + " (jdbc:mlmd:mysql://host:port/?user=..&password=..), else an embedded MariaDB.");

  static BenchOptions parse(String... args) {
    List<Backend> backends = List.of(Backend.SQLITE, Backend.MYSQL);
    Set<String> benchmarks = new LinkedHashSet<>(ALL);
    int artifacts = 10_000;
    int steps = 10_000;
    int reads = 10_000;
    int executions = 100_000;
    int rounds = 5;
    long seed = 42;
    String driverJar = null;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? "" : arg.substring(eq + 1);
      switch (name) {
        case "--backends" -> {
          List<Backend> list = new ArrayList<>();
          for (String b : value.split(",")) {
            String upper = b.trim().toUpperCase(Locale.ROOT);
            if (!upper.equals("SQLITE") && !upper.equals("MYSQL")) {
              // The baselines need a database that a second connection can reach.
              throw new IllegalArgumentException("Unknown backend '" + b + "': sqlite or mysql"
                  + "\n" + USAGE);
            }
            list.add(Backend.valueOf(upper));
          }
          backends = list;
        }
        case "--only" -> {
          benchmarks = new LinkedHashSet<>(List.of(value.split(",")));
          for (String b : benchmarks) {
            if (!ALL.contains(b)) {
              throw new IllegalArgumentException("Unknown benchmark '" + b + "'\n" + USAGE);
            }
          }
        }
        case "--artifacts" -> artifacts = positive(name, value);
        case "--steps" -> steps = positive(name, value);
        case "--reads" -> reads = positive(name, value);
        case "--executions" -> executions = positive(name, value);
        case "--rounds" -> rounds = positive(name, value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--driver-jar" -> driverJar = value;
        case "--quick" -> {
          artifacts = 1_000;
          steps = 500;
          reads = 1_000;
          executions = 5_000;
          rounds = 2;
        }
        default -> throw new IllegalArgumentException("Unknown option '" + arg + "'\n" + USAGE);
      }
    }
    return new BenchOptions(backends, benchmarks, artifacts, steps, reads, executions, rounds,
        seed, driverJar);
  }

  private static int positive(String name, String value) {
    int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
    if (n <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return n;
  }
}

package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.PutArtifactsRequest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The JDBC driver's figures, each against plain JDBC (sqlite-jdbc, Connector/J) on the same
 * database: a point query re-executed through one {@code PreparedStatement}; ad-hoc queries
 * through {@code Statement} (each planned anew), with their planning time on its own; and the
 * first query of a fresh JVM, timed from the process's start to its first row, plain and with
 * a class-data-sharing archive. The store holds pipeline runs of {@link TfxWorkload} and bulk
 * artifacts.
 */
final class DriverBench {

  /** Point queries per measured round. */
  private static final int POINT_CALLS = 1_000;
  /**
   * Warm-up rounds of point queries at least: the driver's path through Calcite and Avatica is
   * deep, and runs at about twice its speed once the JIT has compiled it fully, after some
   * 10,000 calls.
   */
  private static final int POINT_WARM_UP_ROUNDS = 20;
  /** Ad-hoc queries per measured round. */
  private static final int AD_HOC_CALLS = 20;
  private static final int PIPELINE_RUNS = 20;

  private final BenchDatabases databases;
  private final TfxWorkload workload;
  private final int artifacts;
  private final int warmUpRounds;
  private final int rounds;
  private final Path jar;
  /** {@link FirstQueryProbe}'s jar, while the fresh-JVM runs last. */
  private Path probeJar;

  /**
   * {@code jar} is the driver's self-contained jar for the fresh-JVM runs; null leaves them
   * out.
   */
  DriverBench(BenchDatabases databases, TfxWorkload workload, int artifacts, int warmUpRounds,
      int rounds, Path jar) {
    this.databases = databases;
    this.workload = workload;
    this.artifacts = artifacts;
    this.warmUpRounds = warmUpRounds;
    this.rounds = rounds;
    this.jar = jar;
  }

  /** One timed side of a comparison; returns what it read, for checking the sides agree. */
  @FunctionalInterface
  private interface Call {
    List<String> run(int i) throws SQLException;
  }

  List<Row> run(Backend backend) throws Exception {
    String url = databases.freshUrl(backend);
    try {
      try (MetadataStore store = MetadataStore.open(url)) {
        for (int i = 0; i < PIPELINE_RUNS; i++) {
          workload.pipelineRun(store, i);
        }
        store.putArtifacts(PutArtifactsRequest.newBuilder()
            .addAllArtifacts(workload.artifacts(TfxTypes.register(store), artifacts)).build());
      }
      List<Row> rows = new ArrayList<>();
      long someId;
      try (Connection driver = DriverManager.getConnection(url);
          Connection raw = BenchDatabases.openJdbc(url)) {
        raw.setAutoCommit(true);
        List<Long> ids = ids(raw);
        someId = ids.get(ids.size() / 2);
        rows.add(pointQuery(backend, driver, raw, ids));
        rows.add(preparedPerCall(backend, driver, raw, ids));
        rows.add(adHoc("ad-hoc point query, Statement", backend, driver, raw,
            i -> "SELECT name, uri FROM artifacts WHERE id = " + ids.get(i % ids.size()),
            i -> "SELECT name, uri FROM Artifact WHERE id = " + ids.get(i % ids.size())));
        rows.add(adHoc("ad-hoc join + group + sort + limit, Statement", backend, driver, raw,
            i -> "SELECT a.type, COUNT(*) FROM artifacts a JOIN events e"
                + " ON e.artifact_id = a.id WHERE e.type = 'OUTPUT' AND a.id > " + i
                + " GROUP BY a.type ORDER BY 2 DESC, 1 LIMIT 3",
            i -> "SELECT t.name, COUNT(*) FROM Artifact a JOIN Type t ON t.id = a.type_id"
                + " JOIN Event e ON e.artifact_id = a.id WHERE e.type = 4 AND a.id > " + i
                + " GROUP BY t.name ORDER BY 2 DESC, 1 LIMIT 3"));
      }
      if (jar == null) {
        Bench.log("  no driver jar: first-query runs left out (--driver-jar)");
      } else {
        rows.addAll(firstQuery(backend, url, someId));
      }
      return rows;
    } finally {
      databases.drop(url);
    }
  }

  private static List<Long> ids(Connection raw) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM Artifact ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    // A fixed shuffle: consecutive calls read rows far apart.
    Collections.shuffle(ids, new Random(7));
    return ids;
  }

  /** {@value #POINT_CALLS} executions of one prepared point query per round, each side. */
  private Row pointQuery(Backend backend, Connection driver, Connection raw, List<Long> ids)
      throws SQLException {
    try (PreparedStatement d = driver.prepareStatement(
            "SELECT name, uri FROM artifacts WHERE id = ?");
        PreparedStatement r = raw.prepareStatement(
            "SELECT name, uri FROM Artifact WHERE id = ?")) {
      Call viaDriver = i -> point(d, ids.get(i % ids.size()));
      Call viaRaw = i -> point(r, ids.get(i % ids.size()));
      Samples[] samples = compare("point query", viaDriver, viaRaw, POINT_CALLS,
          Math.max(warmUpRounds, POINT_WARM_UP_ROUNDS), 1e3);
      Bench.log("  point query, PreparedStatement %s: driver %s us; plain JDBC %s us", backend,
          samples[0], samples[1]);
      return new Row("point query re-executed, PreparedStatement", Bench.name(backend), "us",
          samples[0].median(), samples[1].median(), false, "");
    }
  }

  /**
   * {@value #POINT_CALLS} point queries per round, each through a PreparedStatement of its own,
   * as Spring's JdbcTemplate runs them: the driver plans the text once per connection.
   */
  private Row preparedPerCall(Backend backend, Connection driver, Connection raw, List<Long> ids)
      throws SQLException {
    Call viaDriver = i -> pointOnce(driver, "SELECT name, uri FROM artifacts WHERE id = ?",
        ids.get(i % ids.size()));
    Call viaRaw = i -> pointOnce(raw, "SELECT name, uri FROM Artifact WHERE id = ?",
        ids.get(i % ids.size()));
    Samples[] samples = compare("point query prepared per call", viaDriver, viaRaw, POINT_CALLS,
        Math.max(warmUpRounds, POINT_WARM_UP_ROUNDS), 1e3);
    Bench.log("  point query, a PreparedStatement per call %s: driver %s us; plain JDBC %s us",
        backend, samples[0], samples[1]);
    return new Row("point query, a new PreparedStatement per call", Bench.name(backend), "us",
        samples[0].median(), samples[1].median(), false, "");
  }

  private static List<String> pointOnce(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      return point(s, id);
    }
  }

  private static List<String> point(PreparedStatement s, long id) throws SQLException {
    s.setLong(1, id);
    try (ResultSet rs = s.executeQuery()) {
      return rows(rs);
    }
  }

  /**
   * {@value #AD_HOC_CALLS} new queries per round each side, and as many prepared (planned) by
   * the driver without running them.
   */
  private Row adHoc(String operation, Backend backend, Connection driver, Connection raw,
      IntFunction<String> driverSql, IntFunction<String> rawSql) throws SQLException {
    Call viaDriver = i -> query(driver, driverSql.apply(i));
    Call viaRaw = i -> query(raw, rawSql.apply(i));
    Samples[] samples = compare(operation, viaDriver, viaRaw, AD_HOC_CALLS, warmUpRounds, 1);
    Samples planning = new Samples();
    Samples planningCpu = new Samples();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int offset = 1_000_000;
    for (int round = 0; round < warmUpRounds + rounds; round++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < AD_HOC_CALLS; i++) {
        driver.prepareStatement(driverSql.apply(offset++)).close();
      }
      if (round >= warmUpRounds) {
        planning.add((System.nanoTime() - start) / 1e6 / AD_HOC_CALLS);
        planningCpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / AD_HOC_CALLS);
      }
    }
    Bench.log("  %s %s: driver %s ms (planning %s ms, CPU %s ms); plain JDBC %s ms", operation,
        backend, samples[0], planning, planningCpu, samples[1]);
    return new Row(operation, Bench.name(backend), "ms", samples[0].median(),
        samples[1].median(), false, String.format(Locale.ROOT,
            "planning %.1f ms (%.1f ms CPU)", planning.median(), planningCpu.median()));
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        row.append(rs.getString(i)).append('|');
      }
      rows.add(row.toString());
    }
    return rows;
  }

  /**
   * Per-call time of each side (driver first, then plain JDBC) in ms times {@code scale}, one
   * sample a measured round of {@code calls} calls after {@code warmUps} rounds; the sides
   * alternate which goes first, and must read the same rows.
   */
  private Samples[] compare(String operation, Call driver, Call raw, int calls, int warmUps,
      double scale) throws SQLException {
    Samples[] samples = {new Samples(), new Samples()};
    int next = 0;
    for (int round = 0; round < warmUps + rounds; round++) {
      int from = next;
      next += calls;
      for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        Call call = side == 0 ? driver : raw;
        long start = System.nanoTime();
        for (int i = from; i < from + calls; i++) {
          call.run(i);
        }
        if (round >= warmUps) {
          samples[side].add((System.nanoTime() - start) / 1e6 / calls * scale);
        }
      }
      if (round == 0) {
        for (int i = from; i < from + Math.min(calls, 20); i++) {
          List<String> a = driver.run(i);
          List<String> b = raw.run(i);
          if (!a.equals(b)) {
            throw new IllegalStateException(operation + ": the driver read " + a
                + ", plain JDBC " + b);
          }
        }
      }
    }
    return samples;
  }

  /**
   * The first query of a fresh JVM on the driver's jar against plain JDBC's, from process start
   * to first row: a text new to the machine (the driver's saved plans off); the same text planned
   * and saved by an earlier JVM; a new text with a class-data-sharing archive made by a run of
   * the same command ({@code -XX:ArchiveClassesAtExit}), then with that archive and the client
   * compiler only ({@code -XX:TieredStopAtLevel=1}).
   */
  private List<Row> firstQuery(Backend backend, String url, long id) throws Exception {
    List<String> driverCommand = List.of(url, "SELECT name, uri FROM artifacts WHERE id = " + id);
    List<String> rawCommand = List.of(BenchDatabases.plainJdbcUrl(url),
        "SELECT name, uri FROM Artifact WHERE id = " + id);
    Path dir = Files.createTempDirectory("mlmd4j-cds");
    try {
      probeJar = probeJar(dir);
      Path driverArchive = dir.resolve("driver.jsa");
      Path rawArchive = dir.resolve("raw.jsa");
      String noSavedPlans = "-Dmlmd4j.planCache=off";
      String savedPlans = "-Dmlmd4j.planCache=" + dir.resolve("plans");
      runProbe(List.of("-XX:ArchiveClassesAtExit=" + driverArchive, noSavedPlans),
          driverCommand);
      runProbe(List.of("-XX:ArchiveClassesAtExit=" + rawArchive), rawCommand);
      runProbe(List.of(savedPlans), driverCommand);
      List<Row> rows = new ArrayList<>();
      rows.add(firstQuery("first query in a fresh JVM", backend, List.of(noSavedPlans),
          List.of(), driverCommand, rawCommand));
      rows.add(firstQuery("first query in a fresh JVM, plan saved by an earlier JVM", backend,
          List.of(savedPlans), List.of(), driverCommand, rawCommand));
      rows.add(firstQuery("first query in a fresh JVM, CDS archive", backend,
          List.of("-XX:SharedArchiveFile=" + driverArchive, noSavedPlans),
          List.of("-XX:SharedArchiveFile=" + rawArchive), driverCommand, rawCommand));
      rows.add(firstQuery("first query in a fresh JVM, CDS archive + C1 only", backend,
          List.of("-XX:SharedArchiveFile=" + driverArchive, "-XX:TieredStopAtLevel=1",
              noSavedPlans),
          List.of("-XX:SharedArchiveFile=" + rawArchive, "-XX:TieredStopAtLevel=1"),
          driverCommand, rawCommand));
      return rows;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Row firstQuery(String operation, Backend backend, List<String> driverOptions,
      List<String> rawOptions, List<String> driverCommand, List<String> rawCommand)
      throws Exception {
    Samples driver = new Samples();
    Samples raw = new Samples();
    for (int round = 0; round < rounds; round++) {
      for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        if (side == 0) {
          driver.add(runProbe(driverOptions, driverCommand));
        } else {
          raw.add(runProbe(rawOptions, rawCommand));
        }
      }
    }
    Bench.log("  %s %s: driver %s ms; plain JDBC %s ms", operation, backend, driver, raw);
    return new Row(operation, Bench.name(backend), "ms", driver.median(), raw.median(), false,
        "");
  }

  /** Runs {@link FirstQueryProbe} in a new JVM; the ms from its start to its first row. */
  private double runProbe(List<String> jvmOptions, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(jar + File.pathSeparator + probeJar);
    command.add(FirstQueryProbe.class.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = builder.start();
    double millis = Double.NaN;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (Double.isNaN(millis) && line.startsWith(FirstQueryProbe.FIRST_ROW)) {
          millis = (System.nanoTime() - start) / 1e6;
        }
        output.append(line).append('\n');
      }
    }
    int status = p.waitFor();
    if (status != 0 || Double.isNaN(millis)) {
      throw new IllegalStateException("The first-query probe failed (" + status + "): "
          + String.join(" ", command) + "\n" + output);
    }
    return millis;
  }

  /**
   * A jar of {@link FirstQueryProbe} alone: a class-data-sharing archive takes its classes from
   * jars only, not from directories.
   */
  private static Path probeJar(Path dir) throws IOException {
    Path probe = dir.resolve("probe.jar");
    String entry = FirstQueryProbe.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(probe));
        InputStream in = FirstQueryProbe.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return probe;
  }

  /** The driver's jar in {@code driver/target} under the working directory, or null. */
  static Path defaultJar() throws IOException {
    Path target = Path.of("driver", "target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(f -> f.getFileName().toString().matches("mlmd4j-[0-9].*\\.jar"))
          .findFirst().orElse(null);
    }
  }
}

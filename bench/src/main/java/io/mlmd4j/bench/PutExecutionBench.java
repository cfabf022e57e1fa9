package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxComponent;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.LineageOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PutExecution} of TFX's Trainer step, 3 inputs (stored artifacts) and 2 new outputs
 * with their events, in 2 stored contexts, repeated n times on one store after n/10 warm-up
 * calls, against {@link JdbcStepWriter} writing the same steps into another store.
 *
 * <p>Round trips a call are counted two ways. On the client, both sides run up to 100 more
 * steps on a {@link StatementCounter} connection; the store's side runs its own
 * {@link LineageOperations} there inside the transaction its source would open, since a store
 * opened by URL offers no way to wrap its connections. On MySQL the server counts too: the
 * delta of its {@code Questions} status around the timed calls covers everything the store and
 * its pool sent.
 */
final class PutExecutionBench {

  /** Most steps run on a counting connection, per side. */
  private static final int COUNTED_STEPS = 100;

  private final BenchDatabases databases;
  private final TfxWorkload workload;
  private final int steps;
  private final int warmUp;
  private final int counted;

  PutExecutionBench(BenchDatabases databases, TfxWorkload workload, int steps) {
    this.databases = databases;
    this.workload = workload;
    this.steps = steps;
    this.warmUp = Math.max(1, steps / 10);
    this.counted = Math.min(steps, COUNTED_STEPS);
  }

  /** What one side measured: calls a second, and round trips a call on client and server. */
  private record Measured(double callsPerSecond, double clientRoundTrips,
      double serverQuestions, Samples latencyMillis) {

    @Override
    public String toString() {
      return String.format("%.0f calls/s, latency ms p50 %.3f p99 %.3f max %.3f, round trips"
          + " %.2f (server %.2f)", callsPerSecond, latencyMillis.median(),
          latencyMillis.percentile(99), latencyMillis.max(), clientRoundTrips, serverQuestions);
    }
  }

  List<Row> run(Backend backend) throws SQLException {
    String failure = "";
    Measured store = null;
    String url = databases.freshUrl(backend);
    try {
      store = storeSide(url);
    } catch (MlmdException e) {
      failure = e.code() + ": " + e.getMessage();
      Bench.log("  putExecution on %s failed: %s", backend, failure);
    } finally {
      databases.drop(url);
    }
    url = databases.freshUrl(backend);
    Measured baseline;
    try {
      baseline = baselineSide(url);
    } finally {
      databases.drop(url);
    }
    Bench.log("  putExecution %s: mlmd4j %s; baseline %s", backend,
        store == null ? "-" : store, baseline);
    String name = Bench.name(backend);
    String note = failure.isEmpty() ? "" : "mlmd4j failed: " + Bench.shorten(failure);
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("putExecution 3 in, 2 out, 2 ctx", name, "calls/s",
        store == null ? Double.NaN : store.callsPerSecond(), baseline.callsPerSecond(), true,
        note));
    rows.add(new Row("  round trips a call, JDBC", name, "count",
        store == null ? Double.NaN : store.clientRoundTrips(), baseline.clientRoundTrips(),
        false, note));
    if (backend == Backend.MYSQL) {
      rows.add(new Row("  round trips a call, server Questions", name, "count",
          store == null ? Double.NaN : store.serverQuestions(), baseline.serverQuestions(),
          false, note));
    }
    return rows;
  }

  private Measured storeSide(String url) throws SQLException {
    Dialect dialect = BenchDatabases.dialect(url);
    List<PutExecutionRequest> requests;
    long[] nanos = new long[steps];
    Map<String, Long> server;
    try (MetadataStore store = MetadataStore.open(url)) {
      requests = setUp(store);
      for (int i = 0; i < warmUp; i++) {
        store.putExecution(requests.get(i));
      }
      server = timed(dialect, nanos, i -> store.putExecution(requests.get(warmUp + i)));
    }
    StatementCounter counter = new StatementCounter();
    try (Connection raw = BenchDatabases.openJdbc(url)) {
      Connection c = counter.wrap(raw);
      for (PutExecutionRequest request : counted(requests)) {
        Transactions.run(c, dialect, true,
            conn -> new LineageOperations(conn, dialect).putExecution(request));
      }
    }
    checkWritten(url, requests.size());
    return measured("mlmd4j", nanos, counter, server);
  }

  private Measured baselineSide(String url) throws SQLException {
    Dialect dialect = BenchDatabases.dialect(url);
    List<PutExecutionRequest> requests;
    try (MetadataStore store = MetadataStore.open(url)) {
      requests = setUp(store);
    }
    long[] nanos = new long[steps];
    Map<String, Long> server;
    try (Connection c = BenchDatabases.openJdbc(url);
        JdbcStepWriter writer = new JdbcStepWriter(c, dialect)) {
      for (int i = 0; i < warmUp; i++) {
        writer.put(requests.get(i));
      }
      server = timed(dialect, nanos, i -> writer.put(requests.get(warmUp + i)));
    }
    StatementCounter counter = new StatementCounter();
    try (Connection raw = BenchDatabases.openJdbc(url);
        JdbcStepWriter writer = new JdbcStepWriter(counter.wrap(raw), dialect)) {
      for (PutExecutionRequest request : counted(requests)) {
        writer.put(request);
      }
    }
    checkWritten(url, requests.size());
    return measured("baseline", nanos, counter, server);
  }

  /** The i-th timed call. */
  @FunctionalInterface
  private interface Call {
    void run(int i) throws SQLException;
  }

  /**
   * Times each of the n calls into {@code nanos}; on MySQL returns the server's statement
   * counts over all of them (empty on SQLite).
   */
  private Map<String, Long> timed(Dialect dialect, long[] nanos, Call call) throws SQLException {
    try (Connection server = dialect == Dialect.MYSQL ? databases.openMySqlServer() : null) {
      ServerCounters before = server == null ? null : ServerCounters.read(server);
      System.gc();
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        call.run(i);
        nanos[i] = System.nanoTime() - start;
      }
      return server == null ? Map.of() : ServerCounters.read(server).since(before);
    }
  }

  /**
   * Stores the pipeline and run contexts and the Trainer's three inputs, reads them back as a
   * TFX driver would, and builds every request this side will run.
   */
  private List<PutExecutionRequest> setUp(MetadataStore store) {
    TfxTypes types = TfxTypes.register(store);
    List<Long> contextIds = store.putContexts(PutContextsRequest.newBuilder()
        .addContexts(workload.pipelineContext(types))
        .addContexts(workload.runContext(types, "bench-run")).build()).getContextIdsList();
    List<Context> contexts = store.getContextsByID(GetContextsByIDRequest.newBuilder()
        .addAllContextIds(contextIds).build()).getContextsList();
    Map<String, Artifact> upstream = workload.upstreamArtifacts(types, TfxComponent.TRAINER);
    List<Long> ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
        .addAllArtifacts(upstream.values()).build()).getArtifactIdsList();
    Map<Long, Artifact> read = new LinkedHashMap<>();
    for (Artifact a : store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
        .addAllArtifactIds(ids).build()).getArtifactsList()) {
      read.put(a.getId(), a);
    }
    Map<String, Artifact> inputs = new LinkedHashMap<>();
    int i = 0;
    for (String key : upstream.keySet()) {
      inputs.put(key, read.get(ids.get(i++)));
    }
    List<PutExecutionRequest> requests = new ArrayList<>();
    for (int step = 0; step < warmUp + steps + counted; step++) {
      requests.add(workload.completedStep(types, TfxComponent.TRAINER, step, inputs, contexts));
    }
    return requests;
  }

  private List<PutExecutionRequest> counted(List<PutExecutionRequest> requests) {
    return requests.subList(warmUp + steps, requests.size());
  }

  private Measured measured(String side, long[] nanos, StatementCounter counter,
      Map<String, Long> server) {
    long total = 0;
    Samples latency = new Samples();
    for (long n : nanos) {
      total += n;
      latency.add(n / 1e6);
    }
    if (!server.isEmpty()) {
      Bench.log("    %s: server commands a call: %s", side,
          ServerCounters.perCall(server, steps));
    }
    Bench.log("    %s: JDBC round trips a call:", side);
    counter.bySql().forEach((sql, n) -> Bench.log("      %5.2f  %s", (double) n / counted,
        Bench.shorten(sql.replaceAll("\\s+", " "), 90)));
    return new Measured(steps / (total / 1e9), (double) counter.roundTrips() / counted,
        server.isEmpty() ? Double.NaN : (double) server.getOrDefault("Questions", 0L) / steps,
        latency);
  }

  /** Checks that every step left its execution, outputs, events and links. */
  private void checkWritten(String url, int executions) throws SQLException {
    String expected = List.of(executions, 3L + 2L * executions, 5L * executions,
        10L * executions, 2L * executions, 6L + 4L * executions).toString();
    List<Long> found = new ArrayList<>();
    try (Connection c = BenchDatabases.openJdbc(url); Statement s = c.createStatement()) {
      for (String table : List.of("Execution", "Artifact", "Event", "EventPath", "Association",
          "Attribution")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          found.add(rs.getLong(1));
        }
      }
    }
    if (!expected.equals(found.toString())) {
      throw new IllegalStateException("The store at " + url + " holds other rows than the steps"
          + " put: expected (Execution, Artifact, Event, EventPath, Association, Attribution) "
          + expected + ", found " + found);
    }
  }
}

package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Latency of reading n artifacts with their properties: {@code GetArtifactsByID} of all their
 * ids, and {@code GetArtifactsByContext} of the context they are all attributed to, against
 * {@link JdbcBaseline}'s queries reading the same rows from the same store. Each round times
 * both reads, the two sides in alternating order; the first rounds warm up, and the first one
 * checks that both sides read the same artifacts.
 */
final class ReadBench {

  private final BenchDatabases databases;
  private final TfxWorkload workload;
  private final int count;
  private final int warmUpRounds;
  private final int rounds;

  ReadBench(BenchDatabases databases, TfxWorkload workload, int count, int warmUpRounds,
      int rounds) {
    this.databases = databases;
    this.workload = workload;
    this.count = count;
    this.warmUpRounds = warmUpRounds;
    this.rounds = rounds;
  }

  /** One read, as the store or the baseline does it. */
  @FunctionalInterface
  private interface Read {
    List<Artifact> run() throws SQLException;
  }

  List<Row> run(Backend backend) throws SQLException {
    String url = databases.freshUrl(backend);
    Dialect dialect = BenchDatabases.dialect(url);
    try (MetadataStore store = MetadataStore.open(url);
        Connection c = BenchDatabases.openJdbc(url)) {
      Filled filled = fill(store);
      List<Long> ids = filled.ids();
      long contextId = filled.contextId();
      GetArtifactsByIDRequest byId =
          GetArtifactsByIDRequest.newBuilder().addAllArtifactIds(ids).build();
      GetArtifactsByContextRequest byContext =
          GetArtifactsByContextRequest.newBuilder().setContextId(contextId).build();
      return List.of(
          measure("getArtifactsByID " + count, backend,
              () -> store.getArtifactsByID(byId).getArtifactsList(),
              () -> JdbcBaseline.artifactsByIds(c, dialect, ids)),
          measure("getArtifactsByContext " + count, backend,
              () -> store.getArtifactsByContext(byContext).getArtifactsList(),
              () -> JdbcBaseline.artifactsByContext(c, dialect, contextId)));
    } finally {
      databases.drop(url);
    }
  }

  /** The artifacts' ids and their context's. */
  private record Filled(List<Long> ids, long contextId) {}

  /** Puts n artifacts, all attributed to one context. */
  private Filled fill(MetadataStore store) {
    TfxTypes types = TfxTypes.register(store);
    List<Long> ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
        .addAllArtifacts(workload.artifacts(types, count)).build()).getArtifactIdsList();
    long contextId = store.putContexts(PutContextsRequest.newBuilder()
        .addContexts(workload.runContext(types, "reads")).build()).getContextIds(0);
    PutAttributionsAndAssociationsRequest.Builder links =
        PutAttributionsAndAssociationsRequest.newBuilder();
    for (long id : ids) {
      links.addAttributions(Attribution.newBuilder().setContextId(contextId).setArtifactId(id));
    }
    store.putAttributionsAndAssociations(links.build());
    return new Filled(ids, contextId);
  }

  private Row measure(String operation, Backend backend, Read store, Read baseline)
      throws SQLException {
    Samples mlmd4j = new Samples();
    Samples base = new Samples();
    String failure = "";
    for (int round = 0; round < warmUpRounds + rounds; round++) {
      boolean measure = round >= warmUpRounds;
      List<Artifact> fromStore = null;
      List<Artifact> fromBaseline = null;
      for (boolean storeSide : round % 2 == 0 ? new boolean[] {true, false}
          : new boolean[] {false, true}) {
        if (storeSide && !failure.isEmpty()) {
          continue;
        }
        System.gc();
        long start = System.nanoTime();
        try {
          List<Artifact> read = storeSide ? store.run() : baseline.run();
          double millis = (System.nanoTime() - start) / 1e6;
          if (measure) {
            (storeSide ? mlmd4j : base).add(millis);
          }
          if (storeSide) {
            fromStore = read;
          } else {
            fromBaseline = read;
          }
        } catch (MlmdException e) {
          failure = e.code() + ": " + e.getMessage();
          Bench.log("  %s on %s failed: %s", operation, backend, failure);
        }
      }
      if (round == 0) {
        checkSame(operation, fromStore, fromBaseline);
      }
    }
    Bench.log("  %s %s: mlmd4j %s ms; baseline %s ms", operation, backend, mlmd4j, base);
    return new Row(operation, Bench.name(backend), "ms", mlmd4j.median(), base.median(), false,
        failure.isEmpty() ? "" : "mlmd4j failed: " + Bench.shorten(failure));
  }

  /** Both sides must return the same n artifacts, fields and properties alike. */
  private void checkSame(String operation, List<Artifact> fromStore,
      List<Artifact> fromBaseline) {
    if (fromBaseline.size() != count) {
      throw new IllegalStateException("The baseline of " + operation + " read "
          + fromBaseline.size() + " artifacts, expected " + count);
    }
    if (fromStore == null) {
      return;
    }
    List<Artifact> a = sorted(fromStore);
    List<Artifact> b = sorted(fromBaseline);
    if (a.size() != b.size()) {
      throw new IllegalStateException(operation + " returned " + a.size()
          + " artifacts, the baseline " + b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        throw new IllegalStateException(operation + " and its baseline read different"
            + " artifacts:\n" + a.get(i) + "---\n" + b.get(i));
      }
    }
  }

  private static List<Artifact> sorted(List<Artifact> artifacts) {
    List<Artifact> sorted = new ArrayList<>(artifacts);
    sorted.sort(Comparator.comparingLong(Artifact::getId));
    return sorted;
  }
}

package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code PutArtifacts} of n new artifacts with five properties each, in one call on a fresh
 * store, against {@link JdbcBaseline#insertArtifacts} of the same artifacts into another fresh
 * store of the same schema. One round runs both sides, in alternating order; the first rounds
 * warm up. Every round checks that the side wrote exactly the artifacts it was given.
 */
final class PutArtifactsBench {

  private final BenchDatabases databases;
  private final TfxWorkload workload;
  private final int count;
  private final int warmUpRounds;
  private final int rounds;

  PutArtifactsBench(BenchDatabases databases, TfxWorkload workload, int count, int warmUpRounds,
      int rounds) {
    this.databases = databases;
    this.workload = workload;
    this.count = count;
    this.warmUpRounds = warmUpRounds;
    this.rounds = rounds;
  }

  List<Row> run(Backend backend) throws SQLException {
    Samples mlmd4j = new Samples();
    Samples baseline = new Samples();
    String failure = "";
    for (int round = 0; round < warmUpRounds + rounds; round++) {
      for (boolean storeSide : round % 2 == 0 ? new boolean[] {true, false}
          : new boolean[] {false, true}) {
        if (storeSide && !failure.isEmpty()) {
          continue;
        }
        String url = databases.freshUrl(backend);
        try {
          double seconds = storeSide ? storeRound(url) : baselineRound(url);
          if (round >= warmUpRounds) {
            (storeSide ? mlmd4j : baseline).add(count / seconds);
          }
        } catch (MlmdException e) {
          failure = e.code() + ": " + e.getMessage();
          Bench.log("  putArtifacts on %s failed: %s", backend, failure);
        } finally {
          databases.drop(url);
        }
      }
    }
    Bench.log("  putArtifacts %s: mlmd4j %s artifacts/s; baseline %s", backend, mlmd4j,
        baseline);
    return List.of(new Row("putArtifacts " + count + " x 5 props", Bench.name(backend),
        "artifacts/s", mlmd4j.median(), baseline.median(), true,
        failure.isEmpty() ? "" : "mlmd4j failed: " + Bench.shorten(failure)));
  }

  /** Seconds that {@code PutArtifacts} took on a fresh store. */
  private double storeRound(String url) throws SQLException {
    List<Artifact> artifacts;
    double seconds;
    try (MetadataStore store = MetadataStore.open(url)) {
      artifacts = workload.artifacts(TfxTypes.register(store), count);
      PutArtifactsRequest request =
          PutArtifactsRequest.newBuilder().addAllArtifacts(artifacts).build();
      System.gc();
      long start = System.nanoTime();
      store.putArtifacts(request);
      seconds = (System.nanoTime() - start) / 1e9;
    }
    checkWritten(url, artifacts);
    return seconds;
  }

  /** Seconds that the baseline took to insert the same artifacts into a fresh store. */
  private double baselineRound(String url) throws SQLException {
    List<Artifact> artifacts;
    try (MetadataStore store = MetadataStore.open(url)) {
      artifacts = workload.artifacts(TfxTypes.register(store), count);
    }
    double seconds;
    try (Connection c = BenchDatabases.openJdbc(url)) {
      System.gc();
      long start = System.nanoTime();
      JdbcBaseline.insertArtifacts(c, BenchDatabases.dialect(url), artifacts);
      seconds = (System.nanoTime() - start) / 1e9;
    }
    checkWritten(url, artifacts);
    return seconds;
  }

  /**
   * Checks that the store holds exactly the artifacts and properties given, by counts and sums
   * over their columns (ids and times aside): both sides must write the same rows.
   */
  private void checkWritten(String url, List<Artifact> artifacts) throws SQLException {
    long uris = 0;
    long names = 0;
    long states = 0;
    long properties = 0;
    long custom = 0;
    long ints = 0;
    long doubles = 0;
    long strings = 0;
    for (Artifact a : artifacts) {
      uris += a.getUri().length();
      names += a.getName().length();
      states += a.getState().getNumber();
      properties += a.getPropertiesCount() + a.getCustomPropertiesCount();
      custom += a.getCustomPropertiesCount();
      for (Value v : Stream.concat(a.getPropertiesMap().values().stream(),
          a.getCustomPropertiesMap().values().stream()).toList()) {
        ints += v.getIntValue();
        doubles += v.hasDoubleValue() ? 1 : 0;
        strings += v.getStringValue().length();
      }
    }
    String expected = List.of(artifacts.size(), uris, names, states, properties, custom, ints,
        doubles, strings).toString();
    List<Long> found = new ArrayList<>();
    try (Connection c = BenchDatabases.openJdbc(url); Statement s = c.createStatement()) {
      for (String sql : List.of(
          "SELECT COUNT(*), SUM(LENGTH(uri)), SUM(LENGTH(name)), SUM(state) FROM Artifact",
          "SELECT COUNT(*), SUM(is_custom_property), SUM(int_value), COUNT(double_value),"
              + " SUM(LENGTH(string_value)) FROM ArtifactProperty")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            found.add(rs.getLong(i));
          }
        }
      }
    }
    if (!expected.equals(found.toString())) {
      throw new IllegalStateException("The store at " + url + " holds other rows than were put:"
          + " expected (count, uri, name, state, properties, custom, int, double, string) "
          + expected + ", found " + found);
    }
  }
}

package io.mlmd4j.bench;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetLineageSubgraphRequest;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.LineageSubgraphQueryOptions;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompiler;
import io.mlmd4j.store.spi.QueryCompilers;
import io.mlmd4j.store.spi.SqlTarget;
import com.google.protobuf.FieldMask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query planner's figures on {@link SyntheticLineage}: the upstream closure of a leaf
 * artifact through LQL against a hand-written recursive query reading the same artifacts, the
 * same closure through getLineageSubgraph (one recursive walk, then the artifacts by id, as
 * MLMD's Python client does), with MLMD's own method (the same call on a store opened with
 * {@code lineageWalk=perHop}: a query round per hop) and with LQL's walk for servers without
 * recursive queries (a query per hop over the whole frontier), a filter query with two
 * property predicates and a context predicate against a hand-written join, and the planning
 * cost of a filter.
 */
final class LineageBench {

  private final BenchDatabases databases;
  private final int executions;
  private final int warmUpRounds;
  private final int rounds;

  LineageBench(BenchDatabases databases, int executions, int warmUpRounds, int rounds) {
    this.databases = databases;
    this.executions = executions;
    this.warmUpRounds = warmUpRounds;
    this.rounds = rounds;
  }

  /** One timed call of a side; returns what it read, for the comparison of the sides. */
  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }

  List<Row> run(Backend backend) throws Exception {
    String url = databases.freshUrl(backend);
    Dialect dialect = BenchDatabases.dialect(url);
    SyntheticLineage graph = new SyntheticLineage(executions);
    try (MetadataStore store = MetadataStore.open(url);
        MetadataStore perHop = MetadataStore.open(url + (url.contains("?") ? "&" : "?")
            + "lineageWalk=perHop");
        Connection c = BenchDatabases.openJdbc(url)) {
      long start = System.nanoTime();
      graph.write(store, c, dialect);
      Bench.log("  wrote %,d executions, %,d artifacts in %.1f s", graph.executions(),
          graph.artifacts(), (System.nanoTime() - start) / 1e9);
      List<Row> rows = new ArrayList<>();
      rows.add(planning(backend, c, dialect));

      int chain = graph.chains / 2;
      long leaf = graph.leaf(chain);
      String lql = "LINEAGE UPSTREAM OF ARTIFACTS WHERE id = " + leaf + " RETURN ARTIFACTS";
      Call viaLql = () -> closure(store.query(lql).artifacts("artifacts"));
      Call viaSql = () -> closureBySql(c, dialect, leaf);
      rows.add(measure("upstream closure, LQL vs recursive SQL", backend, viaLql, viaSql));
      rows.add(measure("upstream closure, getLineageSubgraph vs recursive SQL", backend,
          () -> closureBySubgraph(store, leaf), viaSql));
      rows.add(measure("upstream closure, MLMD's hops vs recursive SQL", backend,
          () -> closureBySubgraph(perHop, leaf), viaSql));
      rows.add(measure("upstream closure, LQL per hop vs recursive SQL", backend,
          () -> closure(perHop.query(lql).artifacts("artifacts")), viaSql));

      String filter = "properties.span.int_value = 7 AND properties.split.string_value ="
          + " 'train' AND contexts_r.name = 'run-" + chain + "'";
      ListOperationOptions options = ListOperationOptions.newBuilder().setMaxResultSize(100)
          .setFilterQuery(filter).build();
      rows.add(measure("filter: 2 properties + context of " + graph.artifacts(), backend,
          () -> store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(options).build())
              .getArtifactsList(),
          () -> filterBySql(c, dialect, chain)));
      return rows;
    } finally {
      databases.drop(url);
    }
  }

  /** Planning a new filter against getting a cached one, through the store's compiler. */
  private Row planning(Backend backend, Connection c, Dialect dialect) throws SQLException {
    QueryCompiler compiler = QueryCompilers.require("the bench");
    SqlTarget target = SqlTarget.of(c, dialect);
    String text = "properties.span.int_value = %d AND properties.split.string_value = 'train'"
        + " AND contexts_r.name = 'run-%d'";
    long start = System.nanoTime();
    compiler.compileFilter(String.format(text, -1, -1), NodeTable.ARTIFACT, target);
    Bench.log("  first filter planned in %.1f ms (in this JVM: %s)",
        (System.nanoTime() - start) / 1e6, "includes Calcite's start if first");
    int n = 200;
    for (int i = 0; i < n; i++) {
      compiler.compileFilter(String.format(text, i, backend.ordinal()), NodeTable.ARTIFACT, target);
    }
    start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      compiler.compileFilter(String.format(text, n + i, backend.ordinal()), NodeTable.ARTIFACT,
          target);
    }
    double fresh = (System.nanoTime() - start) / 1e6 / n;
    String same = String.format(text, 0, backend.ordinal());
    start = System.nanoTime();
    for (int i = 0; i < 100 * n; i++) {
      compiler.compileFilter(same, NodeTable.ARTIFACT, target);
    }
    double cached = (System.nanoTime() - start) / 1e6 / (100 * n);
    Bench.log("  planning a filter: new %.3f ms, cached %.5f ms", fresh, cached);
    return new Row("plan a filter: new vs cached", Bench.name(backend), "ms", fresh, cached,
        false, "baseline column: the same filter, cached");
  }

  /** Artifact id to distance, and the artifacts, of an LQL result. */
  private static Map<Long, Object> closure(List<LqlResult.Reached<Artifact>> reached) {
    Map<Long, Object> closure = new TreeMap<>();
    for (LqlResult.Reached<Artifact> r : reached) {
      closure.put(r.node().getId(), List.of(r.distance(), r.node()));
    }
    return closure;
  }

  /**
   * The hand-written closure: one recursive query for the artifacts upstream of the leaf and
   * their distances, then the artifacts read by id.
   */
  private static Map<Long, Object> closureBySql(Connection c, Dialect dialect, long leaf)
      throws SQLException {
    Map<Long, Integer> distances = Transactions.run(c, dialect, false, conn -> {
      Map<Long, Integer> found = new TreeMap<>();
      try (PreparedStatement s = conn.prepareStatement("WITH RECURSIVE up(kind, id, d) AS ("
          + " SELECT 0, id, 0 FROM Artifact WHERE id = ?"
          + " UNION SELECT 1, e.execution_id, up.d + 1 FROM up JOIN Event e"
          + " ON e.artifact_id = up.id WHERE up.kind = 0 AND e.type IN (1, 4, 6, 7)"
          + " UNION SELECT 0, e.artifact_id, up.d + 1 FROM up JOIN Event e"
          + " ON e.execution_id = up.id WHERE up.kind = 1 AND e.type IN (2, 3, 5))"
          + " SELECT id, MIN(d) FROM up WHERE kind = 0 GROUP BY id")) {
        s.setLong(1, leaf);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getLong(1), rs.getInt(2));
          }
        }
      }
      return found;
    });
    Map<Long, Object> closure = new TreeMap<>();
    for (Artifact a : JdbcBaseline.artifactsByIds(c, dialect, new ArrayList<>(
        distances.keySet()))) {
      closure.put(a.getId(), List.of(distances.get(a.getId()), a));
    }
    return closure;
  }

  /**
   * MLMD's client's way: GetLineageSubgraph, then the artifacts by id. On a store opened with
   * {@code lineageWalk=perHop} the walk is MLMD's method, a round of queries per hop; otherwise
   * one recursive query.
   */
  private static Map<Long, Object> closureBySubgraph(MetadataStore store, long leaf) {
    LineageGraph g = store.getLineageSubgraph(GetLineageSubgraphRequest.newBuilder()
        .setLineageSubgraphQueryOptions(LineageSubgraphQueryOptions.newBuilder()
            .setStartingArtifacts(LineageSubgraphQueryOptions.StartingNodes.newBuilder()
                .setFilterQuery("id = " + leaf))
            .setDirection(LineageSubgraphQueryOptions.Direction.UPSTREAM))
        .setReadMask(FieldMask.newBuilder().addPaths("artifacts")).build())
        .getLineageSubgraph();
    List<Long> ids = g.getArtifactsList().stream().map(Artifact::getId).toList();
    Map<Long, Object> closure = new TreeMap<>();
    for (Artifact a : store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
        .addAllArtifactIds(ids).build()).getArtifactsList()) {
      closure.put(a.getId(), a);
    }
    return closure;
  }

  /** The hand-written filter: the page of ids by one join, then the artifacts by id. */
  private static List<Artifact> filterBySql(Connection c, Dialect dialect, int chain)
      throws SQLException {
    List<Long> ids = Transactions.run(c, dialect, false, conn -> {
      List<Long> found = new ArrayList<>();
      try (PreparedStatement s = conn.prepareStatement("SELECT DISTINCT a.id FROM Artifact a"
          + " JOIN ArtifactProperty span ON span.artifact_id = a.id AND span.name = 'span'"
          + " AND span.is_custom_property = 0"
          + " JOIN ArtifactProperty split ON split.artifact_id = a.id AND split.name = 'split'"
          + " AND split.is_custom_property = 0"
          + " JOIN Attribution att ON att.artifact_id = a.id"
          + " JOIN Context r ON r.id = att.context_id"
          + " WHERE span.int_value = ? AND split.string_value = ? AND r.name = ?"
          + " ORDER BY a.id LIMIT 101")) {
        s.setLong(1, 7);
        s.setString(2, "train");
        s.setString(3, "run-" + chain);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getLong(1));
          }
        }
      }
      return found;
    });
    return JdbcBaseline.artifactsByIds(c, dialect, ids);
  }

  private Row measure(String operation, Backend backend, Call mlmd4j, Call baseline)
      throws Exception {
    Samples ours = new Samples();
    Samples base = new Samples();
    Object first = null;
    Object second = null;
    for (int round = 0; round < warmUpRounds + rounds; round++) {
      for (boolean oursFirst : round % 2 == 0 ? new boolean[] {true, false}
          : new boolean[] {false, true}) {
        System.gc();
        long start = System.nanoTime();
        Object result = oursFirst ? mlmd4j.run() : baseline.run();
        double millis = (System.nanoTime() - start) / 1e6;
        if (round >= warmUpRounds) {
          (oursFirst ? ours : base).add(millis);
        }
        if (round == 0) {
          if (oursFirst) {
            first = result;
          } else {
            second = result;
          }
        }
      }
    }
    checkSame(operation, first, second);
    Bench.log("  %s %s: mlmd4j %s ms; baseline %s ms", operation, backend, ours, base);
    return new Row(operation, Bench.name(backend), "ms", ours.median(), base.median(), false,
        "");
  }

  /** Both sides must find the same nodes (MLMD's method finds no distances: ids and nodes). */
  private static void checkSame(String operation, Object ours, Object baseline) {
    Object a = ours;
    Object b = baseline;
    if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n
        && !m.isEmpty() && !(m.values().iterator().next() instanceof List)) {
      Map<Object, Object> nodesOnly = new TreeMap<>();
      n.forEach((k, v) -> nodesOnly.put(k, ((List<?>) v).get(1)));
      b = nodesOnly;
    }
    if (a instanceof List<?> l) {
      List<Artifact> sorted = new ArrayList<>();
      l.forEach(x -> sorted.add((Artifact) x));
      sorted.sort(Comparator.comparingLong(Artifact::getId));
      a = sorted;
    }
    if (!a.equals(b)) {
      throw new IllegalStateException(operation + ": mlmd4j and its baseline read different"
          + " results (" + size(a) + " and " + size(b) + " entries)");
    }
    if (size(a) == 0) {
      throw new IllegalStateException(operation + ": both sides read nothing");
    }
  }

  private static int size(Object o) {
    return o instanceof Map<?, ?> m ? m.size() : ((List<?>) o).size();
  }
}

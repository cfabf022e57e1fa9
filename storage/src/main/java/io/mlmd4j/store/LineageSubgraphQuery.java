package io.mlmd4j.store;

import com.google.protobuf.FieldMask;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Association;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.proto.LineageSubgraphQueryOptions;
import io.mlmd4j.proto.LineageSubgraphQueryOptions.Direction;
import io.mlmd4j.proto.LineageSubgraphQueryOptions.EndingNodes;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.LineagePlan;
import io.mlmd4j.store.spi.LqlPlan;
import io.mlmd4j.store.spi.QueryCompilers;
import io.mlmd4j.store.spi.SqlCondition;
import io.mlmd4j.store.spi.SqlTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MLMD's GetLineageSubgraph: a breadth-first walk over events from the nodes a filter selects,
 * one hop (one event) per round, alternating between artifacts and executions, with MLMD's
 * rules for direction, ending nodes and the events kept.
 *
 * <p>Where the server has recursive queries, the nodes and events the walk can reach come from
 * the planner's recursive lineage query (one query: an LQL walk with the same start nodes,
 * direction and hop limit that stops at the ending nodes and returns them), and the rounds run
 * in memory over its rows. Otherwise (or with {@code lineageWalk=perHop}) each round is a query
 * for the events of the frontier, plus one per 500 new nodes when there is an ending filter.
 * Either way the rounds are the same code, so the two walks keep the same nodes and events;
 * the full events (with their paths) are read once at the end.
 *
 * <p>Decisions: nodes, contexts and links come back in id order (MLMD's order is that of a hash
 * set); the starting nodes are the first 101 by id, as MLMD's list query caps them.
 */
final class LineageSubgraphQuery {

  /** MLMD's cap on hops, and the default. */
  static final long MAX_HOPS = 100;

  /** MLMD lists starting nodes with its page cap: 100 rows plus one. */
  static final int MAX_STARTING_NODES = NodeLister.MAX_PAGE + 1;

  private final Connection connection;
  private final Dialect dialect;
  private final EdgeRepository edges;
  private final TypeRepository types;
  private final SqlTarget target;
  private final LineageSubgraphQueryOptions options;
  /** The subgraph read by the recursive query; null when the walk queries each hop. */
  private Reachable reachable;

  private final Set<Long> visitedArtifacts = new TreeSet<>();
  private final Set<Long> visitedExecutions = new TreeSet<>();
  private final Set<Long> endingArtifacts = new TreeSet<>();
  private final Set<Long> endingExecutions = new TreeSet<>();
  private final List<Long> events = new ArrayList<>();

  /** An event as the walk sees it. */
  private record Edge(long id, long artifactId, long executionId, Event.Type type) {}

  /**
   * @param target the database as the planner sees it; the walk is one recursive query when it
   *     allows recursive queries
   */
  LineageSubgraphQuery(Connection connection, Dialect dialect, SqlTarget target,
      LineageSubgraphQueryOptions options) {
    this.connection = connection;
    this.dialect = dialect;
    this.edges = new EdgeRepository(connection, dialect);
    this.types = new TypeRepository(connection);
    this.target = target;
    this.options = options;
  }

  /** Walks the graph and returns the parts of it the mask names (all for an empty mask). */
  LineageGraph run(FieldMask readMask) throws SQLException {
    boolean fromArtifacts;
    String startFilter;
    switch (options.getStartingNodesCase()) {
      case STARTING_ARTIFACTS -> {
        fromArtifacts = true;
        startFilter = options.getStartingArtifacts().getFilterQuery();
      }
      case STARTING_EXECUTIONS -> {
        fromArtifacts = false;
        startFilter = options.getStartingExecutions().getFilterQuery();
      }
      default -> throw MlmdException.invalidArgument(
          "Missing arguments for listing starting nodes: set starting_artifacts or"
              + " starting_executions");
    }
    if (startFilter.isEmpty()) {
      throw MlmdException.invalidArgument(
          "Cannot list starting nodes if `filter_query` is unspecified.");
    }
    long maxHops = MAX_HOPS;
    if (options.hasMaxNumHops()) {
      if (options.getMaxNumHops() < 0) {
        throw MlmdException.invalidArgument("max_num_hops cannot be negative: max_num_hops = %d",
            options.getMaxNumHops());
      }
      maxHops = Math.min(options.getMaxNumHops(), MAX_HOPS);
    }

    NodeKind startKind = fromArtifacts ? NodeKind.ARTIFACT : NodeKind.EXECUTION;
    SqlCondition start = filter(startKind, startFilter);
    List<Long> startIds = Sql.query(connection, "SELECT n.id FROM " + startKind.table
        + " n WHERE " + start.sql() + " ORDER BY n.id LIMIT " + MAX_STARTING_NODES,
        start.parameters(), rs -> rs.getLong(1));
    if (startIds.isEmpty()) {
      throw MlmdException.notFound("Cannot find qualified nodes to start the traversal: no %s"
          + " matches '%s'", startKind.label(), startFilter);
    }
    if (target.recursiveQueries()) {
      boolean nodesOnly = !readMask.getPathsList().isEmpty()
          && !readMask.getPathsList().contains("events");
      LqlPlan plan = QueryCompilers.require("GetLineageSubgraph").planLql(walkStatement(
          startKind, startFilter, startIds, maxHops, nodesOnly), target);
      if (plan instanceof LineagePlan walk && walk.walk() != null) {
        if (nodesOnly && walk.distances() != null
            && readNodes(walk.distances(), walk.stopSets().size())) {
          return graph(readMask);
        }
        reachable = Reachable.read(connection, walk);
      }
    }
    Set<Long> visitedStart = fromArtifacts ? visitedArtifacts : visitedExecutions;
    Set<Long> endingStart = fromArtifacts ? endingArtifacts : endingExecutions;
    endingStart.addAll(endingIds(startKind, startIds));
    List<Long> frontier = new ArrayList<>();
    for (long id : startIds) {
      if (!endingStart.contains(id)) {
        frontier.add(id);
      }
    }
    visitedStart.addAll(frontier);

    for (long hop = 0; hop < maxHops && !frontier.isEmpty(); hop++) {
      boolean expandFromArtifacts = fromArtifacts == (hop % 2 == 0);
      frontier = expand(expandFromArtifacts, frontier);
    }
    return graph(readMask);
  }

  /**
   * One hop from {@code frontier}: follows the events the direction allows, marks the new nodes
   * the ending filter selects as ending nodes, keeps the events MLMD keeps, and returns the new
   * nodes to expand next.
   */
  private List<Long> expand(boolean fromArtifacts, List<Long> frontier) throws SQLException {
    List<Edge> found = new ArrayList<>();
    for (Edge e : edgesOf(fromArtifacts, frontier)) {
      if (follows(e.type(), fromArtifacts)) {
        found.add(e);
      }
    }
    NodeKind toKind = fromArtifacts ? NodeKind.EXECUTION : NodeKind.ARTIFACT;
    Set<Long> visited = fromArtifacts ? visitedExecutions : visitedArtifacts;
    Set<Long> ending = fromArtifacts ? endingExecutions : endingArtifacts;
    boolean includeEnding = (fromArtifacts ? options.getEndingExecutions()
        : options.getEndingArtifacts()).getIncludeEndingNodes();
    Set<Long> unvisited = new LinkedHashSet<>();
    for (Edge e : found) {
      long to = fromArtifacts ? e.executionId() : e.artifactId();
      if (!visited.contains(to) && !ending.contains(to)) {
        unvisited.add(to);
      }
    }
    ending.addAll(endingIds(toKind, unvisited));
    unvisited.removeAll(ending);
    boolean directed = options.getDirection() == Direction.UPSTREAM
        || options.getDirection() == Direction.DOWNSTREAM;
    for (Edge e : found) {
      long to = fromArtifacts ? e.executionId() : e.artifactId();
      if (ending.contains(to)) {
        if (includeEnding) {
          events.add(e.id());
        }
      } else if (!visited.contains(to) || directed) {
        // An event to a node visited in an earlier hop is kept only on a directed walk: on an
        // undirected one it is the event that reached the node, already kept.
        events.add(e.id());
      }
    }
    visited.addAll(unvisited);
    return new ArrayList<>(unvisited);
  }

  /** The events of the frontier's nodes, in id order: from the walk's rows or one query. */
  private List<Edge> edgesOf(boolean fromArtifacts, List<Long> frontier) throws SQLException {
    if (reachable != null) {
      return reachable.edgesOf(fromArtifacts, frontier);
    }
    return Sql.queryIn(connection, "SELECT id, artifact_id, execution_id, type FROM Event"
        + " WHERE " + (fromArtifacts ? "artifact_id" : "execution_id") + " IN (%s) ORDER BY id",
        List.of(), new HashSet<>(frontier), Reachable::edge);
  }

  /**
   * The LQL walk whose rows hold every node and event the rounds can meet: the same start nodes
   * (the filter, cut at the last of the first 101 ids), direction and hop limit, stopping at
   * the ending nodes and returning them. LQL and MLMD agree on what a hop is and that stop
   * nodes, start nodes included, are not walked through, so the walk reaches exactly the nodes
   * MLMD's rounds reach; the rounds then pick the events MLMD keeps.
   */
  private String walkStatement(NodeKind startKind, String startFilter, List<Long> startIds,
      long maxHops, boolean nodesOnly) {
    String direction = switch (options.getDirection()) {
      case UPSTREAM -> "UPSTREAM";
      case DOWNSTREAM -> "DOWNSTREAM";
      default -> "BOTH";
    };
    String nodes = startKind == NodeKind.ARTIFACT ? "ARTIFACTS" : "EXECUTIONS";
    String start = "(" + startFilter + ")";
    if (startIds.size() == MAX_STARTING_NODES) {
      start += " AND id <= " + startIds.get(startIds.size() - 1);
    }
    List<String> stops = new ArrayList<>();
    if (options.getEndingArtifacts().hasFilterQuery()) {
      stops.add("ARTIFACTS WHERE " + everyIfEmpty(options.getEndingArtifacts()) + " INCLUSIVE");
    }
    if (options.getEndingExecutions().hasFilterQuery()) {
      stops.add("EXECUTIONS WHERE " + everyIfEmpty(options.getEndingExecutions())
          + " INCLUSIVE");
    }
    return "LINEAGE " + direction + " OF " + nodes + " WHERE " + start + "\nMAX HOPS " + maxHops
        + (stops.isEmpty() ? "" : "\nSTOP AT " + String.join(", ", stops))
        + (nodesOnly ? "\nRETURN ARTIFACTS, EXECUTIONS" : "\nRETURN GRAPH");
  }

  /**
   * When no events are asked for, the nodes alone: the walk reaches exactly the nodes MLMD's
   * rounds visit and the ending nodes they meet, so the recursive query of reached nodes (which
   * carries no events) is the answer. False, with nothing kept, when that query's walks were
   * cut (see {@link LineagePlan.Distances}); the rounds then run over the full walk.
   */
  private boolean readNodes(LineagePlan.Distances distances, int stopSets)
      throws SQLException {
    boolean[] cut = {false};
    Sql.forEach(connection, distances.query(), rs -> {
      boolean artifact = rs.getInt(1) == 0;
      boolean ending = false;
      for (int i = 0; i < stopSets; i++) {
        ending |= rs.getInt(5 + i) == 1;
      }
      (ending ? (artifact ? endingArtifacts : endingExecutions)
          : (artifact ? visitedArtifacts : visitedExecutions)).add(rs.getLong(2));
      cut[0] |= distances.wasCut(rs.getInt(4));
    });
    if (cut[0]) {
      List.of(visitedArtifacts, visitedExecutions, endingArtifacts, endingExecutions)
          .forEach(Set::clear);
    }
    return !cut[0];
  }

  /** An ending filter as LQL text; MLMD's empty ending filter selects every node. */
  private static String everyIfEmpty(EndingNodes ending) {
    return ending.getFilterQuery().isEmpty() ? "id IS NOT NULL"
        : "(" + ending.getFilterQuery() + ")";
  }

  /** Whether the walk follows an event of {@code type} leaving an artifact or an execution. */
  private boolean follows(Event.Type type, boolean fromArtifact) {
    Direction direction = options.getDirection();
    if (direction != Direction.UPSTREAM && direction != Direction.DOWNSTREAM) {
      return true;
    }
    // Upstream from an artifact are the executions that output it; from an execution, its inputs.
    boolean towardsOutputs = (direction == Direction.UPSTREAM) == fromArtifact;
    return towardsOutputs ? isOutput(type) : isInput(type);
  }

  private static boolean isOutput(Event.Type type) {
    return type == Event.Type.OUTPUT || type == Event.Type.DECLARED_OUTPUT
        || type == Event.Type.INTERNAL_OUTPUT || type == Event.Type.PENDING_OUTPUT;
  }

  private static boolean isInput(Event.Type type) {
    return type == Event.Type.INPUT || type == Event.Type.DECLARED_INPUT
        || type == Event.Type.INTERNAL_INPUT;
  }

  /** Which of {@code candidates} the ending filter of their kind selects; none without one. */
  private Set<Long> endingIds(NodeKind kind, Collection<Long> candidates) throws SQLException {
    EndingNodes ending = kind == NodeKind.ARTIFACT ? options.getEndingArtifacts()
        : options.getEndingExecutions();
    if (!ending.hasFilterQuery() || candidates.isEmpty()) {
      return Set.of();
    }
    if (reachable != null) {
      return reachable.ending(kind == NodeKind.ARTIFACT, candidates);
    }
    SqlCondition condition = ending.getFilterQuery().isEmpty()
        ? new SqlCondition("1 = 1", List.of()) : filter(kind, ending.getFilterQuery());
    List<Object> params = new ArrayList<>(condition.parameters());
    return new HashSet<>(Sql.queryIn(connection, "SELECT n.id FROM " + kind.table + " n WHERE "
        + condition.sql() + " AND n.id IN (%s)", params, candidates, rs -> rs.getLong(1)));
  }

  private SqlCondition filter(NodeKind kind, String text) throws SQLException {
    return QueryCompilers.require("GetLineageSubgraph").compileFilter(text, kind.nodeTable,
        target);
  }

  /** The dehydrated graph: node ids, their contexts and links, the events kept, all types. */
  private LineageGraph graph(FieldMask readMask) throws SQLException {
    Set<String> paths = new HashSet<>(readMask.getPathsList());
    boolean all = paths.isEmpty();
    Set<Long> artifacts = new TreeSet<>(visitedArtifacts);
    if (options.getEndingArtifacts().getIncludeEndingNodes()) {
      artifacts.addAll(endingArtifacts);
    }
    Set<Long> executions = new TreeSet<>(visitedExecutions);
    if (options.getEndingExecutions().getIncludeEndingNodes()) {
      executions.addAll(endingExecutions);
    }
    LineageGraph.Builder graph = LineageGraph.newBuilder();
    if (all || paths.contains("artifacts")) {
      artifacts.forEach(id -> graph.addArtifacts(Artifact.newBuilder().setId(id)));
    }
    if (all || paths.contains("executions")) {
      executions.forEach(id -> graph.addExecutions(Execution.newBuilder().setId(id)));
    }
    boolean contextsToo = all || paths.contains("contexts");
    List<long[]> attributions = contextsToo || paths.contains("attributions")
        ? links("Attribution", "artifact_id", artifacts) : List.of();
    List<long[]> associations = contextsToo || paths.contains("associations")
        ? links("Association", "execution_id", executions) : List.of();
    if (contextsToo) {
      Set<Long> contexts = new TreeSet<>();
      attributions.forEach(link -> contexts.add(link[0]));
      associations.forEach(link -> contexts.add(link[0]));
      contexts.forEach(id -> graph.addContexts(Context.newBuilder().setId(id)));
    }
    if ((all || paths.contains("events")) && !events.isEmpty()) {
      // Read in id order; kept in the order the rounds kept them, as MLMD does.
      List<Long> ids = new ArrayList<>(new TreeSet<>(events));
      List<Event> read = edges.events("id", ids);
      Map<Long, Event> byId = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        byId.put(ids.get(i), read.get(i));
      }
      events.forEach(id -> graph.addEvents(byId.get(id)));
    }
    if (all || paths.contains("attributions")) {
      attributions.forEach(link -> graph.addAttributions(Attribution.newBuilder()
          .setContextId(link[0]).setArtifactId(link[1])));
    }
    if (all || paths.contains("associations")) {
      associations.forEach(link -> graph.addAssociations(Association.newBuilder()
          .setContextId(link[0]).setExecutionId(link[1])));
    }
    // As MLMD's server: every type of the kind, built-in simple types included.
    if (all || paths.contains("artifact_types")) {
      types.all(TypeKind.ARTIFACT).forEach(t ->
          graph.addArtifactTypes(TypeCodec.toArtifactType(t, true)));
    }
    if (all || paths.contains("execution_types")) {
      types.all(TypeKind.EXECUTION).forEach(t ->
          graph.addExecutionTypes(TypeCodec.toExecutionType(t, true)));
    }
    if (all || paths.contains("context_types")) {
      types.all(TypeKind.CONTEXT).forEach(t -> graph.addContextTypes(TypeCodec.toContextType(t)));
    }
    return graph.build();
  }

  /** The (context, node) links of {@code table} for those nodes, in link id order. */
  private List<long[]> links(String table, String nodeColumn, Collection<Long> nodes)
      throws SQLException {
    List<long[]> links = Sql.queryIn(connection, "SELECT id, context_id, " + nodeColumn
        + " FROM " + table + " WHERE " + nodeColumn + " IN (%s)", List.of(), nodes,
        rs -> new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(1)});
    links.sort((a, b) -> Long.compare(a[2], b[2]));
    return links;
  }

  /** The nodes and events of the planner's recursive walk, read once, for rounds in memory. */
  private static final class Reachable {
    private final Map<Long, List<Edge>> byArtifact = new HashMap<>();
    private final Map<Long, List<Edge>> byExecution = new HashMap<>();
    private final Set<Long> stopArtifacts = new HashSet<>();
    private final Set<Long> stopExecutions = new HashSet<>();

    /** Runs the recursive query of {@code walk}: its nodes and the events between them. */
    static Reachable read(Connection connection, LineagePlan walk) throws SQLException {
      Reachable reachable = new Reachable();
      Sql.forEach(connection, walk.walk(), rs -> reachable.add(rs, walk.stopSets().size()));
      reachable.byArtifact.values().forEach(l -> l.sort(Comparator.comparingLong(Edge::id)));
      reachable.byExecution.values().forEach(l -> l.sort(Comparator.comparingLong(Edge::id)));
      return reachable;
    }

    private void add(ResultSet rs, int stopSets) throws SQLException {
      int kind = rs.getInt(1);
      if (kind == 2) {
        Edge e = new Edge(rs.getLong(2), rs.getLong(3), rs.getLong(4), type(rs.getInt(5)));
        byArtifact.computeIfAbsent(e.artifactId(), k -> new ArrayList<>()).add(e);
        byExecution.computeIfAbsent(e.executionId(), k -> new ArrayList<>()).add(e);
        return;
      }
      for (int i = 0; i < stopSets; i++) {
        if (rs.getInt(7 + i) == 1) {
          (kind == 0 ? stopArtifacts : stopExecutions).add(rs.getLong(2));
        }
      }
    }

    /** The events of the nodes in {@code frontier}, in id order. */
    List<Edge> edgesOf(boolean fromArtifacts, List<Long> frontier) {
      Map<Long, List<Edge>> index = fromArtifacts ? byArtifact : byExecution;
      Map<Long, Edge> found = new TreeMap<>();
      for (long id : frontier) {
        for (Edge e : index.getOrDefault(id, List.of())) {
          found.put(e.id(), e);
        }
      }
      return new ArrayList<>(found.values());
    }

    /** Which of {@code candidates} the ending filter of their kind selects. */
    Set<Long> ending(boolean artifacts, Collection<Long> candidates) {
      Set<Long> ending = new HashSet<>(candidates);
      ending.retainAll(artifacts ? stopArtifacts : stopExecutions);
      return ending;
    }

    /** An event row of {@code id, artifact_id, execution_id, type}. */
    static Edge edge(ResultSet rs) throws SQLException {
      return new Edge(rs.getLong(1), rs.getLong(2), rs.getLong(3), type(rs.getInt(4)));
    }

    /** An event type; one this build does not know is followed like UNKNOWN. */
    private static Event.Type type(int number) {
      Event.Type type = Event.Type.forNumber(number);
      return type == null ? Event.Type.UNKNOWN : type;
    }
  }
}

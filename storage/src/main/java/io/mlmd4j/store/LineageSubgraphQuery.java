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
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompilers;
import io.mlmd4j.store.spi.SqlCondition;
import io.mlmd4j.store.spi.SqlTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * MLMD's GetLineageSubgraph: a breadth-first walk over events from the nodes a filter selects,
 * one hop (one event) per round, alternating between artifacts and executions, with MLMD's
 * rules for direction, ending nodes and the events kept. Each round is two queries (the events
 * of the frontier, their paths) plus one per 500 new nodes when there is an ending filter.
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
  private final LineageSubgraphQueryOptions options;

  private final Set<Long> visitedArtifacts = new TreeSet<>();
  private final Set<Long> visitedExecutions = new TreeSet<>();
  private final Set<Long> endingArtifacts = new TreeSet<>();
  private final Set<Long> endingExecutions = new TreeSet<>();
  private final List<Event> events = new ArrayList<>();

  LineageSubgraphQuery(Connection connection, Dialect dialect,
      LineageSubgraphQueryOptions options) {
    this.connection = connection;
    this.dialect = dialect;
    this.edges = new EdgeRepository(connection, dialect);
    this.types = new TypeRepository(connection);
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
    List<Event> found = new ArrayList<>();
    for (Event e : edges.events(fromArtifacts ? "artifact_id" : "execution_id", frontier)) {
      if (follows(e.getType(), fromArtifacts)) {
        found.add(e);
      }
    }
    NodeKind toKind = fromArtifacts ? NodeKind.EXECUTION : NodeKind.ARTIFACT;
    Set<Long> visited = fromArtifacts ? visitedExecutions : visitedArtifacts;
    Set<Long> ending = fromArtifacts ? endingExecutions : endingArtifacts;
    boolean includeEnding = (fromArtifacts ? options.getEndingExecutions()
        : options.getEndingArtifacts()).getIncludeEndingNodes();
    Set<Long> unvisited = new LinkedHashSet<>();
    for (Event e : found) {
      long to = fromArtifacts ? e.getExecutionId() : e.getArtifactId();
      if (!visited.contains(to) && !ending.contains(to)) {
        unvisited.add(to);
      }
    }
    ending.addAll(endingIds(toKind, unvisited));
    unvisited.removeAll(ending);
    boolean directed = options.getDirection() == Direction.UPSTREAM
        || options.getDirection() == Direction.DOWNSTREAM;
    for (Event e : found) {
      long to = fromArtifacts ? e.getExecutionId() : e.getArtifactId();
      if (ending.contains(to)) {
        if (includeEnding) {
          events.add(e);
        }
      } else if (!visited.contains(to) || directed) {
        // An event to a node visited in an earlier hop is kept only on a directed walk: on an
        // undirected one it is the event that reached the node, already kept.
        events.add(e);
      }
    }
    visited.addAll(unvisited);
    return new ArrayList<>(unvisited);
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
    SqlCondition condition = ending.getFilterQuery().isEmpty()
        ? new SqlCondition("1 = 1", List.of()) : filter(kind, ending.getFilterQuery());
    List<Object> params = new ArrayList<>(condition.parameters());
    return new HashSet<>(Sql.queryIn(connection, "SELECT n.id FROM " + kind.table + " n WHERE "
        + condition.sql() + " AND n.id IN (%s)", params, candidates, rs -> rs.getLong(1)));
  }

  private SqlCondition filter(NodeKind kind, String text) throws SQLException {
    return QueryCompilers.require("GetLineageSubgraph").compileFilter(text,
        NodeTable.valueOf(kind.name()), SqlTarget.of(connection, dialect));
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
    List<long[]> attributions = links("Attribution", "artifact_id", artifacts);
    List<long[]> associations = links("Association", "execution_id", executions);
    if (all || paths.contains("contexts")) {
      Set<Long> contexts = new TreeSet<>();
      attributions.forEach(link -> contexts.add(link[0]));
      associations.forEach(link -> contexts.add(link[0]));
      contexts.forEach(id -> graph.addContexts(Context.newBuilder().setId(id)));
    }
    if (all || paths.contains("events")) {
      graph.addAllEvents(events);
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
}

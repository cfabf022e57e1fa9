package io.mlmd4j.store;

import com.google.protobuf.Message;
import io.mlmd4j.LqlResult;
import io.mlmd4j.LqlResult.Path;
import io.mlmd4j.LqlResult.Reached;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.LineageGraph;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.CacheLookupPlan;
import io.mlmd4j.store.spi.LineagePlan;
import io.mlmd4j.store.spi.LineagePlan.Direction;
import io.mlmd4j.store.spi.LineagePlan.Output;
import io.mlmd4j.store.spi.LineagePlan.OutputKind;
import io.mlmd4j.store.spi.LqlPlan;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompilers;
import io.mlmd4j.store.spi.SqlTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs LQL statements: plans them through the {@link io.mlmd4j.store.spi.QueryCompiler}, sends
 * the one query of the plan, and builds the results. For a lineage walk the query returns the
 * reached nodes and the events between them; the distances, the events followed and the paths
 * are a breadth-first search over that subgraph in memory, which needs no further query.
 */
public final class LqlOperations {

  private final Connection connection;
  private final NodeRepository nodes;
  private final EdgeRepository edges;
  private final TypeRepository types;
  private final SqlTarget target;

  /**
   * @param target the database as the planner sees it (its version, and whether walks may be
   *     recursive queries), read once when the store was opened
   */
  public LqlOperations(Connection connection, Dialect dialect, SqlTarget target) {
    this.connection = connection;
    this.target = target;
    this.nodes = new NodeRepository(connection, dialect);
    this.edges = new EdgeRepository(connection, dialect);
    this.types = new TypeRepository(connection);
  }

  public LqlResult query(String statement) throws SQLException {
    LqlPlan plan = QueryCompilers.require("An LQL query").planLql(statement, target);
    if (plan instanceof CacheLookupPlan lookup) {
      List<Long> ids = Sql.query(connection, lookup.executionIds().sql(),
          lookup.executionIds().parameters(), rs -> rs.getLong(1));
      List<Reached<Execution>> found = new ArrayList<>();
      for (Execution x : nodes.byIdsInOrder(NodeAdapter.EXECUTION, ids)) {
        found.add(new Reached<>(x, 0));
      }
      return new LqlResult.Builder().executions("executions", found).build();
    }
    return new Walk((LineagePlan) plan).run();
  }

  /** A node of the walk: kind 0 artifact, 1 execution. */
  private record Node(int kind, long id) {}

  /** An event between two reached nodes. */
  private record Edge(long id, long artifactId, long executionId, int type) {}

  /** What the walk's query says of a reached node. */
  private static final class Found {
    boolean start;
    boolean stop;
    boolean returnedIfStop;
    boolean[] passes;
  }

  private final class Walk {
    private final LineagePlan plan;
    private final Map<Node, Found> found = new HashMap<>();
    private final List<Edge> between = new ArrayList<>();
    private final Map<Node, Integer> distance = new HashMap<>();
    private final Map<Node, Node> parent = new HashMap<>();
    private final Map<Node, Edge> parentEdge = new HashMap<>();
    private final Set<Long> followed = new TreeSet<>();

    Walk(LineagePlan plan) {
      this.plan = plan;
    }

    LqlResult run() throws SQLException {
      if (plan.hops() != null) {
        walkHopByHop();
        search();
      } else if (plan.distances() == null || !readDistances()) {
        readWalk();
        search();
      }
      return results();
    }

    /** The node rows' flags from column {@code first} on: the stop sets', then the filters'. */
    private Found flags(ResultSet rs, int first) throws SQLException {
      Found f = new Found();
      int stops = plan.stopSets().size();
      for (int i = 0; i < stops; i++) {
        if (rs.getInt(first + i) == 1) {
          f.stop = true;
          f.returnedIfStop |= plan.stopSets().get(i).inclusive();
        }
      }
      f.passes = new boolean[plan.flags() - stops];
      for (int i = 0; i < f.passes.length; i++) {
        f.passes[i] = rs.getInt(first + stops + i) == 1;
      }
      return f;
    }

    /** The recursive query of the reached nodes and the events between them. */
    private void readWalk() throws SQLException {
      Sql.forEach(connection, plan.walk(), rs -> {
        int kind = rs.getInt(1);
        if (kind == 2) {
          between.add(new Edge(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)));
          return;
        }
        Found f = flags(rs, 7);
        Found known = found.putIfAbsent(new Node(kind, rs.getLong(2)), f);
        (known == null ? f : known).start |= rs.getInt(6) == 1;
      });
    }

    /**
     * The reached nodes with their distances, from the recursive query that gives them; false,
     * with nothing kept, when its walks were cut and so may have missed nodes or shorter walks.
     */
    private boolean readDistances() throws SQLException {
      LineagePlan.Distances query = plan.distances();
      boolean[] cut = {false};
      Sql.forEach(connection, query.query(), rs -> {
        Node n = new Node(rs.getInt(1), rs.getLong(2));
        found.put(n, flags(rs, 5));
        distance.put(n, rs.getInt(3));
        cut[0] |= query.wasCut(rs.getInt(4));
      });
      if (cut[0]) {
        found.clear();
        distance.clear();
      }
      return !cut[0];
    }

    /**
     * The walk without recursive queries: the start nodes, then one query per hop (per
     * chunk of ids) from the frontier of each kind, keeping the events followed and the nodes
     * they lead to. The search then goes over them as over the recursive query's rows.
     */
    private void walkHopByHop() throws SQLException {
      LineagePlan.HopByHop hops = plan.hops();
      List<Node> starts = new ArrayList<>();
      Sql.forEach(connection, hops.starts().sql(), hops.starts().parameters(), rs -> {
        Node n = new Node(rs.getInt(1), rs.getLong(2));
        Found f = flags(rs, 3);
        f.start = true;
        if (found.putIfAbsent(n, f) == null) {
          starts.add(n);
        }
      });
      List<Node> frontier = starts;
      Set<Long> events = new HashSet<>();
      int limit = plan.maxHops().orElse(Integer.MAX_VALUE);
      for (int hop = 0; hop < limit && !frontier.isEmpty(); hop++) {
        List<Node> next = new ArrayList<>();
        for (int kind = 0; kind < 2; kind++) {
          List<Long> ids = new ArrayList<>();
          for (Node n : frontier) {
            if (n.kind() == kind && !found.get(n).stop) {
              ids.add(n.id());
            }
          }
          LineagePlan.Step step = kind == 0 ? hops.fromArtifacts() : hops.fromExecutions();
          int from = kind;
          for (List<Long> chunk : Sql.chunks(ids)) {
            List<Object> params = new ArrayList<>(step.beforeParameters());
            params.addAll(chunk);
            params.addAll(step.afterParameters());
            Sql.forEach(connection, step.before() + Sql.markers(chunk.size()) + step.after(),
                params, rs -> {
                  Edge e = new Edge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4));
                  if (events.add(e.id())) {
                    between.add(e);
                  }
                  Node to = from == 0 ? new Node(1, e.executionId()) : new Node(0, e.artifactId());
                  if (!found.containsKey(to)) {
                    found.put(to, flags(rs, 5));
                    next.add(to);
                  }
                });
          }
        }
        frontier = next;
      }
    }

    /** A step of the search: an event and the node it leads to. */
    private record Step(Node to, Edge edge) {}

    /** Breadth-first from every start node over the events the direction lets the walk take. */
    private void search() {
      Map<Node, List<Step>> next = new HashMap<>(found.size() * 2);
      for (Edge e : between) {
        Node artifact = new Node(0, e.artifactId());
        Node execution = new Node(1, e.executionId());
        if (follows(e.type(), true)) {
          next.computeIfAbsent(artifact, n -> new ArrayList<>()).add(new Step(execution, e));
        }
        if (follows(e.type(), false)) {
          next.computeIfAbsent(execution, n -> new ArrayList<>()).add(new Step(artifact, e));
        }
      }
      ArrayDeque<Node> queue = new ArrayDeque<>();
      found.entrySet().stream().filter(f -> f.getValue().start).map(Map.Entry::getKey)
          .sorted(Comparator.comparingInt(Node::kind).thenComparingLong(Node::id))
          .forEach(n -> {
            distance.put(n, 0);
            queue.add(n);
          });
      int limit = plan.maxHops().orElse(Integer.MAX_VALUE);
      while (!queue.isEmpty()) {
        Node u = queue.poll();
        int d = distance.get(u);
        if (found.get(u).stop || d >= limit) {
          continue;
        }
        for (Step step : next.getOrDefault(u, List.of())) {
          Node v = step.to();
          if (!found.containsKey(v)) {
            continue;
          }
          if (returned(v)) {
            followed.add(step.edge().id());
          }
          if (distance.putIfAbsent(v, d + 1) == null) {
            parent.put(v, u);
            parentEdge.put(v, step.edge());
            queue.add(v);
          }
        }
      }
    }

    private boolean follows(int type, boolean fromArtifact) {
      if (plan.direction() == Direction.BOTH) {
        return true;
      }
      boolean towardsOutputs = (plan.direction() == Direction.UPSTREAM) == fromArtifact;
      boolean output = type == 1 || type == 4 || type == 6 || type == 7;
      boolean input = type == 2 || type == 3 || type == 5;
      return towardsOutputs ? output : input;
    }

    private boolean returned(Node n) {
      Found f = found.get(n);
      return f != null && (!f.stop || f.returnedIfStop);
    }

    /** The returned nodes of a kind passing an output's filter, by distance and then id. */
    private List<Node> selected(int kind, int filter) {
      List<Map.Entry<Node, Integer>> selected = new ArrayList<>();
      for (Map.Entry<Node, Integer> d : distance.entrySet()) {
        Node n = d.getKey();
        if ((kind < 0 || n.kind() == kind) && returned(n)
            && (filter < 0 || found.get(n).passes[filter])) {
          selected.add(d);
        }
      }
      selected.sort(Map.Entry.<Node, Integer>comparingByValue()
          .thenComparing(e -> e.getKey().kind()).thenComparing(e -> e.getKey().id()));
      List<Node> nodes = new ArrayList<>(selected.size());
      selected.forEach(e -> nodes.add(e.getKey()));
      return nodes;
    }

    private LqlResult results() throws SQLException {
      // Which nodes each output needs, then every node read once.
      List<List<Node>> selections = new ArrayList<>();
      int filter = 0;
      Set<Long> artifactIds = new TreeSet<>();
      Set<Long> executionIds = new TreeSet<>();
      for (Output output : plan.outputs()) {
        int kind = output.target() == null ? -1 : output.target() == NodeTable.ARTIFACT ? 0 : 1;
        List<Node> selection = switch (output.kind()) {
          case EVENTS -> List.of();
          case GRAPH -> selected(-1, -1);
          default -> selected(kind, output.filtered() ? filter++ : -1);
        };
        selections.add(selection);
        for (Node n : output.kind() == OutputKind.PATHS ? onPaths(selection) : selection) {
          (n.kind() == 0 ? artifactIds : executionIds).add(n.id());
        }
      }
      Map<Long, Artifact> artifacts = nodes.mapByIds(NodeAdapter.ARTIFACT, artifactIds);
      Map<Long, Execution> executions = nodes.mapByIds(NodeAdapter.EXECUTION, executionIds);
      boolean needEvents = plan.outputs().stream().anyMatch(o -> o.kind() == OutputKind.EVENTS
          || o.kind() == OutputKind.GRAPH || o.kind() == OutputKind.PATHS);
      Map<Long, Event> events = needEvents ? eventsById() : Map.of();

      LqlResult.Builder result = new LqlResult.Builder();
      for (int i = 0; i < plan.outputs().size(); i++) {
        Output output = plan.outputs().get(i);
        List<Node> selection = selections.get(i);
        switch (output.kind()) {
          case ARTIFACTS -> {
            List<Reached<Artifact>> rows = new ArrayList<>();
            selection.forEach(n -> rows.add(new Reached<>(artifacts.get(n.id()), distance.get(n))));
            result.artifacts(output.name(), rows);
          }
          case EXECUTIONS -> {
            List<Reached<Execution>> rows = new ArrayList<>();
            selection.forEach(n ->
                rows.add(new Reached<>(executions.get(n.id()), distance.get(n))));
            result.executions(output.name(), rows);
          }
          case EVENTS -> result.events(output.name(), followedEvents(events));
          case GRAPH -> result.graph(output.name(), graph(selection, artifacts, executions,
              events));
          case PATHS -> {
            List<Path> paths = new ArrayList<>();
            for (Node n : selection) {
              paths.add(path(n, artifacts, executions, events));
            }
            result.paths(output.name(), paths);
          }
        }
      }
      return result.build();
    }

    /** The nodes on the paths to {@code targets}. */
    private Set<Node> onPaths(List<Node> targets) {
      Set<Node> on = new LinkedHashSet<>();
      for (Node n : targets) {
        for (Node m = n; m != null; m = parent.get(m)) {
          on.add(m);
        }
      }
      return on;
    }

    /**
     * The events followed, with their paths, by event id: those of the results (a path's
     * events are followed too). The walk may have read more, beyond a hop limit.
     */
    private Map<Long, Event> eventsById() throws SQLException {
      List<Event> loaded = edges.events("id", followed);
      Map<Long, Event> byId = new HashMap<>();
      List<Long> ordered = new ArrayList<>(followed);
      for (int i = 0; i < ordered.size(); i++) {
        byId.put(ordered.get(i), loaded.get(i));
      }
      return byId;
    }

    private List<Event> followedEvents(Map<Long, Event> events) {
      List<Event> list = new ArrayList<>();
      followed.forEach(id -> list.add(events.get(id)));
      return list;
    }

    private LineageGraph graph(List<Node> selection, Map<Long, Artifact> artifacts,
        Map<Long, Execution> executions, Map<Long, Event> events) throws SQLException {
      LineageGraph.Builder graph = LineageGraph.newBuilder();
      Set<Long> artifactTypes = new TreeSet<>();
      Set<Long> executionTypes = new TreeSet<>();
      List<Node> byId = new ArrayList<>(selection);
      byId.sort(Comparator.comparingInt(Node::kind).thenComparingLong(Node::id));
      for (Node n : byId) {
        if (n.kind() == 0) {
          Artifact a = artifacts.get(n.id());
          graph.addArtifacts(a);
          artifactTypes.add(a.getTypeId());
        } else {
          Execution x = executions.get(n.id());
          graph.addExecutions(x);
          executionTypes.add(x.getTypeId());
        }
      }
      graph.addAllEvents(followedEvents(events));
      types.byIds(TypeKind.ARTIFACT, artifactTypes).forEach(t ->
          graph.addArtifactTypes(TypeCodec.toArtifactType(t, true)));
      types.byIds(TypeKind.EXECUTION, executionTypes).forEach(t ->
          graph.addExecutionTypes(TypeCodec.toExecutionType(t, true)));
      return graph.build();
    }

    private Path path(Node target, Map<Long, Artifact> artifacts,
        Map<Long, Execution> executions, Map<Long, Event> events) {
      List<Message> pathNodes = new ArrayList<>();
      List<Event> pathEvents = new ArrayList<>();
      for (Node m = target; m != null; m = parent.get(m)) {
        pathNodes.add(m.kind() == 0 ? artifacts.get(m.id()) : executions.get(m.id()));
        Edge e = parentEdge.get(m);
        if (e != null) {
          pathEvents.add(events.get(e.id()));
        }
      }
      Collections.reverse(pathNodes);
      Collections.reverse(pathEvents);
      return new Path(pathNodes, pathEvents);
    }
  }
}

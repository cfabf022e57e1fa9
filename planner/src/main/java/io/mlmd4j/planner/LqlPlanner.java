package io.mlmd4j.planner;

import io.mlmd4j.grammar.ast.BooleanLiteral;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Direction;
import io.mlmd4j.grammar.ast.DoubleLiteral;
import io.mlmd4j.grammar.ast.EventResult;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.GraphResult;
import io.mlmd4j.grammar.ast.IntLiteral;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.Literal;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.grammar.ast.NodeResult;
import io.mlmd4j.grammar.ast.PathResult;
import io.mlmd4j.grammar.ast.PropertyMatch;
import io.mlmd4j.grammar.ast.StopCondition;
import io.mlmd4j.grammar.ast.StringLiteral;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.store.spi.CacheLookupPlan;
import io.mlmd4j.store.spi.LineagePlan;
import io.mlmd4j.store.spi.LineagePlan.Output;
import io.mlmd4j.store.spi.LineagePlan.OutputKind;
import io.mlmd4j.store.spi.LineagePlan.StopSet;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.SqlStatement;
import io.mlmd4j.store.spi.SqlTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans LQL statements. A lineage walk becomes one recursive query ({@code WITH RECURSIVE})
 * that the backend runs to the end, rather than a query per hop or Calcite's in-memory
 * repeat-union. Its recursive part has one step per node kind (from artifacts along
 * {@code Event.artifact_id}, from executions along {@code Event.execution_id}), so that each
 * step is an index lookup; a single step joining on "artifact_id or execution_id" was measured
 * at minutes on MariaDB. Without a hop limit the recursion keeps one row per reached node and so
 * ends on any graph, cycles included; with a limit of at most {@link #HOPS_IN_ROWS} it carries
 * the distance and stops at it (the distance in the row makes a node come back once per length
 * of walk reaching it, which on a cycle is every length up to the limit); with a larger limit
 * the walk is the one without a limit, and the store stops its search at the limit. The
 * same statement returns the events between the reached nodes, from which the store takes the
 * distances and the events followed. When the results are only nodes, a lighter recursive query
 * whose rows carry their distance is tried first (see {@link LineagePlan.Distances}). Where the
 * server has no recursive queries, or the target says not to use them, the walk is one query
 * per hop over the whole frontier. Every filter (start, stop, returned nodes) is planned
 * through Calcite as a subquery of node ids.
 */
final class LqlPlanner {

  /** Event types an artifact is the output of, and an execution's outputs. */
  private static final String OUTPUT_TYPES = "1, 4, 6, 7";
  /** Event types an artifact is the input of, and an execution's inputs. */
  private static final String INPUT_TYPES = "2, 3, 5";

  private final Function<Filter, SqlText> ids;
  private final SqlTarget target;
  /** Whether the backend takes MySQL's {@code STRAIGHT_JOIN}, which fixes a join's order. */
  private final boolean straightJoin;

  /**
   * @param ids plans a filter as the query of the ids of the nodes it selects
   * @param target the database the statement is planned for
   */
  LqlPlanner(Function<Filter, SqlText> ids, SqlTarget target) {
    this.ids = ids;
    this.target = target;
    this.straightJoin = target.dialect() == Dialect.MYSQL;
  }

  /** SQL text and its parameters, built up in order. */
  private static final class Sql {
    final StringBuilder text = new StringBuilder();
    final List<Object> parameters = new ArrayList<>();

    Sql add(String s) {
      text.append(s);
      return this;
    }

    Sql add(SqlText s) {
      text.append(s.sql());
      parameters.addAll(s.parameters());
      return this;
    }

    Sql param(Object value) {
      text.append('?');
      parameters.add(value);
      return this;
    }

    SqlStatement statement() {
      return new SqlStatement(text.toString(), parameters);
    }
  }

  /**
   * How long the walks of a {@link LineagePlan.Distances} query may get before they are cut. A
   * cycle makes them go on to the cut, costing up to this many rows per node behind it; a walk
   * cut is then run again as {@link LineagePlan#walk}.
   */
  static final int DISTANCE_CUT = 256;

  /**
   * The largest hop limit a walk's recursion carries in its rows. Such a walk reads each node
   * once per length of walk that reaches it, at most this many times; above it the walk without
   * a limit, which reads each node and event once, costs less than what the limit can save.
   */
  static final int HOPS_IN_ROWS = 32;

  /** What a lineage statement's queries are made of, planned once for all of them. */
  private record Parts(LineageQuery q, List<SqlText> starts, List<SqlText> stops,
      List<NodeKind> flagKinds, List<SqlText> flagIds, List<Output> outputs) {}

  LineagePlan lineage(LineageQuery q) {
    List<SqlText> starts = new ArrayList<>();
    for (Filter start : q.startSets()) {
      starts.add(ids.apply(start));
    }
    // One flag column per stop set, then one per filtered node output.
    List<SqlText> stops = new ArrayList<>();
    List<StopSet> stopSets = new ArrayList<>();
    List<NodeKind> flagKinds = new ArrayList<>();
    List<SqlText> flagIds = new ArrayList<>();
    for (StopCondition stop : q.stopConditions()) {
      SqlText stopIds = ids.apply(stop.filter());
      stops.add(stopIds);
      stopSets.add(new StopSet(table(stop.filter().nodeKind()), stop.inclusive()));
      flagKinds.add(stop.filter().nodeKind());
      flagIds.add(stopIds);
    }
    List<Output> outputs = new ArrayList<>();
    for (LineageResult result : q.results()) {
      Output output = output(result);
      outputs.add(output);
      if (output.filtered()) {
        Filter where = result instanceof NodeResult n ? n.where().orElseThrow()
            : ((PathResult) result).where().orElseThrow();
        flagKinds.add(where.nodeKind());
        flagIds.add(ids.apply(where));
      }
    }
    Parts p = new Parts(q, starts, stops, flagKinds, flagIds, outputs);
    if (!target.hasRecursiveQueries()) {
      return new LineagePlan(null, null, hopByHop(p), direction(q.direction()), q.maxHops(),
          stopSets, outputs);
    }
    boolean nodesOnly = outputs.stream().allMatch(o -> o.kind() == OutputKind.ARTIFACTS
        || o.kind() == OutputKind.EXECUTIONS);
    // Walking both ways, every event is a cycle of two hops: distances would go on to the cut.
    LineagePlan.Distances distances = nodesOnly && q.direction() != Direction.BOTH
        ? distances(p) : null;
    return new LineagePlan(walk(p), distances, null, direction(q.direction()), q.maxHops(),
        stopSets, outputs);
  }

  /**
   * The recursive part of a walk: start rows, then one step per node kind. With
   * {@code distanceLimit} the rows carry their distance and stop at that parameter.
   */
  private void recursion(Sql sql, Parts p, Long distanceLimit) {
    boolean distance = distanceLimit != null;
    sql.add("WITH RECURSIVE walk(kind, id").add(distance ? ", distance" : "").add(") AS (");
    String union = "";
    for (int i = 0; i < p.starts().size(); i++) {
      NodeKind kind = p.q().startSets().get(i).nodeKind();
      sql.add(union).add("SELECT " + code(kind) + ", n.id").add(distance ? ", 0" : "")
          .add(" FROM " + Tables.node(kind) + " n WHERE n.id IN (").add(p.starts().get(i))
          .add(")");
      union = " UNION ";
    }
    for (NodeKind from : List.of(NodeKind.ARTIFACT, NodeKind.EXECUTION)) {
      NodeKind to = other(from);
      sql.add(" UNION SELECT " + code(to) + ", e." + Tables.idColumn(to))
          .add(distance ? ", w.distance + 1" : "")
          .add(" FROM walk w JOIN Event e ON e." + Tables.idColumn(from) + " = w.id WHERE w.kind = "
              + code(from));
      String types = eventTypes(p.q().direction(), from);
      if (types != null) {
        sql.add(" AND e.type IN (" + types + ")");
      }
      if (distance) {
        sql.add(" AND w.distance < ").param(distanceLimit);
      }
      for (int i = 0; i < p.stops().size(); i++) {
        if (p.q().stopConditions().get(i).filter().nodeKind() == from) {
          sql.add(" AND w.id NOT IN (").add(p.stops().get(i)).add(")");
        }
      }
    }
    sql.add(") SELECT ").add(recursionHint());
  }

  /**
   * What lifts the server's cap on the rounds of a recursive query for this statement: MySQL 8
   * stops at {@code cte_max_recursion_depth} (1000 by default), MariaDB at
   * {@code max_recursive_iterations} (1000 by default from 10.6), each round one hop here.
   */
  private String recursionHint() {
    return target.dialect() == Dialect.MYSQL && !target.mariaDb()
        ? "/*+ SET_VAR(cte_max_recursion_depth = " + MAX_ROUNDS + ") */ " : "";
  }

  /** MariaDB takes the cap as a statement prefix. */
  private Sql prefix() {
    Sql sql = new Sql();
    if (target.dialect() == Dialect.MYSQL && target.mariaDb()) {
      sql.add("SET STATEMENT max_recursive_iterations = " + MAX_ROUNDS + " FOR ");
    }
    return sql;
  }

  /** The largest value both servers take for their cap on rounds. */
  private static final long MAX_ROUNDS = 4294967295L;

  /** The walk's nodes, with their flags, and the events between them. */
  private SqlStatement walk(Parts p) {
    boolean bounded = p.q().maxHops().isPresent() && p.q().maxHops().getAsInt() <= HOPS_IN_ROWS;
    Sql sql = prefix();
    recursion(sql, p, bounded ? (long) p.q().maxHops().getAsInt() : null);
    sql.add(bounded ? "DISTINCT " : "").add("w.kind, w.id, 0, 0, 0, ");
    // Start flag, then one flag per stop set and per filtered node output.
    sql.add("CASE WHEN ");
    String or = "";
    for (int i = 0; i < p.starts().size(); i++) {
      sql.add(or).add("w.kind = " + code(p.q().startSets().get(i).nodeKind())
          + " AND w.id IN (").add(p.starts().get(i)).add(")");
      or = " OR ";
    }
    sql.add(" THEN 1 ELSE 0 END");
    flags(sql, p);
    sql.add(" FROM walk w UNION ALL SELECT 2, e.id, e.artifact_id, e.execution_id, e.type, 0");
    for (int i = 0; i < p.flagIds().size(); i++) {
      sql.add(", 0");
    }
    // From each reached artifact to its events, then to a reached execution, in that order.
    // Left to themselves, SQLite (with two IN lists) and MariaDB (which guesses the walk holds
    // 2 rows, so pairs its artifacts with its executions first) probe the (artifact,
    // execution, type) index once per pair of reached nodes: seconds on a closure of 5,000.
    // A bounded walk holds a node once per distance: the events join its nodes taken once.
    String join = straightJoin ? " STRAIGHT_JOIN " : " JOIN ";
    sql.add(bounded
        ? " FROM (SELECT DISTINCT id FROM walk WHERE kind = 0) w" + join + "Event e ON"
            + " e.artifact_id = w.id" + join + "(SELECT DISTINCT id FROM walk WHERE kind = 1) x"
            + " ON x.id = e.execution_id"
        : " FROM walk w" + join + "Event e ON e.artifact_id = w.id" + join + "walk x ON x.id ="
            + " e.execution_id AND x.kind = 1 WHERE w.kind = 0");
    return sql.statement();
  }

  /**
   * The nodes of the kinds the outputs return, each with its shortest and longest walk: the
   * rows of the recursion carry the walk's length, so that no event crosses the connection and
   * no search is left to the store.
   */
  private LineagePlan.Distances distances(Parts p) {
    int maxHops = p.q().maxHops().orElse(Integer.MAX_VALUE);
    boolean cut = maxHops > DISTANCE_CUT;
    Sql sql = prefix();
    recursion(sql, p, (long) Math.min(maxHops, DISTANCE_CUT));
    sql.add("w.kind, w.id, w.distance, w.longest");
    flags(sql, p);
    sql.add(" FROM (SELECT kind, id, MIN(distance) AS distance, MAX(distance) AS longest"
        + " FROM walk");
    Set<String> kinds = new TreeSet<>();
    for (Output o : p.outputs()) {
      kinds.add(o.target() == NodeTable.ARTIFACT ? "0" : "1");
    }
    if (kinds.size() == 1) {
      sql.add(" WHERE kind = " + kinds.iterator().next());
    }
    sql.add(" GROUP BY kind, id) w");
    return new LineagePlan.Distances(sql.statement(), cut ? DISTANCE_CUT : 0);
  }

  /** The walk as a query of its start nodes and one query per hop from a frontier. */
  private LineagePlan.HopByHop hopByHop(Parts p) {
    Sql starts = new Sql().add("SELECT w.kind, w.id");
    flags(starts, p);
    starts.add(" FROM (");
    String union = "";
    for (int i = 0; i < p.starts().size(); i++) {
      NodeKind kind = p.q().startSets().get(i).nodeKind();
      starts.add(union).add("SELECT " + code(kind) + " AS kind, n.id AS id FROM "
          + Tables.node(kind) + " n WHERE n.id IN (").add(p.starts().get(i)).add(")");
      union = " UNION ";
    }
    starts.add(") w");
    return new LineagePlan.HopByHop(starts.statement(), step(p, NodeKind.ARTIFACT),
        step(p, NodeKind.EXECUTION));
  }

  /** One hop from a frontier of {@code from}: the events followed and the flags of their ends. */
  private LineagePlan.Step step(Parts p, NodeKind from) {
    NodeKind to = other(from);
    Sql before = new Sql().add("SELECT w.eid, w.artifact_id, w.execution_id, w.type");
    flags(before, p);
    before.add(" FROM (SELECT e.id AS eid, e.artifact_id, e.execution_id, e.type, "
        + code(to) + " AS kind, e." + Tables.idColumn(to) + " AS id FROM Event e WHERE e."
        + Tables.idColumn(from) + " IN (");
    String types = eventTypes(p.q().direction(), from);
    String after = ")" + (types == null ? "" : " AND e.type IN (" + types + ")") + ") w";
    return new LineagePlan.Step(before.text.toString(), before.parameters, after, List.of());
  }

  /** One 0/1 column per stop set and per filtered output, over the row {@code w}. */
  private static void flags(Sql sql, Parts p) {
    for (int i = 0; i < p.flagIds().size(); i++) {
      flag(sql, p.flagKinds().get(i), p.flagIds().get(i));
    }
  }

  private static NodeKind other(NodeKind kind) {
    return kind == NodeKind.ARTIFACT ? NodeKind.EXECUTION : NodeKind.ARTIFACT;
  }

  private static void flag(Sql sql, NodeKind kind, SqlText ids) {
    sql.add(", CASE WHEN w.kind = " + code(kind) + " AND w.id IN (").add(ids)
        .add(") THEN 1 ELSE 0 END");
  }

  private static Output output(LineageResult result) {
    if (result instanceof NodeResult n) {
      return new Output(n.name(), n.kind() == NodeKind.ARTIFACT ? OutputKind.ARTIFACTS
          : OutputKind.EXECUTIONS, table(n.kind()), n.where().isPresent());
    } else if (result instanceof EventResult e) {
      return new Output(e.name(), OutputKind.EVENTS, null, false);
    } else if (result instanceof GraphResult g) {
      return new Output(g.name(), OutputKind.GRAPH, null, false);
    }
    PathResult p = (PathResult) result;
    return new Output(p.name(), OutputKind.PATHS, p.target().map(LqlPlanner::table).orElse(null),
        p.where().isPresent());
  }

  /** The event types a walk follows from a node of {@code from}; null for every type. */
  private static String eventTypes(Direction direction, NodeKind from) {
    if (direction == Direction.BOTH) {
      return null;
    }
    // Upstream from an artifact are the executions that output it; from an execution, its inputs.
    boolean outputs = (direction == Direction.UPSTREAM) == (from == NodeKind.ARTIFACT);
    return outputs ? OUTPUT_TYPES : INPUT_TYPES;
  }

  /** The kind code of the walk's rows: 0 artifact, 1 execution. */
  private static String code(NodeKind kind) {
    return kind == NodeKind.ARTIFACT ? "0" : "1";
  }

  private static NodeTable table(NodeKind kind) {
    return kind == NodeKind.ARTIFACT ? NodeTable.ARTIFACT : NodeTable.EXECUTION;
  }

  private static LineagePlan.Direction direction(Direction direction) {
    return switch (direction) {
      case UPSTREAM -> LineagePlan.Direction.UPSTREAM;
      case DOWNSTREAM -> LineagePlan.Direction.DOWNSTREAM;
      case BOTH -> LineagePlan.Direction.BOTH;
    };
  }

  /**
   * The executions of the type whose inputs are exactly the given artifacts, matching the
   * properties and the filter, newest first. The first listed input drives the search through
   * the event index; the counts then check that there are no other inputs.
   */
  CacheLookupPlan cacheLookup(CacheLookup c) {
    Sql sql = new Sql().add("SELECT x.id FROM Execution x JOIN Type t ON t.id = x.type_id"
        + " WHERE t.type_kind = 0 AND t.name = ").param(c.typeName());
    if (c.typeVersion().isPresent() && !c.typeVersion().get().isEmpty()) {
      sql.add(" AND t.version = ").param(c.typeVersion().get());
    } else {
      sql.add(" AND (t.version IS NULL OR t.version = '')");
    }
    String inputs = "FROM Event e WHERE e.execution_id = x.id AND e.type IN (" + INPUT_TYPES + ")";
    List<Long> inputIds = c.inputArtifactIds();
    if (inputIds.isEmpty()) {
      sql.add(" AND NOT EXISTS (SELECT 1 " + inputs + ")");
    } else {
      sql.add(" AND x.id IN (SELECT e.execution_id FROM Event e WHERE e.artifact_id = ")
          .param(inputIds.get(0)).add(" AND e.type IN (" + INPUT_TYPES + "))");
      sql.add(" AND (SELECT COUNT(DISTINCT e.artifact_id) " + inputs + ") = ")
          .param((long) inputIds.size());
      sql.add(" AND (SELECT COUNT(DISTINCT e.artifact_id) " + inputs + " AND e.artifact_id IN (");
      String comma = "";
      for (long id : inputIds) {
        sql.add(comma).param(id);
        comma = ", ";
      }
      sql.add(")) = ").param((long) inputIds.size());
    }
    for (PropertyMatch match : c.properties()) {
      sql.add(" AND EXISTS (SELECT 1 FROM ExecutionProperty p WHERE p.execution_id = x.id"
          + " AND p.name = ").param(match.name()).add(" AND p." + field(match.value()) + " = ")
          .param(value(match.value())).add(")");
    }
    c.where().ifPresent(filter -> sql.add(" AND x.id IN (").add(ids.apply(filter)).add(")"));
    sql.add(" ORDER BY x.create_time_since_epoch DESC, x.id DESC");
    return new CacheLookupPlan(sql.statement());
  }

  private static String field(Literal value) {
    if (value instanceof IntLiteral) {
      return "int_value";
    } else if (value instanceof DoubleLiteral) {
      return "double_value";
    } else if (value instanceof StringLiteral) {
      return "string_value";
    }
    return "bool_value";
  }

  private static Object value(Literal value) {
    if (value instanceof IntLiteral i) {
      return i.value();
    } else if (value instanceof DoubleLiteral d) {
      return d.value();
    } else if (value instanceof StringLiteral s) {
      return s.value();
    }
    return ((BooleanLiteral) value).value() ? 1L : 0L;
  }
}

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
import io.mlmd4j.store.spi.CacheLookupPlan;
import io.mlmd4j.store.spi.LineagePlan;
import io.mlmd4j.store.spi.LineagePlan.Output;
import io.mlmd4j.store.spi.LineagePlan.OutputKind;
import io.mlmd4j.store.spi.LineagePlan.StopSet;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Plans LQL statements. A lineage walk becomes one recursive query ({@code WITH RECURSIVE})
 * that the backend runs to the end, rather than a query per hop or Calcite's in-memory
 * repeat-union. Its recursive part has one step per node kind (from artifacts along
 * {@code Event.artifact_id}, from executions along {@code Event.execution_id}), so that each
 * step is an index lookup; a single step joining on "artifact_id or execution_id" was measured
 * at minutes on MariaDB. Without a hop limit the recursion keeps one row per reached node and so
 * ends on any graph, cycles included; with a limit it carries the distance and stops at it. The
 * same statement returns the events between the reached nodes, from which the store takes the
 * distances and the events followed. Every filter (start, stop, returned nodes) is planned
 * through Calcite as a subquery of node ids.
 */
final class LqlPlanner {

  /** Event types an artifact is the output of, and an execution's outputs. */
  private static final String OUTPUT_TYPES = "1, 4, 6, 7";
  /** Event types an artifact is the input of, and an execution's inputs. */
  private static final String INPUT_TYPES = "2, 3, 5";

  private final Function<Filter, SqlText> ids;
  private final boolean straightJoin;

  /**
   * @param ids plans a filter as the query of the ids of the nodes it selects
   * @param straightJoin whether the backend takes MySQL's {@code STRAIGHT_JOIN}, which fixes
   *     the order of a join
   */
  LqlPlanner(Function<Filter, SqlText> ids, boolean straightJoin) {
    this.ids = ids;
    this.straightJoin = straightJoin;
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

  LineagePlan lineage(LineageQuery q) {
    boolean bounded = q.maxHops().isPresent();
    List<SqlText> stops = new ArrayList<>();
    List<StopSet> stopSets = new ArrayList<>();
    for (StopCondition stop : q.stopConditions()) {
      stops.add(ids.apply(stop.filter()));
      stopSets.add(new StopSet(table(stop.filter().nodeKind()), stop.inclusive()));
    }
    List<SqlText> starts = new ArrayList<>();
    for (Filter start : q.startSets()) {
      starts.add(ids.apply(start));
    }

    Sql sql = new Sql().add("WITH RECURSIVE walk(kind, id").add(bounded ? ", distance" : "")
        .add(") AS (");
    String union = "";
    for (int i = 0; i < starts.size(); i++) {
      NodeKind kind = q.startSets().get(i).nodeKind();
      sql.add(union).add("SELECT " + code(kind) + ", n.id").add(bounded ? ", 0" : "")
          .add(" FROM " + Tables.node(kind) + " n WHERE n.id IN (").add(starts.get(i)).add(")");
      union = " UNION ";
    }
    for (NodeKind from : List.of(NodeKind.ARTIFACT, NodeKind.EXECUTION)) {
      NodeKind to = from == NodeKind.ARTIFACT ? NodeKind.EXECUTION : NodeKind.ARTIFACT;
      sql.add(" UNION SELECT " + code(to) + ", e." + Tables.idColumn(to))
          .add(bounded ? ", w.distance + 1" : "")
          .add(" FROM walk w JOIN Event e ON e." + Tables.idColumn(from) + " = w.id WHERE w.kind = "
              + code(from));
      String types = eventTypes(q.direction(), from);
      if (types != null) {
        sql.add(" AND e.type IN (" + types + ")");
      }
      if (bounded) {
        sql.add(" AND w.distance < ").param((long) q.maxHops().getAsInt());
      }
      for (int i = 0; i < stops.size(); i++) {
        if (q.stopConditions().get(i).filter().nodeKind() == from) {
          sql.add(" AND w.id NOT IN (").add(stops.get(i)).add(")");
        }
      }
    }
    sql.add(") SELECT ").add(bounded ? "DISTINCT " : "").add("w.kind, w.id, 0, 0, 0, ");
    // Start flag, then one flag per stop set and per filtered node output.
    sql.add("CASE WHEN ");
    String or = "";
    for (int i = 0; i < starts.size(); i++) {
      sql.add(or).add("w.kind = " + code(q.startSets().get(i).nodeKind()) + " AND w.id IN (")
          .add(starts.get(i)).add(")");
      or = " OR ";
    }
    sql.add(" THEN 1 ELSE 0 END");
    for (int i = 0; i < stops.size(); i++) {
      flag(sql, q.stopConditions().get(i).filter().nodeKind(), stops.get(i));
    }
    List<Output> outputs = new ArrayList<>();
    int flags = stops.size();
    for (LineageResult result : q.results()) {
      Output output = output(result);
      outputs.add(output);
      if (output.filtered()) {
        Filter where = result instanceof NodeResult n ? n.where().orElseThrow()
            : ((PathResult) result).where().orElseThrow();
        flag(sql, where.nodeKind(), ids.apply(where));
        flags++;
      }
    }
    sql.add(" FROM walk w UNION ALL SELECT 2, e.id, e.artifact_id, e.execution_id, e.type, 0");
    for (int i = 0; i < flags; i++) {
      sql.add(", 0");
    }
    // From each reached artifact to its events, then to a reached execution, in that order.
    // Left to themselves, SQLite (with two IN lists) and MariaDB (which guesses the walk holds
    // 2 rows, so pairs its artifacts with its executions first) probe the (artifact,
    // execution, type) index once per pair of reached nodes: seconds on a closure of 5,000.
    String join = straightJoin ? " STRAIGHT_JOIN " : " JOIN ";
    sql.add(" FROM walk w" + join + "Event e ON e.artifact_id = w.id" + join + "walk x ON x.id ="
        + " e.execution_id AND x.kind = 1 WHERE w.kind = 0");
    return new LineagePlan(sql.statement(), direction(q.direction()), q.maxHops(), stopSets,
        outputs);
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

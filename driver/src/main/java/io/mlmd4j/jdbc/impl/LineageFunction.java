package io.mlmd4j.jdbc.impl;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.grammar.Lql;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LineageResult;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeResult;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Execution;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The table function {@code mlmd.lineage}: the artifacts and executions a lineage walk reaches,
 * as rows {@code (kind, id, artifact_id, execution_id, type, name, distance)} to join with the
 * logical tables. Artifacts and executions number their ids separately, so a join goes through
 * {@code artifact_id} or {@code execution_id}, which are NULL for the other kind. Two forms:
 * <ul>
 *   <li>{@code lineage(statement)}: any LQL statement. Its {@code ARTIFACTS} and
 *   {@code EXECUTIONS} items (with their {@code WHERE}) say which nodes are rows; a statement
 *   with neither (one returning {@code GRAPH}, as without {@code RETURN}) gives every reached
 *   artifact and execution. A cache lookup gives its executions at distance 0.
 *   <li>{@code lineage(direction, kind, filter [, max_hops])}: the walk
 *   {@code LINEAGE direction OF kind WHERE filter [MAX HOPS max_hops]}, every reached node.
 * </ul>
 * The walk runs through the connection's {@link MetadataStore#query}, as one SQL statement in
 * the backend, when the query's rows are read; the rest of the query is planned as usual.
 */
public final class LineageFunction {

  /** The function's name in schema {@code mlmd}. */
  static final String NAME = "lineage";

  private static final List<Column> COLUMNS = List.of(
      Column.notNull("kind", VARCHAR, "ARTIFACT or EXECUTION"),
      Column.notNull("id", BIGINT, "The node's id"),
      Column.nullable("artifact_id", BIGINT, "The artifact's id; NULL for an execution"),
      Column.nullable("execution_id", BIGINT, "The execution's id; NULL for an artifact"),
      Column.notNull("type", VARCHAR, "The node's type name"),
      Column.nullable("name", VARCHAR, "The node's name"),
      Column.notNull("distance", INTEGER, "Events between the node and the nearest start node"));

  private LineageFunction() {}

  /** The overloads of {@code lineage}, for a schema's function map. */
  static Multimap<String, Function> functions() {
    ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
    for (Method m : LineageFunction.class.getMethods()) {
      if (m.getName().equals(NAME)) {
        b.put(NAME, TableFunctionImpl.create(m));
      }
    }
    return b.build();
  }

  /** The nodes an LQL statement returns. */
  public static ScannableTable lineage(@Parameter(name = "statement") @Nullable String statement) {
    return new Rows(statement == null ? null : walk(statement));
  }

  /** The nodes a walk from the nodes of one kind matching a filter reaches. */
  public static ScannableTable lineage(@Parameter(name = "direction") @Nullable String direction,
      @Parameter(name = "kind") @Nullable String kind,
      @Parameter(name = "filter") @Nullable String filter) {
    return lineage(direction, kind, filter, null);
  }

  /** The nodes a walk of at most {@code max_hops} events reaches. */
  public static ScannableTable lineage(@Parameter(name = "direction") @Nullable String direction,
      @Parameter(name = "kind") @Nullable String kind,
      @Parameter(name = "filter") @Nullable String filter,
      @Parameter(name = "max_hops") @Nullable Integer maxHops) {
    if (direction == null || kind == null || filter == null) {
      return new Rows(null); // an argument known only when the query runs
    }
    return new Rows(walk("LINEAGE " + direction.toUpperCase(Locale.ROOT) + " OF "
        + kind.toUpperCase(Locale.ROOT) + " WHERE " + filter
        + (maxHops == null ? "" : " MAX HOPS " + maxHops)));
  }

  /**
   * The statement to run and the names of its node results: the statement itself with its
   * other results dropped, or with every node added when it has no node result.
   */
  private static Walk walk(String statement) {
    String text = LqlText.forParser(statement);
    LqlStatement parsed = Lql.parse(text);
    if (parsed instanceof CacheLookup) {
      return new Walk(text, List.of(new NodeResult(io.mlmd4j.grammar.ast.NodeKind.EXECUTION,
          Optional.empty(), "executions")));
    }
    LineageQuery q = (LineageQuery) parsed;
    List<NodeResult> nodes = new ArrayList<>();
    for (LineageResult r : q.results()) {
      if (r instanceof NodeResult n) {
        nodes.add(n);
      }
    }
    if (nodes.size() == q.results().size()) {
      return new Walk(text, nodes);
    }
    if (nodes.isEmpty()) {
      nodes.add(new NodeResult(io.mlmd4j.grammar.ast.NodeKind.ARTIFACT, Optional.empty(),
          NodeResult.defaultName(io.mlmd4j.grammar.ast.NodeKind.ARTIFACT)));
      nodes.add(new NodeResult(io.mlmd4j.grammar.ast.NodeKind.EXECUTION, Optional.empty(),
          NodeResult.defaultName(io.mlmd4j.grammar.ast.NodeKind.EXECUTION)));
    }
    return new Walk(new LineageQuery(q.direction(), q.startSets(), q.maxHops(),
        q.stopConditions(), List.copyOf(nodes)).unparse(), nodes);
  }

  /** An LQL statement whose results are all node results. */
  private record Walk(String text, List<NodeResult> results) {

    List<Object[]> run(MetadataStore store) {
      LqlResult result = store.query(text);
      Map<String, Object[]> rows = new LinkedHashMap<>();
      for (NodeResult r : results) {
        if (r.kind() == io.mlmd4j.grammar.ast.NodeKind.ARTIFACT) {
          for (LqlResult.Reached<Artifact> a : result.artifacts(r.name())) {
            Artifact n = a.node();
            rows.putIfAbsent("A" + n.getId(), new Object[] {"ARTIFACT", n.getId(), n.getId(),
                null, n.getType(), n.hasName() ? n.getName() : null, a.distance()});
          }
        } else {
          for (LqlResult.Reached<Execution> x : result.executions(r.name())) {
            Execution n = x.node();
            rows.putIfAbsent("X" + n.getId(), new Object[] {"EXECUTION", n.getId(), null,
                n.getId(), n.getType(), n.hasName() ? n.getName() : null, x.distance()});
          }
        }
      }
      return new ArrayList<>(rows.values());
    }
  }

  /** The rows of one call; {@code walk} is null while the arguments are not yet known. */
  private static final class Rows extends AbstractTable implements ScannableTable {
    private final @Nullable Walk walk;

    Rows(@Nullable Walk walk) {
      this.walk = walk;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder row = typeFactory.builder();
      for (Column c : COLUMNS) {
        row.add(c.name(), SqlTypes.of(typeFactory, c.type(), c.nullable()));
      }
      return row.build();
    }

    @Override
    public Enumerable<@Nullable Object[]> scan(DataContext root) {
      if (walk == null) {
        throw new IllegalStateException("lineage: an argument is NULL");
      }
      try {
        MetadataStore store = ((Connection) root.getQueryProvider())
            .unwrap(MetadataStore.class);
        return Linq4j.asEnumerable(walk.run(store));
      } catch (SQLException e) {
        throw new IllegalStateException("lineage: the connection has no store", e);
      }
    }
  }
}

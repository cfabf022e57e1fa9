package io.mlmd4j.planner;

import io.mlmd4j.MlmdException;
import io.mlmd4j.grammar.FilterQueries;
import io.mlmd4j.grammar.Lql;
import io.mlmd4j.grammar.QuerySyntaxException;
import io.mlmd4j.grammar.ast.CacheLookup;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.LineageQuery;
import io.mlmd4j.grammar.ast.LqlStatement;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.store.spi.LqlPlan;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompiler;
import io.mlmd4j.store.spi.SqlCondition;
import io.mlmd4j.store.spi.SqlTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.tools.RelBuilder;

/**
 * The store's query compiler: parses with the grammar module, plans with Calcite, writes SQL in
 * the backend's dialect. Each distinct filter (text, node kind, backend) and LQL statement
 * (text, backend) is planned once; later calls get the cached SQL.
 */
public final class CalciteQueryCompiler implements QueryCompiler {

  static {
    CalciteCharset.useUtf8();
  }

  /** How many compiled filters are kept. */
  static final int CACHE_SIZE = 1024;

  private static final SchemaPlus SCHEMA = MlmdSchema.create();

  private final Map<SqlTarget, SqlDialect> dialects = new ConcurrentHashMap<>();
  private final PlanCache<FilterKey, SqlCondition> filters = new PlanCache<>(CACHE_SIZE);
  private final PlanCache<LqlKey, LqlPlan> statements = new PlanCache<>(CACHE_SIZE);

  /** What a filter is planned from. */
  private record FilterKey(String text, NodeTable table, SqlTarget target) {}

  /** What an LQL statement is planned from. */
  private record LqlKey(String text, SqlTarget target) {}

  @Override
  public SqlCondition compileFilter(String filterQuery, NodeTable table, SqlTarget target) {
    return filters.get(new FilterKey(filterQuery, table, target), this::planFilter);
  }

  @Override
  public LqlPlan planLql(String statement, SqlTarget target) {
    return statements.get(new LqlKey(statement, target), this::planStatement);
  }

  private SqlCondition planFilter(FilterKey key) {
    SqlText ids = ids(parseFilter(key.text(), nodeKind(key.table())), key.target());
    return new SqlCondition("n.id IN (" + ids.sql() + ")", ids.parameters(), ids.sql());
  }

  private LqlPlan planStatement(LqlKey key) {
    LqlStatement statement;
    try {
      statement = Lql.parse(key.text());
    } catch (QuerySyntaxException e) {
      throw MlmdException.invalidArgument("Invalid LQL statement: %s", e.getMessage());
    }
    LqlPlanner planner = new LqlPlanner(filter -> ids(filter, key.target()), key.target());
    return statement instanceof LineageQuery lineage ? planner.lineage(lineage)
        : planner.cacheLookup((CacheLookup) statement);
  }

  /** The query of the ids of the nodes {@code filter} selects, planned through Calcite. */
  private SqlText ids(Filter filter, SqlTarget target) {
    RelBuilder builder = newBuilder();
    Parameters parameters = new Parameters(builder.getRexBuilder());
    return SqlText.of(new FilterPlanner(builder, parameters).ids(filter), dialect(target),
        parameters);
  }

  /** How many filters are cached; for tests. */
  int cachedFilters() {
    return filters.size();
  }

  /**
   * A builder over MLMD's tables: the cluster, type factory and constant folding that
   * {@code RelBuilder.create} gives, without what else it makes for each builder (a Calcite
   * JDBC connection and a planner holding all of Calcite's rules, of which a builder uses
   * none: the first filter of a JVM loaded 4,750 classes in 1.1 s), and with metadata from
   * {@link MetadataDispatch} rather than from code Janino compiles.
   */
  static RelBuilder newBuilder() {
    JavaTypeFactory types = new JavaTypeFactoryImpl();
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(types));
    MetadataDispatch.install(cluster);
    return RelBuilder.proto(Contexts.empty()).create(cluster, new CalciteCatalogReader(
        CalciteSchema.from(SCHEMA), List.of(), types, CalciteConnectionConfig.DEFAULT));
  }

  SqlDialect dialect(SqlTarget target) {
    return dialects.computeIfAbsent(target, Dialects::of);
  }

  /**
   * Parses a filter query.
   *
   * @throws MlmdException INVALID_ARGUMENT with the error's line and column
   */
  static Filter parseFilter(String text, NodeKind kind) {
    try {
      return FilterQueries.parse(text, kind);
    } catch (QuerySyntaxException e) {
      throw MlmdException.invalidArgument("Invalid filter_query on %ss: %s",
          kind.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
    }
  }

  static NodeKind nodeKind(NodeTable table) {
    return switch (table) {
      case ARTIFACT -> NodeKind.ARTIFACT;
      case EXECUTION -> NodeKind.EXECUTION;
      case CONTEXT -> NodeKind.CONTEXT;
    };
  }
}

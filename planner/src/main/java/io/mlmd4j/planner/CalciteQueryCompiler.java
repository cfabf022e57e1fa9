package io.mlmd4j.planner;

import io.mlmd4j.MlmdException;
import io.mlmd4j.grammar.FilterQueries;
import io.mlmd4j.grammar.QuerySyntaxException;
import io.mlmd4j.grammar.ast.Filter;
import io.mlmd4j.grammar.ast.NodeKind;
import io.mlmd4j.store.spi.NodeTable;
import io.mlmd4j.store.spi.QueryCompiler;
import io.mlmd4j.store.spi.SqlCondition;
import io.mlmd4j.store.spi.SqlTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;

/**
 * The store's query compiler: parses with the grammar module, plans with Calcite, writes SQL in
 * the backend's dialect. Each distinct (node kind, backend, text) is planned once; later calls
 * get the cached statement.
 */
public final class CalciteQueryCompiler implements QueryCompiler {

  /** How many compiled filters are kept. */
  static final int CACHE_SIZE = 1024;

  private static final SchemaPlus SCHEMA = MlmdSchema.create();

  private final Map<SqlTarget, SqlDialect> dialects = new ConcurrentHashMap<>();
  private final PlanCache<FilterKey, SqlCondition> filters = new PlanCache<>(CACHE_SIZE);

  /** What a filter is planned from. */
  private record FilterKey(String text, NodeTable table, SqlTarget target) {}

  @Override
  public SqlCondition compileFilter(String filterQuery, NodeTable table, SqlTarget target) {
    return filters.get(new FilterKey(filterQuery, table, target), this::planFilter);
  }

  private SqlCondition planFilter(FilterKey key) {
    Filter filter = parseFilter(key.text(), nodeKind(key.table()));
    RelBuilder builder = newBuilder();
    Parameters parameters = new Parameters(builder.getRexBuilder());
    SqlText ids = SqlText.of(new FilterPlanner(builder, parameters).ids(filter),
        dialect(key.target()), parameters);
    return new SqlCondition("n.id IN (" + ids.sql() + ")", ids.parameters());
  }

  /** How many filters are cached; for tests. */
  int cachedFilters() {
    return filters.size();
  }

  static RelBuilder newBuilder() {
    return RelBuilder.create(Frameworks.newConfigBuilder().defaultSchema(SCHEMA).build());
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

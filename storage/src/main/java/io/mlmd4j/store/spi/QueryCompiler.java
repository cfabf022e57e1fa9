package io.mlmd4j.store.spi;

/**
 * Compiles MLMD's filter queries and LQL statements into SQL for the store. The planner module
 * implements it; the store finds the implementation with {@link java.util.ServiceLoader} (see
 * {@link QueryCompilers}). Implementations are thread-safe and may cache what they compile.
 */
public interface QueryCompiler {

  /**
   * Compiles a non-empty {@code filter_query} on nodes of {@code table} into a condition over
   * the node table aliased {@code n}, for the database {@code target}.
   *
   * @throws io.mlmd4j.MlmdException INVALID_ARGUMENT, with the line and column of the error, if
   *     the text is not a filter on that kind of node
   */
  SqlCondition compileFilter(String filterQuery, NodeTable table, SqlTarget target);

  /**
   * Plans an LQL statement (see the grammar module's README) for the database {@code target}.
   *
   * @throws io.mlmd4j.MlmdException INVALID_ARGUMENT, with the line and column of the error, if
   *     the text is not an LQL statement
   */
  LqlPlan planLql(String statement, SqlTarget target);
}

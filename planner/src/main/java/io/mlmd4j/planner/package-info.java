/**
 * The query planner: filter queries and LQL statements, parsed by the grammar module, become
 * relational algebra over MLMD's tables (Calcite's {@code RelBuilder}), then one SQL statement
 * in the backend's dialect ({@code RelToSqlConverter}) with every literal a bound parameter.
 * Lineage walks become one recursive query the backend runs. The store finds this module
 * through {@link io.mlmd4j.store.spi.QueryCompiler}.
 */
package io.mlmd4j.planner;

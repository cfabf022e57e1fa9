package io.mlmd4j.jdbc.impl;

import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.sql.SqlDialect;

/**
 * Calcite's JDBC convention for one store's database, knowing that database's
 * {@link DataSource}: a query planned entirely in this convention runs as one SQL statement
 * without generated code ({@link BackendQuery}).
 */
final class BackendConvention extends JdbcConvention {

  private final DataSource dataSource;

  BackendConvention(SqlDialect dialect, Expression expression, String name,
      DataSource dataSource) {
    super(dialect, expression, name);
    this.dataSource = dataSource;
  }

  /**
   * Calcite's JDBC rules for this convention; unlike Calcite's convention, not also the two
   * logical rules it takes from {@code CoreRules}, which {@link PlannerRules} has already.
   */
  @Override
  public void register(RelOptPlanner planner) {
    JdbcRules.rules(this).forEach(planner::addRule);
  }

  DataSource dataSource() {
    return dataSource;
  }
}

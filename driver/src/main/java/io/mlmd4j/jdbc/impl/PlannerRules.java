package io.mlmd4j.jdbc.impl;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.stream.StreamRules;

/**
 * Calcite's default rules that the driver's planner goes without. Whole queries run in the
 * backend, whose own optimizer orders joins and places aggregates, so Calcite's join reordering
 * (commute, associate, push-through: their alternatives grow exponentially with the joins a
 * logical table brings) and its aggregate and sort moves across joins only cost planning time;
 * rules for features the schema has not (star tables, streams, samples, windows, MATCH_RECOGNIZE,
 * date ranges, exchanges) cost time matching. Semi-joins are left out because Calcite's JDBC
 * adapter cannot send them.
 *
 * <p>One rule is replaced: Calcite's split of a projection with window functions into a
 * projection and a {@code LogicalWindow} matches any projection, and on one already in the JDBC
 * convention makes a {@code LogicalWindow} in that convention, which the planner rejects with an
 * {@code AssertionError}. Ours matches logical projections only; a JDBC projection keeps its
 * window functions and the backend computes them.
 */
final class PlannerRules {

  static final List<RelOptRule> REMOVED = List.of(
      CoreRules.PROJECT_TO_SEMI_JOIN,
      CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN,
      CoreRules.JOIN_TO_SEMI_JOIN,
      CoreRules.JOIN_COMMUTE,
      CoreRules.JOIN_ASSOCIATE,
      JoinPushThroughJoinRule.LEFT,
      JoinPushThroughJoinRule.RIGHT,
      CoreRules.AGGREGATE_JOIN_TRANSPOSE,
      CoreRules.SORT_JOIN_TRANSPOSE,
      CoreRules.AGGREGATE_STAR_TABLE,
      CoreRules.AGGREGATE_PROJECT_STAR_TABLE,
      CoreRules.MATCH,
      CoreRules.PROJECT_WINDOW_TRANSPOSE,
      CoreRules.FILTER_WINDOW_TRANSPOSE,
      CoreRules.SAMPLE_TO_FILTER,
      CoreRules.FILTER_SAMPLE_TRANSPOSE,
      CoreRules.EXCHANGE_REMOVE_CONSTANT_KEYS,
      CoreRules.SORT_EXCHANGE_REMOVE_CONSTANT_KEYS,
      DateRangeRules.FILTER_INSTANCE,
      CoreRules.PROJECT_FILTER_TRANSPOSE,
      CoreRules.SORT_UNION_TRANSPOSE,
      CoreRules.AGGREGATE_EXPAND_WITHIN_DISTINCT,
      CoreRules.AGGREGATE_CASE_TO_FILTER,
      CoreRules.PROJECT_TABLE_SCAN,
      CoreRules.PROJECT_INTERPRETER_TABLE_SCAN,
      Bindables.BINDABLE_TABLE_SCAN_RULE,
      EnumerableRules.TO_INTERPRETER,
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);

  /** Calcite's split of a projection with window functions, for logical projections only. */
  static final RelOptRule LOGICAL_PROJECT_TO_WINDOW =
      CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW.config
          .withOperandSupplier(b -> b.operand(LogicalProject.class)
              .predicate(Project::containsOver).anyInputs())
          .toRule();

  private PlannerRules() {}

  /**
   * Removes {@link #REMOVED} and Calcite's streaming rules from the planner; adds
   * {@link #LOGICAL_PROJECT_TO_WINDOW}.
   */
  static void trim(RelOptPlanner planner) {
    REMOVED.forEach(planner::removeRule);
    StreamRules.RULES.forEach(planner::removeRule);
    planner.addRule(LOGICAL_PROJECT_TO_WINDOW);
  }
}

package io.mlmd4j.jdbc.impl;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoinRule;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.JoinCommuteRule;
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
 * <p>One rule is added: Calcite's batched nested-loop join, for a join of rows computed in the JVM
 * (the {@code lineage} function's, say) with a table: it sends the table's side to the backend
 * with the keys of a batch of left rows as a filter, where a hash join would read the whole
 * table ({@link BackendFirstCost} lets the planner prefer it).
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

  /**
   * The batched nested-loop join, off Calcite's default list, for joins whose left side has a
   * table function: elsewhere a join of two tables runs in the backend as one query.
   */
  static final RelOptRule BATCH_NESTED_LOOP_JOIN =
      EnumerableBatchNestedLoopJoinRule.Config.DEFAULT
          .withOperandSupplier(b -> b.operand(LogicalJoin.class)
              .predicate(j -> hasTableFunction(j.getLeft())).anyInputs())
          .toRule();

  /**
   * Puts a table function on the left of an inner join, where {@link #BATCH_NESTED_LOOP_JOIN}
   * takes it ({@code FROM artifacts a JOIN TABLE(lineage(...)) l}); Calcite's general join
   * commute is left out.
   */
  static final RelOptRule TABLE_FUNCTION_TO_LEFT = JoinCommuteRule.Config.DEFAULT
      .withOperandSupplier(b -> b.operand(LogicalJoin.class)
          .predicate(j -> j.getJoinType() == JoinRelType.INNER
              && hasTableFunction(j.getRight()) && !hasTableFunction(j.getLeft()))
          .anyInputs())
      .as(JoinCommuteRule.Config.class)
      .toRule();

  /** Whether {@code rel} (as first registered, for a planner's subset) reads a table function. */
  static boolean hasTableFunction(RelNode rel) {
    RelNode r = rel instanceof RelSubset subset ? subset.getOriginal() : rel;
    if (r == null) {
      return false;
    }
    if (r instanceof TableFunctionScan) {
      return true;
    }
    for (RelNode input : r.getInputs()) {
      if (hasTableFunction(input)) {
        return true;
      }
    }
    return false;
  }

  private PlannerRules() {}

  /**
   * Removes {@link #REMOVED} and Calcite's streaming rules from the planner; adds
   * {@link #LOGICAL_PROJECT_TO_WINDOW}, {@link #BATCH_NESTED_LOOP_JOIN} and
   * {@link #TABLE_FUNCTION_TO_LEFT}.
   */
  static void trim(RelOptPlanner planner) {
    REMOVED.forEach(planner::removeRule);
    StreamRules.RULES.forEach(planner::removeRule);
    planner.addRule(LOGICAL_PROJECT_TO_WINDOW);
    planner.addRule(BATCH_NESTED_LOOP_JOIN);
    planner.addRule(TABLE_FUNCTION_TO_LEFT);
  }
}

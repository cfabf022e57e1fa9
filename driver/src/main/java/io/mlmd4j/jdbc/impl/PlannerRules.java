package io.mlmd4j.jdbc.impl;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoinRule;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSetOpTransposeRule;
import org.apache.calcite.rel.rules.FilterTableScanRule;
import org.apache.calcite.rel.rules.IntersectToDistinctRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushExpressionsRule;
import org.apache.calcite.rel.rules.MinusToDistinctRule;
import org.apache.calcite.rel.rules.ProjectAggregateMergeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SingleValuesOptimizationRules;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortRemoveRule;
import org.apache.calcite.rel.rules.UnionMergeRule;
import org.apache.calcite.rel.rules.UnionPullUpConstantsRule;
import org.apache.calcite.rel.rules.UnionToDistinctRule;
import org.apache.calcite.rel.rules.UnionToValuesRule;

/**
 * The rules of the driver's cost-based planner: Calcite's default rules without those the backend
 * makes unnecessary. Whole queries run in the backend, whose own optimizer orders joins and
 * places aggregates, so Calcite's join reordering (commute, associate, push-through: their
 * alternatives grow exponentially with the joins a logical table brings) and its aggregate and
 * sort moves across joins would only cost planning time; rules for features the schema has not
 * (star tables, streams, samples, windows, MATCH_RECOGNIZE, date ranges, exchanges, bindable
 * scans) would cost time matching. Semi-joins are left out because Calcite's JDBC adapter
 * cannot send them.
 *
 * <p>Each rule is built from its own configuration rather than taken from Calcite's
 * {@code CoreRules}, whose initialization builds all 130 of Calcite's rules: in a fresh JVM that
 * loads 1,450 classes in 0.28 s where the rules here load about 800 in 0.15 s.
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

  /** Calcite's split of a projection with window functions, for logical projections only. */
  static final RelOptRule LOGICAL_PROJECT_TO_WINDOW =
      ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule
          .ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
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
   * Calcite's default logical rules that the backend does not make unnecessary (see above), in
   * the order Calcite registers them, and the two that its JDBC convention adds.
   */
  static final List<RelOptRule> LOGICAL = List.of(
      FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule(),
      FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
      AbstractConverter.ExpandConversionRule.INSTANCE,
      AggregateRemoveRule.Config.DEFAULT.toRule(),
      UnionToDistinctRule.Config.DEFAULT.toRule(),
      UnionToValuesRule.Config.DEFAULT.toRule(),
      ProjectRemoveRule.Config.DEFAULT.toRule(),
      ProjectAggregateMergeRule.Config.DEFAULT.toRule(),
      AggregateMergeRule.Config.DEFAULT.toRule(),
      AggregateProjectMergeRule.Config.DEFAULT.toRule(),
      CalcRemoveRule.Config.DEFAULT.toRule(),
      SortRemoveRule.Config.DEFAULT.toRule(),
      AggregateProjectPullUpConstantsRule.Config.ANY.toRule(),
      UnionPullUpConstantsRule.Config.DEFAULT.toRule(),
      PruneEmptyRules.UNION_INSTANCE,
      PruneEmptyRules.INTERSECT_INSTANCE,
      PruneEmptyRules.MINUS_INSTANCE,
      PruneEmptyRules.PROJECT_INSTANCE,
      PruneEmptyRules.FILTER_INSTANCE,
      PruneEmptyRules.SORT_INSTANCE,
      PruneEmptyRules.AGGREGATE_INSTANCE,
      PruneEmptyRules.WINDOW_INSTANCE,
      PruneEmptyRules.JOIN_LEFT_INSTANCE,
      PruneEmptyRules.JOIN_RIGHT_INSTANCE,
      PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
      PruneEmptyRules.EMPTY_TABLE_INSTANCE,
      SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE,
      SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE,
      SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE,
      SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE,
      UnionMergeRule.Config.DEFAULT.toRule(),
      UnionMergeRule.Config.INTERSECT.toRule(),
      UnionMergeRule.Config.MINUS.toRule(),
      ProjectOverSumToSum0Rule.Config.DEFAULT.toRule(),
      FilterMergeRule.Config.DEFAULT.toRule(),
      IntersectToDistinctRule.Config.DEFAULT.toRule(),
      MinusToDistinctRule.Config.DEFAULT.toRule(),
      ProjectMergeRule.Config.DEFAULT.toRule(),
      FilterTableScanRule.Config.DEFAULT.toRule(),
      FilterProjectTransposeRule.Config.DEFAULT.toRule(),
      JoinPushExpressionsRule.Config.DEFAULT.toRule(),
      AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule(),
      AggregateReduceFunctionsRule.Config.DEFAULT.toRule(),
      FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
      SortProjectTransposeRule.Config.DEFAULT.toRule(),
      SortRemoveConstantKeysRule.Config.DEFAULT.toRule(),
      ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT
          .toRule(),
      FilterSetOpTransposeRule.Config.DEFAULT.toRule());

  /**
   * Adds the planner's rules: {@link #LOGICAL}, ours ({@link #LOGICAL_PROJECT_TO_WINDOW},
   * {@link #BATCH_NESTED_LOOP_JOIN}, {@link #TABLE_FUNCTION_TO_LEFT}) and Calcite's rules for
   * running operators in the JVM. Those for the backend come with its convention.
   */
  static void register(RelOptPlanner planner) {
    LOGICAL.forEach(planner::addRule);
    planner.addRule(LOGICAL_PROJECT_TO_WINDOW);
    planner.addRule(BATCH_NESTED_LOOP_JOIN);
    planner.addRule(TABLE_FUNCTION_TO_LEFT);
    EnumerableRules.ENUMERABLE_RULES.forEach(planner::addRule);
  }
}

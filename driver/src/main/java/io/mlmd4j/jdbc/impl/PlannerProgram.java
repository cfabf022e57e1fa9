package io.mlmd4j.jdbc.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelNodes;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.TopDownGeneralDecorrelator;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * The driver's query optimisation: Calcite's standard sequence (sub-queries, decorrelation,
 * measures, trimming, the cost-based planner, calcs) with {@link PlannerMetadata} throughout,
 * with {@link UnusedJoinTrimmer} in place of Calcite's trimming. Built here rather than with
 * {@link Programs}, whose initialization builds all of Calcite's rules (see
 * {@link PlannerRules}); the steps are Calcite's.
 */
final class PlannerProgram {

  /** Sub-queries to correlates, as {@code Programs.subQuery}. */
  private static final HepProgram SUB_QUERY_RULES = rules(
      SubQueryRemoveRule.Config.FILTER.toRule(), SubQueryRemoveRule.Config.PROJECT.toRule(),
      SubQueryRemoveRule.Config.JOIN.toRule(), ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

  /** The same for Calcite's top-down decorrelator, which takes mark joins. */
  private static final HepProgram SUB_QUERY_TO_MARK_RULES = rules(
      SubQueryRemoveRule.Config.FILTER_ENABLE_MARK_JOIN.toRule(),
      SubQueryRemoveRule.Config.PROJECT_ENABLE_MARK_JOIN.toRule(),
      SubQueryRemoveRule.Config.JOIN.toRule(), ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

  /** Projections and filters left in the JVM as calcs, as {@code Programs.calc}. */
  private static final HepProgram CALC_RULES = sequence(
      EnumerableRules.ENUMERABLE_CALC_RULE, EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
      EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE, FilterToCalcRule.Config.DEFAULT.toRule(),
      ProjectToCalcRule.Config.DEFAULT.toRule(), CalcMergeRule.Config.DEFAULT.toRule(),
      FilterCalcMergeRule.Config.DEFAULT.toRule(), ProjectCalcMergeRule.Config.DEFAULT.toRule());

  static final Program INSTANCE = (planner, rel, traits, materializations, lattices) -> {
    RelNode r = removeSubQueries(planner, rel);
    r = decorrelate(planner, r);
    r = measures(planner, r, traits, materializations, lattices);
    r = trim(r);
    r = plan(planner, r, traits);
    return hep(CALC_RULES, r);
  };

  private PlannerProgram() {}

  private static RelNode removeSubQueries(RelOptPlanner planner, RelNode rel) {
    return hep(config(planner).topDownGeneralDecorrelationEnabled()
        ? SUB_QUERY_TO_MARK_RULES : SUB_QUERY_RULES, rel);
  }

  /** Correlates to joins, as {@code Programs.decorrelate}. */
  private static RelNode decorrelate(RelOptPlanner planner, RelNode rel) {
    CalciteConnectionConfig config = config(planner);
    if (!config.forceDecorrelate()) {
      return rel;
    }
    var builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return config.topDownGeneralDecorrelationEnabled()
        ? TopDownGeneralDecorrelator.decorrelateQuery(rel, builder)
        : RelDecorrelator.decorrelateQuery(rel, builder);
  }

  /**
   * Measures expanded, as {@code Programs.measure}: only for a query that has them, so that
   * other queries never load {@link Programs}.
   */
  private static RelNode measures(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    boolean hasMeasures = RelNodes.contains(rel,
        aggCall -> aggCall.getAggregation().kind == SqlKind.AGG_M2V,
        RexUtil.find(EnumSet.of(SqlKind.AGG_M2V, SqlKind.M2V)));
    return hasMeasures
        ? Programs.measure(PlannerMetadata.PROVIDER).run(planner, rel, traits, materializations,
            lattices)
        : rel;
  }

  private static RelNode trim(RelNode rel) {
    return new UnusedJoinTrimmer(RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null))
        .trim(rel);
  }

  /** The cost-based planner, from the query to the result's traits (no materializations). */
  private static RelNode plan(RelOptPlanner planner, RelNode rel,
      RelTraitSet requiredOutputTraits) {
    rel.getCluster().setMetadataProvider(PlannerMetadata.PROVIDER);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(requiredOutputTraits)
        ? rel : planner.changeTraits(rel, requiredOutputTraits);
    planner.setRoot(requireNonNull(root, "root"));
    return requireNonNull(planner.chooseDelegate().findBestExp(), "no plan");
  }

  /** Runs {@code program} on {@code rel}, as {@code Programs.of(program, true, metadata)}. */
  private static RelNode hep(HepProgram program, RelNode rel) {
    HepPlanner hepPlanner = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
    List<RelMetadataProvider> providers = new ArrayList<>(List.of(PlannerMetadata.PROVIDER));
    hepPlanner.registerMetadataProviders(providers); // puts the planner's own first
    rel.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
    hepPlanner.setRoot(rel);
    return hepPlanner.findBestExp();
  }

  /** The rules applied together until none applies. */
  private static HepProgram rules(RelOptRule... rules) {
    return new HepProgramBuilder().addRuleCollection(List.of(rules)).build();
  }

  /** Each rule applied in turn until it no longer applies, as {@code Programs.hep}. */
  private static HepProgram sequence(RelOptRule... rules) {
    HepProgramBuilder builder = new HepProgramBuilder();
    for (RelOptRule rule : rules) {
      builder.addRuleInstance(rule);
    }
    return builder.build();
  }

  private static CalciteConnectionConfig config(RelOptPlanner planner) {
    return planner.getContext().maybeUnwrap(CalciteConnectionConfig.class)
        .orElse(CalciteConnectionConfig.DEFAULT);
  }
}

package io.mlmd4j.jdbc.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * The driver's query optimisation: Calcite's standard sequence (sub-queries, decorrelation,
 * trimming, the cost-based planner, calcs) with {@link PlannerMetadata} throughout, and with
 * {@link UnusedJoinTrimmer} in place of Calcite's trimming.
 */
final class PlannerProgram {

  static final Program INSTANCE = Programs.sequence(
      Programs.subQuery(PlannerMetadata.PROVIDER),
      Programs.decorrelate(),
      Programs.measure(PlannerMetadata.PROVIDER),
      PlannerProgram::trim,
      PlannerProgram::plan,
      Programs.calc(PlannerMetadata.PROVIDER));

  private PlannerProgram() {}

  private static RelNode trim(RelOptPlanner planner, RelNode rel,
      RelTraitSet requiredOutputTraits, List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    return new UnusedJoinTrimmer(RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null))
        .trim(rel);
  }

  /** The cost-based planner, from the query to the result's traits (no materializations). */
  private static RelNode plan(RelOptPlanner planner, RelNode rel,
      RelTraitSet requiredOutputTraits, List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    rel.getCluster().setMetadataProvider(PlannerMetadata.PROVIDER);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(requiredOutputTraits)
        ? rel : planner.changeTraits(rel, requiredOutputTraits);
    planner.setRoot(requireNonNull(root, "root"));
    return requireNonNull(planner.chooseDelegate().findBestExp(), "no plan");
  }
}

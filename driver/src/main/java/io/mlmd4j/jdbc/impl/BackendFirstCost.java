package io.mlmd4j.jdbc.impl;

import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Costs that make the planner run in the backend whatever it can: work done in the JVM
 * (Enumerable operators, apart from reading the backend's rows) costs {@value #PENALTY} times
 * Calcite's estimate. Estimates alone depend on the store's types and statistics, and with some
 * of them a join or aggregate of rows fetched from the backend looked cheaper than the same work
 * done there; the JVM never does it faster than the database, which has the indexes. What the
 * backend cannot do (a table function, say) still runs in the JVM.
 *
 * <p>A batched nested-loop join is the exception: its work is the backend's, which looks up
 * the keys of each batch of its left rows (the rows of a table function) in the right side's
 * query, rather than send the whole table to the JVM for a hash join.
 */
public final class BackendFirstCost implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {

  static final BackendFirstCost INSTANCE = new BackendFirstCost();

  private static final double PENALTY = 1_000;

  private BackendFirstCost() {}

  @Override
  public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
    return BuiltInMetadata.NonCumulativeCost.DEF;
  }

  /** Called by Calcite's metadata dispatch for every expression. */
  public @Nullable RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
    RelOptCost cost = rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
    if (cost != null && rel instanceof EnumerableRel
        && !(rel instanceof JdbcToEnumerableConverter)
        && !(rel instanceof EnumerableBatchNestedLoopJoin)) {
      return cost.multiplyBy(PENALTY);
    }
    return cost;
  }
}

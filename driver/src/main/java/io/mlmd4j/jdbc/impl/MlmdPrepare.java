package io.mlmd4j.jdbc.impl;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation fitted to a JDBC backend, so that whole queries run there:
 * joins stay joins (Calcite's JDBC adapter cannot send a semi-join, which Calcite makes of a join
 * when only one side's columns are used, e.g. {@code artifacts} filtered on its type name), and
 * joins on a key are estimated as such ({@link KeyJoinRowCount}). LQL statements are prepared
 * as {@link LqlSignature}s.
 */
final class MlmdPrepare extends CalcitePrepareImpl {

  @Override
  public <T> CalcitePrepare.CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    if (query.sql != null && LqlSignature.isLql(query.sql)) {
      @SuppressWarnings("unchecked")
      CalcitePrepare.CalciteSignature<T> lql =
          (CalcitePrepare.CalciteSignature<T>) LqlSignature.prepare(context, query.sql,
              maxRowCount);
      return lql;
    }
    return super.prepareSql(context, query, elementType, maxRowCount);
  }

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    planner.removeRule(CoreRules.PROJECT_TO_SEMI_JOIN);
    planner.removeRule(CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN);
    planner.removeRule(CoreRules.JOIN_TO_SEMI_JOIN);
    return planner;
  }

  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataProvider(KeyJoinRowCount.PROVIDER);
    return cluster;
  }
}

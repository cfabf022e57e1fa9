package io.mlmd4j.jdbc.impl;

import static java.util.Objects.requireNonNull;

import io.mlmd4j.planner.MetadataDispatch;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.Program;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation fitted to a JDBC backend, so that whole queries run there,
 * planned quickly: the rules the backend makes unnecessary are left out ({@link PlannerRules};
 * semi-joins among them, which Calcite makes of a join when only one side's columns are used,
 * e.g. {@code artifacts} filtered on its type name, and its JDBC adapter cannot send), joins a
 * query does not need are dropped, and the planner's estimates and costs favour the backend
 * ({@link PlannerProgram}, {@link PlannerMetadata}). LQL statements are prepared as
 * {@link LqlSignature}s.
 */
final class MlmdPrepare extends CalcitePrepareImpl {

  /** The query the preparation running on this thread implemented as a {@link BackendQuery}. */
  private static final ThreadLocal<@Nullable BackendQuery> IMPLEMENTED = new ThreadLocal<>();

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
    if (query.sql != null) {
      SqlPrescan.check(query.sql);
    }
    IMPLEMENTED.remove();
    try {
      CalcitePrepare.CalciteSignature<T> prepared =
          super.prepareSql(context, query, elementType, maxRowCount);
      BackendQuery backend = IMPLEMENTED.get();
      return backend == null || prepared.cursorFactory != Meta.CursorFactory.ARRAY
          ? prepared : new BackendSignature<>(prepared, maxRowCount, backend);
    } finally {
      IMPLEMENTED.remove();
    }
  }

  /**
   * Calcite's planner set up as {@code CalcitePrepareImpl} does, with {@link PlannerRules} for
   * Calcite's default rules.
   */
  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    VolcanoPlanner planner = new VolcanoPlanner(costFactory,
        externalContext != null ? externalContext : Contexts.of(prepareContext.config()));
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    planner.setTopDownOpt(prepareContext.config().topDownOpt());
    PlannerRules.register(planner);
    Hook.PLANNER.run(planner);
    return planner;
  }

  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataProvider(PlannerMetadata.PROVIDER);
    MetadataDispatch.install(cluster);
    return cluster;
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context,
      Type elementType, CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    return new CalcitePreparingStmt(this, context, catalogReader, context.getTypeFactory(),
        context.getRootSchema(), prefer, createCluster(planner,
            new RexBuilder(context.getTypeFactory())),
        enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE,
        createConvertletTable()) {
      @Override
      protected Program getProgram() {
        return PlannerProgram.INSTANCE;
      }

      @Override
      public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal,
          Class<?> runtimeContextClass, SqlValidator validator, boolean needsValidation) {
        FetchLiterals.check(sqlQuery);
        return super.prepareSql(sqlQuery, sqlNodeOriginal, runtimeContextClass, validator,
            needsValidation);
      }

      /** A query running entirely in the backend needs no generated code: {@link BackendQuery}. */
      @Override
      protected PreparedResult implement(RelRoot root) {
        BackendQuery query = prefer == EnumerableRel.Prefer.ARRAY
            && !root.kind.belongsTo(SqlKind.DML)
            ? BackendQuery.of(root, context.getTypeFactory()) : null;
        if (query == null) {
          return super.implement(root);
        }
        Hook.PLAN_BEFORE_IMPLEMENTATION.run(root);
        Hook.QUERY_PLAN.run(query.sql());
        IMPLEMENTED.set(query);
        return new PreparedResultImpl(root.rel.getRowType(),
            requireNonNull(parameterRowType, "parameterRowType"),
            requireNonNull(fieldOrigins, "fieldOrigins"),
            root.collation.getFieldCollations().isEmpty()
                ? List.of() : List.of(root.collation),
            root.rel, null, false) {
          @Override
          public String getCode() {
            throw new UnsupportedOperationException();
          }

          @Override
          public Bindable<?> getBindable(Meta.CursorFactory cursorFactory) {
            return query;
          }

          @Override
          public Type getElementType() {
            return query.getElementType();
          }
        };
      }
    };
  }
}

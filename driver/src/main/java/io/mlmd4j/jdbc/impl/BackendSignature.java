package io.mlmd4j.jdbc.impl;

import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.runtime.Bindable;

/**
 * A prepared statement whose plan runs wholly in the backend as one {@link BackendQuery}: what
 * {@link SavedPlans} can keep on disk. Calcite's signature does not show its plan.
 */
final class BackendSignature<T> extends CalciteSignature<T> {

  final BackendQuery query;
  final long maxRowCount;

  @SuppressWarnings("unchecked")
  BackendSignature(CalciteSignature<?> prepared, long maxRowCount, BackendQuery query) {
    super(prepared.sql, prepared.parameters, prepared.internalParameters, prepared.rowType,
        prepared.columns, prepared.cursorFactory, prepared.rootSchema,
        prepared.getCollationList(), maxRowCount, (Bindable<T>) (Bindable<?>) query,
        prepared.statementType);
    this.query = query;
    this.maxRowCount = maxRowCount;
  }
}

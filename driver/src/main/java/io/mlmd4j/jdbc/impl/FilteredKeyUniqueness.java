package io.mlmd4j.jdbc.impl;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Uniqueness of columns under a filter that fixes others: the rows of a property table filtered
 * on {@code name = 'x' AND NOT is_custom_property} are unique by node id, as the table's key is
 * (node id, name, is_custom_property). Calcite sees constants only in {@code =} comparisons, not
 * in a boolean column tested on its own, so it cannot tell, and keeps a per-type table's join to
 * a property the query never reads.
 */
public final class FilteredKeyUniqueness
    implements MetadataHandler<BuiltInMetadata.ColumnUniqueness> {

  static final FilteredKeyUniqueness INSTANCE = new FilteredKeyUniqueness();

  private FilteredKeyUniqueness() {}

  @Override
  public MetadataDef<BuiltInMetadata.ColumnUniqueness> getDef() {
    return BuiltInMetadata.ColumnUniqueness.DEF;
  }

  /** Called by Calcite's metadata dispatch for every filter. */
  public @Nullable Boolean areColumnsUnique(Filter filter, RelMetadataQuery mq,
      ImmutableBitSet columns, boolean ignoreNulls) {
    ImmutableBitSet.Builder withConstants = columns.rebuild();
    for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
      int fixed = fixedColumn(c);
      if (fixed >= 0) {
        withConstants.set(fixed);
      }
    }
    return mq.areColumnsUnique(filter.getInput(), withConstants.build(), ignoreNulls);
  }

  /**
   * The column a condition fixes to one value ({@code b}, {@code NOT b}, {@code c = literal}),
   * or -1.
   */
  private static int fixedColumn(RexNode condition) {
    RexNode tested = condition.isA(SqlKind.NOT)
        ? ((RexCall) condition).getOperands().get(0) : condition;
    if (tested instanceof RexInputRef ref) {
      return ref.getIndex();
    }
    if (condition.isA(SqlKind.EQUALS)) {
      List<RexNode> operands = ((RexCall) condition).getOperands();
      if (operands.get(0) instanceof RexInputRef ref && operands.get(1) instanceof RexLiteral) {
        return ref.getIndex();
      }
      if (operands.get(1) instanceof RexInputRef ref && operands.get(0) instanceof RexLiteral) {
        return ref.getIndex();
      }
    }
    return -1;
  }
}

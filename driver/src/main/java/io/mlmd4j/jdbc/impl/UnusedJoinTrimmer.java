package io.mlmd4j.jdbc.impl;

import java.util.Set;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's trimming of unused fields that also drops a left join none of whose right-hand
 * columns is used, when the right side has at most one row per key (it then neither adds nor
 * removes rows). A per-type table joins the property table once per declared property; a query
 * reading some of its columns joins only for those.
 *
 * <p>It runs before the planner, on the whole query, as Calcite's own trimming does; Calcite
 * skips its trimming for queries of two or more joins, this never does.
 */
public final class UnusedJoinTrimmer extends RelFieldTrimmer {

  UnusedJoinTrimmer(RelBuilder relBuilder) {
    super(null, relBuilder);
  }

  @Override
  public TrimResult trimFields(Join join, ImmutableBitSet fieldsUsed,
      Set<RelDataTypeField> extraFields) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int fieldCount = join.getRowType().getFieldCount();
    boolean rightUnused = !fieldsUsed.intersects(ImmutableBitSet.range(leftCount, fieldCount));
    if (join.getJoinType() != JoinRelType.LEFT || !rightUnused || !extraFields.isEmpty()
        || !join.getSystemFieldList().isEmpty() || !uniqueOnRight(join)) {
      return super.trimFields(join, fieldsUsed, extraFields);
    }
    TrimResult left = dispatchTrimFields(join.getLeft(), fieldsUsed, extraFields);
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount,
        left.right.getTargetCount());
    for (IntPair pair : left.right) {
      mapping.set(pair.source, pair.target);
    }
    return result(left.left, mapping);
  }

  /** Whether the join matches each left row with at most one right row. */
  private static boolean uniqueOnRight(Join join) {
    JoinInfo info = join.analyzeCondition();
    return info.isEqui() && !info.rightKeys.isEmpty() && Boolean.TRUE.equals(
        join.getCluster().getMetadataQuery().areColumnsUnique(join.getRight(), info.rightSet()));
  }
}

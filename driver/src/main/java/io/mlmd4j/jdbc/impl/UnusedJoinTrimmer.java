package io.mlmd4j.jdbc.impl;

import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's trimming of unused fields that also drops a join none of whose right-hand columns is
 * used when it neither adds nor removes rows: a left join whose right side has at most one row
 * per key, an inner join that looks a row up by an id that always exists. A per-type table joins
 * the property table once per declared property, and every node table joins the type table for
 * the type's name; a query joins only for the columns it reads.
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
    if (!rightUnused || !extraFields.isEmpty() || !join.getSystemFieldList().isEmpty()
        || !(join.getJoinType() == JoinRelType.LEFT && uniqueOnRight(join)
            || join.getJoinType() == JoinRelType.INNER && lookup(join))) {
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

  /**
   * Whether the join matches each left row with exactly one right row: a lookup of the whole of
   * a table by its id, in a column that always holds one
   * ({@link PhysicalTable#references}), such as a node's type.
   */
  private static boolean lookup(Join join) {
    JoinInfo info = join.analyzeCondition();
    RelNode right = join.getRight();
    while (right instanceof Project) {
      right = ((Project) right).getInput();
    }
    if (!info.isEqui() || info.leftKeys.size() != 1 || !(right instanceof TableScan)
        || join.getLeft().getRowType().getFieldList().get(info.leftKeys.get(0)).getType()
            .isNullable()) {
      return false;
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    RelColumnOrigin from = mq.getColumnOrigin(join.getLeft(), info.leftKeys.get(0));
    RelColumnOrigin to = mq.getColumnOrigin(join.getRight(), info.rightKeys.get(0));
    if (from == null || to == null || from.isDerived() || to.isDerived()) {
      return false;
    }
    PhysicalTable source = from.getOriginTable().unwrap(PhysicalTable.class);
    PhysicalTable target = to.getOriginTable().unwrap(PhysicalTable.class);
    return source != null && target != null && source.references(
        from.getOriginColumnOrdinal(), target, to.getOriginColumnOrdinal());
  }

  /** Whether the join matches each left row with at most one right row. */
  private static boolean uniqueOnRight(Join join) {
    JoinInfo info = join.analyzeCondition();
    return info.isEqui() && !info.rightKeys.isEmpty() && Boolean.TRUE.equals(
        join.getCluster().getMetadataQuery().areColumnsUnique(join.getRight(), info.rightSet()));
  }
}

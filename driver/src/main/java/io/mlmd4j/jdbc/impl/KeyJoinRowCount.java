package io.mlmd4j.jdbc.impl;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row counts of joins on a key: a join of events to the artifacts they name yields one row per
 * event, not Calcite's guess of 15% of the cross product. With the guess, the planner thinks a
 * join's result far bigger than its inputs and joins in the JVM rather than in the backend.
 */
public final class KeyJoinRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {

  static final KeyJoinRowCount INSTANCE = new KeyJoinRowCount();

  private KeyJoinRowCount() {}

  @Override
  public MetadataDef<BuiltInMetadata.RowCount> getDef() {
    return BuiltInMetadata.RowCount.DEF;
  }

  /** Called by Calcite's metadata dispatch for every join. */
  public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
    JoinInfo info = join.analyzeCondition();
    JoinRelType type = join.getJoinType();
    if (!info.leftKeys.isEmpty() && (type == JoinRelType.INNER || type == JoinRelType.LEFT)) {
      if (Boolean.TRUE.equals(mq.areColumnsUnique(join.getRight(), info.rightSet()))) {
        return mq.getRowCount(join.getLeft());
      }
      if (type == JoinRelType.INNER
          && Boolean.TRUE.equals(mq.areColumnsUnique(join.getLeft(), info.leftSet()))) {
        return mq.getRowCount(join.getRight());
      }
    }
    return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
  }
}

package io.mlmd4j.jdbc.impl;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The metadata the driver's planner uses: Calcite's, with {@link KeyJoinRowCount},
 * {@link FilteredKeyUniqueness} and {@link BackendFirstCost} first. One instance, so its
 * dispatch ({@link io.mlmd4j.planner.MetadataDispatch}) is worked out once a JVM.
 */
final class PlannerMetadata {

  static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(KeyJoinRowCount.INSTANCE,
          BuiltInMetadata.RowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(FilteredKeyUniqueness.INSTANCE,
          BuiltInMetadata.ColumnUniqueness.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(BackendFirstCost.INSTANCE,
          BuiltInMetadata.NonCumulativeCost.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private PlannerMetadata() {}
}

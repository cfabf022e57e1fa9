package io.mlmd4j.jdbc.impl;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;

/** Scans of MLMD's tables, for building one logical table while a query is converted. */
final class PhysicalScans {

  private final PhysicalSchema physical;
  private final RelOptTable.ToRelContext context;
  private final RelOptSchema relOptSchema;

  PhysicalScans(PhysicalSchema physical, RelOptTable.ToRelContext context,
      RelOptSchema relOptSchema) {
    this.physical = physical;
    this.context = context;
    this.relOptSchema = relOptSchema;
  }

  /** A scan of MLMD's table {@code name} ({@code Artifact}, {@code ArtifactProperty}, ...). */
  RelNode scan(String name) {
    PhysicalTable table = physical.table(name);
    RelOptTable relOptTable = RelOptTableImpl.create(relOptSchema,
        table.getRowType(context.getCluster().getTypeFactory()), table,
        ImmutableList.of("mlmd", name));
    return relOptTable.toRel(context);
  }
}

package io.mlmd4j.jdbc.impl;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * A table of the logical schema: a relational expression over MLMD's tables that the planner
 * expands into the query, so that the whole query can run in the backend as one SQL statement.
 * Nothing is modifiable: the driver only reads.
 */
final class LogicalTable extends AbstractTable implements TranslatableTable {

  /** Builds the table's rows from MLMD's tables: leaves one expression on the builder. */
  @FunctionalInterface
  interface Definition {
    void build(RelBuilder b, PhysicalScans scans);
  }

  private final TableShape shape;
  private final PhysicalSchema physical;
  private final Definition definition;

  LogicalTable(TableShape shape, PhysicalSchema physical, Definition definition) {
    this.shape = shape;
    this.physical = physical;
    this.definition = definition;
  }

  TableShape shape() {
    return shape;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (Column c : shape.columns()) {
      row.add(c.name(), SqlTypes.of(typeFactory, c.type(), c.nullable()));
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(context.getCluster(),
        relOptTable.getRelOptSchema());
    definition.build(b, new PhysicalScans(physical, context, relOptTable.getRelOptSchema()));
    return RelOptUtil.createCastRel(b.build(), relOptTable.getRowType(), true);
  }
}

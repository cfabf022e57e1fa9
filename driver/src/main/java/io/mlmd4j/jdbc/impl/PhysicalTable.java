package io.mlmd4j.jdbc.impl;

import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One of MLMD's tables as the backend holds it, scanned through Calcite's JDBC adapter but with
 * the column types MLMD means (SQLite reports its {@code INT} columns as 32-bit, MySQL its
 * {@code TEXT} ones as untyped). Columns are in the database's own order, because a scan of the
 * whole table is sent as {@code SELECT *}; a column MLMD does not define (added by hand) is read
 * untyped and never used.
 */
final class PhysicalTable extends AbstractTable implements TranslatableTable {

  /** A column: its name, type and nullability. */
  record Field(String name, SqlTypeName type, boolean nullable) {}

  private final JdbcTable jdbcTable;
  private final List<Field> fields;
  /** Columns that always name a row of another table by its id: {column: table}. */
  private final Map<String, String> references;
  private final Statistic statistic;

  PhysicalTable(JdbcTable jdbcTable, List<Field> fields, List<String> key,
      Map<String, String> references, double rowCount) {
    this.jdbcTable = jdbcTable;
    this.fields = List.copyOf(fields);
    this.references = Map.copyOf(references);
    ImmutableBitSet.Builder keyBits = ImmutableBitSet.builder();
    for (String column : key) {
      keyBits.set(indexOf(column));
    }
    this.statistic = Statistics.of(rowCount, List.of(keyBits.build()));
  }

  String name() {
    return jdbcTable.jdbcTableName;
  }

  int indexOf(String column) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No column " + column + " in " + name());
  }

  /**
   * Whether column {@code ordinal} always holds the {@code id} of a row of {@code target},
   * {@code targetOrdinal} being that column: a join on it finds exactly one row.
   */
  boolean references(int ordinal, PhysicalTable target, int targetOrdinal) {
    return target.name().equals(references.get(fields.get(ordinal).name()))
        && !fields.get(ordinal).nullable()
        && target.fields.get(targetOrdinal).name().equals("id");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (Field f : fields) {
      row.add(f.name(), typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(f.type()), f.nullable()));
    }
    return row.build();
  }

  @Override
  public Statistic getStatistic() {
    return statistic;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return jdbcTable.toRel(context, relOptTable);
  }

  /**
   * SQL generation finds the backend's table name through the {@link JdbcTable}; nothing else
   * of it is exposed (it would accept INSERTs).
   */
  @Override
  public <C> @Nullable C unwrap(Class<C> aClass) {
    if (aClass == JdbcTable.class) {
      return aClass.cast(jdbcTable);
    }
    return super.unwrap(aClass);
  }
}

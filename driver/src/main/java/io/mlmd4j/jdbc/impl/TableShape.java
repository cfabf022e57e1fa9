package io.mlmd4j.jdbc.impl;

import java.util.List;

/**
 * What {@code DatabaseMetaData} says about one logical table: its schema, name, remarks, columns
 * in order, primary key columns and logical foreign keys.
 */
public record TableShape(String schema, String name, String remarks, List<Column> columns,
    List<String> primaryKey, List<ForeignKey> foreignKeys) {

  public TableShape {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
  }
}

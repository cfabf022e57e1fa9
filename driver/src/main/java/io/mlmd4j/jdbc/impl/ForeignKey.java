package io.mlmd4j.jdbc.impl;

/**
 * A logical foreign key: {@code column} of its table refers to {@code targetColumn} of
 * {@code targetSchema.targetTable}. MLMD's tables declare none; these say how the logical tables
 * join, for schema browsers.
 */
public record ForeignKey(String column, String targetSchema, String targetTable,
    String targetColumn) {}

/**
 * The JDBC driver's implementation on Apache Calcite: the logical schemas over MLMD's tables
 * ({@link io.mlmd4j.jdbc.impl.MlmdSchema}, the per-type schemas), the SQL dialect of each backend,
 * metadata, read-only SQL and error states, LQL statements
 * ({@link io.mlmd4j.jdbc.impl.LqlSignature}) and the table function {@code lineage}
 * ({@link io.mlmd4j.jdbc.impl.LineageFunction}). Not API: it may change in any release.
 */
package io.mlmd4j.jdbc.impl;

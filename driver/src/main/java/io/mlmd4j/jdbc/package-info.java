/**
 * mlmd4j's JDBC driver, {@link io.mlmd4j.jdbc.Driver}: read-only SQL over an MLMD store, on
 * Apache Calcite. Its connection properties are {@link io.mlmd4j.connect.ConnectionProperty}.
 */
package io.mlmd4j.jdbc;

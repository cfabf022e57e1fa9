/**
 * Connection settings: MLMD's {@code ConnectionConfig} and {@code MigrationOptions}, the
 * {@code jdbc:mlmd:} URL forms that stand for them, and the one list of connection properties.
 */
package io.mlmd4j.connect;

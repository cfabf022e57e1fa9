/**
 * The implementation of {@link io.mlmd4j.MetadataStore}'s calls (internal: not an API). Each
 * {@code *Operations} class serves one family of RPCs inside the caller's transaction; the
 * repositories read and write MLMD's tables in batches: prepared statements, JDBC batches, one
 * query per batch of ids rather than one per row.
 */
package io.mlmd4j.store;

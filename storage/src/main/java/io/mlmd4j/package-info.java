/**
 * mlmd4j's public API: {@link io.mlmd4j.MetadataStore}, MLMD's service on MLMD's protobuf
 * messages ({@code io.mlmd4j.proto}), and {@link io.mlmd4j.MlmdException}. Everything under
 * {@code io.mlmd4j.store} and {@code io.mlmd4j.storage} is implementation.
 */
package io.mlmd4j;

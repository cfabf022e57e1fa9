/**
 * Benchmarks of the {@link io.mlmd4j.MetadataStore}, each measured against a hand-written JDBC
 * baseline in the same run, and the TFX-shaped workload they (and demo stores) are filled with:
 * {@link io.mlmd4j.bench.TfxWorkload}. Run {@link io.mlmd4j.bench.Bench}; see bench/README.md.
 */
package io.mlmd4j.bench;

/**
 * A TFX pipeline's history written through the store API the way TFX's orchestrator writes it:
 * TFX's types and components ({@link io.mlmd4j.demo.TfxTypes},
 * {@link io.mlmd4j.demo.TfxComponent}), the recording of runs ({@link io.mlmd4j.demo.TfxPipeline})
 * and the demo store's fixed history ({@link io.mlmd4j.demo.TfxDemo}), which the driver's tests
 * and the benchmarks' workload also build on.
 */
package io.mlmd4j.demo;

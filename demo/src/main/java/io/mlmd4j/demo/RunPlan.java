package io.mlmd4j.demo;

/**
 * What one pipeline run does, as {@link TfxPipeline#plan} decides it from the seed: its index
 * and run id, how many leading components (in {@link TfxComponent} order) reuse earlier outputs,
 * and the component that fails (null when the run succeeds; the components after it do not run).
 */
public record RunPlan(int index, String runId, int cachedComponents, TfxComponent failed) {}

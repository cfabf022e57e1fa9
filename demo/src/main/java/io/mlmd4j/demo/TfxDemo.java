package io.mlmd4j.demo;

import io.mlmd4j.MetadataStore;

/**
 * The demo store's history: runs of the TFX pipeline {@value #PIPELINE} ({@link TfxPipeline}),
 * the same for every store. From the second run on, ExampleGen is CACHED when the data did not
 * change (two runs in three); run 4's Trainer FAILED, so nothing downstream of it ran; run 2's
 * Evaluator did not bless its model (accuracy below 0.75), so its Pusher pushed nothing.
 */
public final class TfxDemo {

  /** The pipeline's name. */
  public static final String PIPELINE = "taxi";

  // Chosen for the story above: run 1's model blessed, run 2's not, run 3's blessed.
  private static final long SEED = 20261128;
  private static final TfxPipeline TAXI = new TfxPipeline(PIPELINE, SEED, TfxDemo::plan);

  private TfxDemo() {}

  /** Records runs 1 to {@code runs} ({@code taxi-run-01}...) of the pipeline in the store. */
  public static void populate(MetadataStore store, int runs) {
    for (int run = 1; run <= runs; run++) {
      TAXI.record(store, run);
    }
  }

  /** What run {@code run} does: see the class comment. */
  private static RunPlan plan(int run) {
    int cached = run > 1 && run % 3 != 1 ? 1 : 0;
    return new RunPlan(run, TAXI.runId(run), cached,
        run == 4 ? TfxComponent.TRAINER : null);
  }
}

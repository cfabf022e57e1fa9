package io.mlmd4j.demo;

import io.mlmd4j.proto.Execution;
import java.util.List;

/**
 * A pipeline run as recorded in a store: its plan, the ids of its {@code pipeline} and
 * {@code pipeline_run} contexts, and one step per component that ran, in order.
 */
public record PipelineRun(RunPlan plan, long pipelineContextId, long runContextId,
    List<Step> steps) {

  public PipelineRun {
    steps = List.copyOf(steps);
  }

  /**
   * One component's execution: its id and final state (COMPLETE, FAILED or CACHED), and the
   * ids of the artifacts it read and wrote (a cached step's outputs are earlier artifacts).
   */
  public record Step(TfxComponent component, long executionId, Execution.State state,
      List<Long> inputIds, List<Long> outputIds) {

    public Step {
      inputIds = List.copyOf(inputIds);
      outputIds = List.copyOf(outputIds);
    }
  }
}

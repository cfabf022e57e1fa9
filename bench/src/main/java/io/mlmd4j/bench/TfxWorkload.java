package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.demo.PipelineRun;
import io.mlmd4j.demo.RunPlan;
import io.mlmd4j.demo.TfxArtifactType;
import io.mlmd4j.demo.TfxComponent;
import io.mlmd4j.demo.TfxPipeline;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.PutExecutionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmarks' workload on the demo module's TFX pipeline ({@link TfxPipeline}): random run
 * plans, and bulk artifacts and steps of TFX's types.
 *
 * <p>Everything is a function of the seed and the arguments: two workloads with the same pipeline
 * name and seed generate the same messages, and run {@code i} is the same whichever runs were
 * recorded before it (only where its cached executions find their outputs depends on the store).
 */
public final class TfxWorkload {

  // Salts that give each generator its own random stream from one seed.
  private static final long PLAN = 0x5EED_0001L;
  private static final long BULK = 0x5EED_0003L;
  private static final long STEP = 0x5EED_0004L;

  private final TfxPipeline pipeline;

  /** A workload for the pipeline {@code pipelineName}, deterministic for {@code seed}. */
  public TfxWorkload(String pipelineName, long seed) {
    this.pipeline = new TfxPipeline(pipelineName, seed, this::plan);
  }

  public String pipelineName() {
    return pipeline.name();
  }

  /**
   * What run {@code runIndex} does: its run id, how many leading components reuse earlier
   * outputs (cached), and which component fails, if any (the components after it do not run).
   * About three runs in ten after the first are partly cached, about two in ten fail.
   */
  public RunPlan plan(int runIndex) {
    if (runIndex < 0) {
      throw new IllegalArgumentException("Run index must not be negative: " + runIndex);
    }
    SplittableRandom r = pipeline.random(PLAN, runIndex);
    TfxComponent[] components = TfxComponent.values();
    // Caching can cover ExampleGen up to Transform: the stages whose inputs may not change.
    int cached = runIndex > 0 && r.nextInt(10) < 3 ? 1 + r.nextInt(4) : 0;
    TfxComponent failed = r.nextInt(10) < 2
        ? components[cached + r.nextInt(components.length - cached)] : null;
    return new RunPlan(runIndex, pipeline.runId(runIndex), cached, failed);
  }

  /** Records run {@code runIndex} in the store: see {@link TfxPipeline#record}. */
  public PipelineRun pipelineRun(MetadataStore store, int runIndex) {
    return pipeline.record(store, runIndex);
  }

  /**
   * {@code count} artifacts of TFX's types, mixed, none stored yet: each with a unique name and
   * uri, state LIVE, three declared and two custom properties.
   */
  public List<Artifact> artifacts(TfxTypes types, int count) {
    SplittableRandom r = pipeline.random(BULK, count);
    TfxArtifactType[] all = TfxArtifactType.values();
    List<Artifact> artifacts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      TfxArtifactType type = all[r.nextInt(all.length)];
      artifacts.add(pipeline.artifact(types, type, producerOf(type),
          "bulk-" + type.typeName() + "-" + i, pipeline.root() + "/bulk/" + i, i % 100, r));
    }
    return artifacts;
  }

  /**
   * New (unstored) artifacts for each input of {@code component}, of the types its upstream
   * components produce: what a benchmark stores once and feeds to many {@link #completedStep}s.
   */
  public Map<String, Artifact> upstreamArtifacts(TfxTypes types, TfxComponent component) {
    SplittableRandom r = pipeline.random(STEP, -1 - component.ordinal());
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    for (TfxComponent.Input in : component.inputs()) {
      TfxComponent producer = TfxComponent.byNodeId(in.producerNodeId());
      TfxArtifactType type = producer.outputs().stream()
          .filter(o -> o.key().equals(in.producerKey())).findFirst().orElseThrow().type();
      artifacts.put(in.key(), pipeline.artifact(types, type, producer.nodeId(),
          "upstream:" + component.nodeId() + ":" + in.key(),
          pipeline.root() + "/" + producer.nodeId() + "/" + in.producerKey() + "/0", 0, r));
    }
    return artifacts;
  }

  /**
   * One finished step of {@code component} as a single {@code PutExecution}: a new COMPLETE
   * execution, an INPUT event for each of {@code inputs} (stored artifacts, keyed by input),
   * a new artifact and OUTPUT event for each output, and {@code contexts} (stored ones, reused).
   * {@code index} makes the execution's and outputs' names unique among steps.
   */
  public PutExecutionRequest completedStep(TfxTypes types, TfxComponent component, int index,
      Map<String, Artifact> inputs, List<Context> contexts) {
    SplittableRandom r = pipeline.random(STEP, index);
    String runId = "step-" + index;
    Execution execution = pipeline.execution(types, component, runId, index, r).toBuilder()
        .setLastKnownState(Execution.State.COMPLETE).build();
    PutExecutionRequest.Builder request = TfxPipeline.request(execution, contexts);
    TfxPipeline.addPairs(request, inputs, Event.Type.INPUT);
    Map<String, Artifact> outputs = new LinkedHashMap<>();
    for (TfxComponent.Output out : component.outputs()) {
      outputs.put(out.key(), pipeline.artifact(types, out.type(), component.nodeId(),
          TfxPipeline.artifactName(runId, component, out.key()),
          pipeline.root() + "/" + component.nodeId() + "/" + out.key() + "/step-" + index,
          index, r));
    }
    TfxPipeline.addPairs(request, outputs, Event.Type.OUTPUT);
    return request.build();
  }

  /** The context of type {@code pipeline} for this workload's pipeline (not stored). */
  public Context pipelineContext(TfxTypes types) {
    return pipeline.pipelineContext(types);
  }

  /** The context of type {@code pipeline_run} for run {@code runId} (not stored). */
  public Context runContext(TfxTypes types, String runId) {
    return pipeline.runContext(types, runId);
  }

  /** The context of type {@code node} for a component of this pipeline (not stored). */
  public Context nodeContext(TfxTypes types, TfxComponent component) {
    return pipeline.nodeContext(types, component);
  }

  private static String producerOf(TfxArtifactType type) {
    for (TfxComponent c : TfxComponent.values()) {
      for (TfxComponent.Output out : c.outputs()) {
        if (out.type() == type) {
          return c.nodeId();
        }
      }
    }
    throw new IllegalArgumentException("No component produces " + type);
  }
}

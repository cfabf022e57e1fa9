package io.mlmd4j.bench;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactByTypeAndNameRequest;
import io.mlmd4j.proto.GetArtifactByTypeAndNameResponse;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetContextByTypeAndNameRequest;
import io.mlmd4j.proto.GetContextByTypeAndNameResponse;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.ParentContext;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionResponse;
import io.mlmd4j.proto.PutParentContextsRequest;
import io.mlmd4j.proto.Value;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Metadata shaped like what TFX writes, for benchmarks and demo stores: TFX's types
 * ({@link TfxTypes}), whole pipeline runs recorded the way TFX's orchestrator records them, and
 * bulk artifacts and steps.
 *
 * <p>Everything is a function of the seed and the arguments: two workloads with the same pipeline
 * name and seed generate the same messages, and run {@code i} is the same whichever runs were
 * recorded before it (only where its cached executions find their outputs depends on the store).
 * Every artifact and execution carries five properties; events carry TFX's two-step paths
 * (output key, then index).
 */
public final class TfxWorkload {

  /** The TFX release the artifacts claim to be written by. */
  public static final String TFX_VERSION = "1.16.0";

  private static final Instant FIRST_RUN = Instant.parse("2025-01-06T08:00:00Z");
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final String SPLIT_NAMES = "[\"train\", \"eval\"]";

  // Salts that give each generator its own random stream from one seed.
  private static final long PLAN = 0x5EED_0001L;
  private static final long RUN = 0x5EED_0002L;
  private static final long BULK = 0x5EED_0003L;
  private static final long STEP = 0x5EED_0004L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final String pipelineName;
  private final String pipelineRoot;
  private final long seed;

  /** A workload for the pipeline {@code pipelineName}, deterministic for {@code seed}. */
  public TfxWorkload(String pipelineName, long seed) {
    this.pipelineName = pipelineName;
    this.pipelineRoot = "/pipelines/" + pipelineName;
    this.seed = seed;
  }

  public String pipelineName() {
    return pipelineName;
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
    SplittableRandom r = random(PLAN, runIndex);
    Instant start = FIRST_RUN.plus(Duration.ofHours(6L * runIndex))
        .plusSeconds(r.nextInt(3600)).plusNanos(1000L * r.nextInt(1_000_000));
    TfxComponent[] components = TfxComponent.values();
    // Caching can cover ExampleGen up to Transform: the stages whose inputs may not change.
    int cached = runIndex > 0 && r.nextInt(10) < 3 ? 1 + r.nextInt(4) : 0;
    TfxComponent failed = r.nextInt(10) < 2
        ? components[cached + r.nextInt(components.length - cached)] : null;
    return new RunPlan(runIndex, RUN_ID.format(start), cached, failed);
  }

  /**
   * Records run {@code runIndex} in the store as TFX's orchestrator does: the contexts
   * {@code pipeline} (once a store), {@code pipeline_run} and one {@code node} context a
   * component (once a store), each child of the pipeline's; then for each component that runs,
   * an execution registered RUNNING with its input events and published COMPLETE with its
   * output artifacts, or FAILED without outputs, or CACHED with the outputs of the last run that
   * produced them (a component runs for real when the store has no such run). Registers TFX's
   * types first. A run index is recorded once a store: a second time fails ALREADY_EXISTS.
   */
  public PipelineRun pipelineRun(MetadataStore store, int runIndex) {
    TfxTypes types = TfxTypes.register(store);
    RunPlan plan = plan(runIndex);
    SplittableRandom r = random(RUN, runIndex);
    Context pipeline = ensureContext(store, TfxTypes.PIPELINE, pipelineContext(types), null);
    Context run = createContext(store, runContext(types, plan.runId()), pipeline);

    Map<String, Map<String, Artifact>> outputsByNode = new LinkedHashMap<>();
    List<PipelineRun.Step> steps = new ArrayList<>();
    boolean caching = true;
    for (TfxComponent c : TfxComponent.values()) {
      Context node = ensureContext(store, TfxTypes.NODE, nodeContext(types, c), pipeline);
      List<Context> contexts = List.of(pipeline, run, node);
      Map<String, Artifact> inputs = new LinkedHashMap<>();
      for (TfxComponent.Input in : c.inputs()) {
        inputs.put(in.key(), outputsByNode.get(in.producerNodeId()).get(in.producerKey()));
      }
      Execution execution = execution(types, c, plan.runId(), runIndex, r);

      Map<String, Artifact> previous = caching && c.ordinal() < plan.cachedComponents()
          ? previousOutputs(store, c, runIndex) : null;
      if (previous != null) {
        PutExecutionRequest.Builder request = request(
            execution.toBuilder().setLastKnownState(Execution.State.CACHED).build(), contexts);
        addPairs(request, inputs, Event.Type.INPUT);
        addPairs(request, previous, Event.Type.OUTPUT);
        long id = store.putExecution(request.build()).getExecutionId();
        steps.add(new PipelineRun.Step(c, id, Execution.State.CACHED, ids(inputs), ids(previous)));
        outputsByNode.put(c.nodeId(), previous);
        continue;
      }
      caching = false;

      PutExecutionRequest.Builder register = request(execution, contexts);
      addPairs(register, inputs, Event.Type.INPUT);
      long id = store.putExecution(register.build()).getExecutionId();
      Execution registered = execution.toBuilder().setId(id).build();
      if (c == plan.failed()) {
        store.putExecution(request(registered.toBuilder()
            .setLastKnownState(Execution.State.FAILED).build(), contexts).build());
        steps.add(new PipelineRun.Step(c, id, Execution.State.FAILED, ids(inputs), List.of()));
        break;
      }
      Map<String, Artifact> outputs = outputArtifacts(types, c, plan, id, inputs, r);
      PutExecutionRequest.Builder publish = request(registered.toBuilder()
          .setLastKnownState(Execution.State.COMPLETE).build(), contexts);
      addPairs(publish, outputs, Event.Type.OUTPUT);
      PutExecutionResponse published = store.putExecution(publish.build());
      // Downstream components see the outputs as the store has them, as TFX resolves them.
      Map<String, Artifact> stored = new LinkedHashMap<>();
      List<Artifact> read = store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addAllArtifactIds(published.getArtifactIdsList()).build()).getArtifactsList();
      for (String key : outputs.keySet()) {
        long artifactId = published.getArtifactIds(stored.size());
        stored.put(key, read.stream().filter(a -> a.getId() == artifactId).findFirst()
            .orElseThrow(() -> new IllegalStateException("Artifact " + artifactId
                + " was put but cannot be read back")));
      }
      steps.add(new PipelineRun.Step(c, id, Execution.State.COMPLETE, ids(inputs), ids(stored)));
      outputsByNode.put(c.nodeId(), stored);
    }
    return new PipelineRun(plan, pipeline.getId(), run.getId(), steps);
  }

  /**
   * {@code count} artifacts of TFX's types, mixed, none stored yet: each with a unique name and
   * uri, state LIVE, three declared and two custom properties.
   */
  public List<Artifact> artifacts(TfxTypes types, int count) {
    SplittableRandom r = random(BULK, count);
    TfxArtifactType[] all = TfxArtifactType.values();
    List<Artifact> artifacts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      TfxArtifactType type = all[r.nextInt(all.length)];
      String producer = producerOf(type);
      artifacts.add(artifact(types, type, producer, "bulk-" + type.typeName() + "-" + i,
          pipelineRoot + "/bulk/" + i, i % 100, r));
    }
    return artifacts;
  }

  /**
   * New (unstored) artifacts for each input of {@code component}, of the types its upstream
   * components produce: what a benchmark stores once and feeds to many {@link #completedStep}s.
   */
  public Map<String, Artifact> upstreamArtifacts(TfxTypes types, TfxComponent component) {
    SplittableRandom r = random(STEP, -1 - component.ordinal());
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    for (TfxComponent.Input in : component.inputs()) {
      TfxComponent producer = TfxComponent.byNodeId(in.producerNodeId());
      TfxArtifactType type = producer.outputs().stream()
          .filter(o -> o.key().equals(in.producerKey())).findFirst().orElseThrow().type();
      artifacts.put(in.key(), artifact(types, type, producer.nodeId(),
          "upstream:" + component.nodeId() + ":" + in.key(),
          pipelineRoot + "/" + producer.nodeId() + "/" + in.producerKey() + "/0", 0, r));
    }
    return artifacts;
  }

  /**
   * One finished step of {@code component} as a single {@code PutExecution}: a new COMPLETE
   * execution, an INPUT event for each of {@code inputs} (stored artifacts, keyed by input),
   * a new artifact and OUTPUT event for each output, and {@code contexts} (stored ones, reused).
   * {@code index} makes the outputs' names unique among steps.
   */
  public PutExecutionRequest completedStep(TfxTypes types, TfxComponent component, int index,
      Map<String, Artifact> inputs, List<Context> contexts) {
    SplittableRandom r = random(STEP, index);
    String runId = "step-" + index;
    Execution execution = execution(types, component, runId, index, r).toBuilder()
        .setLastKnownState(Execution.State.COMPLETE).build();
    PutExecutionRequest.Builder request = request(execution, contexts);
    addPairs(request, inputs, Event.Type.INPUT);
    Map<String, Artifact> outputs = new LinkedHashMap<>();
    for (TfxComponent.Output out : component.outputs()) {
      outputs.put(out.key(), artifact(types, out.type(), component.nodeId(),
          artifactName(runId, component, out.key()),
          pipelineRoot + "/" + component.nodeId() + "/" + out.key() + "/step-" + index, index,
          r));
    }
    addPairs(request, outputs, Event.Type.OUTPUT);
    return request.build();
  }

  /** The context of type {@code pipeline} for this workload's pipeline (not stored). */
  public Context pipelineContext(TfxTypes types) {
    return Context.newBuilder().setTypeId(types.contextTypeId(TfxTypes.PIPELINE))
        .setName(pipelineName)
        .putProperties("pipeline_name", string(pipelineName))
        .putProperties("pipeline_root", string(pipelineRoot))
        .build();
  }

  /** The context of type {@code pipeline_run} for run {@code runId} (not stored). */
  public Context runContext(TfxTypes types, String runId) {
    return Context.newBuilder().setTypeId(types.contextTypeId(TfxTypes.PIPELINE_RUN))
        .setName(runId)
        .putProperties("pipeline_name", string(pipelineName))
        .putProperties("run_id", string(runId))
        .build();
  }

  /** The context of type {@code node} for a component of this pipeline (not stored). */
  public Context nodeContext(TfxTypes types, TfxComponent component) {
    return Context.newBuilder().setTypeId(types.contextTypeId(TfxTypes.NODE))
        .setName(pipelineName + "." + component.nodeId())
        .putProperties("pipeline_name", string(pipelineName))
        .putProperties("node_id", string(component.nodeId()))
        .build();
  }

  /** An event of {@code type} with TFX's path: the channel's key, then the index in it. */
  public static Event event(Event.Type type, String key, int index) {
    return Event.newBuilder().setType(type).setPath(Event.Path.newBuilder()
        .addSteps(Event.Path.Step.newBuilder().setKey(key))
        .addSteps(Event.Path.Step.newBuilder().setIndex(index)))
        .build();
  }

  private Map<String, Artifact> outputArtifacts(TfxTypes types, TfxComponent c, RunPlan plan,
      long executionId, Map<String, Artifact> inputs, SplittableRandom r) {
    Map<String, Artifact> outputs = new LinkedHashMap<>();
    for (TfxComponent.Output out : c.outputs()) {
      Artifact a = artifact(types, out.type(), c.nodeId(),
          artifactName(plan.runId(), c, out.key()),
          pipelineRoot + "/" + c.nodeId() + "/" + out.key() + "/" + executionId,
          plan.index(), r);
      outputs.put(out.key(), a);
    }
    // The Evaluator blesses a model that is accurate enough, and the Pusher pushes only those.
    if (c == TfxComponent.EVALUATOR) {
      double accuracy = outputs.get("evaluation").getPropertiesOrThrow("accuracy")
          .getDoubleValue();
      Artifact model = inputs.get("model");
      outputs.put("blessing", outputs.get("blessing").toBuilder()
          .putProperties("blessed", integer(accuracy >= 0.75 ? 1 : 0))
          .putProperties("current_model_id", integer(model.getId()))
          .putProperties("current_model", string(model.getUri()))
          .build());
    } else if (c == TfxComponent.PUSHER) {
      long blessed = inputs.get("model_blessing").getPropertiesOrThrow("blessed").getIntValue();
      outputs.put("pushed_model", outputs.get("pushed_model").toBuilder()
          .putProperties("pushed", integer(blessed)).build());
    }
    return outputs;
  }

  /**
   * The outputs of {@code c} in the latest earlier run that produced them and is in the store,
   * read back from the store; null when there is none.
   */
  private Map<String, Artifact> previousOutputs(MetadataStore store, TfxComponent c,
      int runIndex) {
    for (int j = runIndex - 1; j >= 0; j--) {
      RunPlan earlier = plan(j);
      if (earlier.failed() != null && earlier.failed().ordinal() <= c.ordinal()) {
        continue;
      }
      Map<String, Artifact> outputs = new LinkedHashMap<>();
      for (TfxComponent.Output out : c.outputs()) {
        GetArtifactByTypeAndNameResponse found = store.getArtifactByTypeAndName(
            GetArtifactByTypeAndNameRequest.newBuilder().setTypeName(out.type().typeName())
                .setArtifactName(artifactName(earlier.runId(), c, out.key())).build());
        if (!found.hasArtifact()) {
          break;
        }
        outputs.put(out.key(), found.getArtifact());
      }
      if (outputs.size() == c.outputs().size()) {
        return outputs;
      }
    }
    return null;
  }

  private static Context ensureContext(MetadataStore store, String typeName, Context context,
      Context parent) {
    GetContextByTypeAndNameResponse found = store.getContextByTypeAndName(
        GetContextByTypeAndNameRequest.newBuilder().setTypeName(typeName)
            .setContextName(context.getName()).build());
    return found.hasContext() ? found.getContext() : createContext(store, context, parent);
  }

  /** Puts a new context (ALREADY_EXISTS if its name is taken) and links it to its parent. */
  private static Context createContext(MetadataStore store, Context context, Context parent) {
    long id = store.putContexts(PutContextsRequest.newBuilder().addContexts(context).build())
        .getContextIds(0);
    if (parent != null) {
      store.putParentContexts(PutParentContextsRequest.newBuilder().addParentContexts(
          ParentContext.newBuilder().setChildId(id).setParentId(parent.getId())).build());
    }
    return store.getContextsByID(GetContextsByIDRequest.newBuilder().addContextIds(id).build())
        .getContexts(0);
  }

  private Artifact artifact(TfxTypes types, TfxArtifactType type, String producer, String name,
      String uri, int span, SplittableRandom r) {
    return Artifact.newBuilder()
        .setTypeId(types.artifactTypeId(type))
        .setName(name)
        .setUri(uri)
        .setState(Artifact.State.LIVE)
        .putAllProperties(artifactProperties(type, span, r))
        .putCustomProperties("tfx_version", string(TFX_VERSION))
        .putCustomProperties("producer_component", string(producer))
        .build();
  }

  private Map<String, Value> artifactProperties(TfxArtifactType type, int span,
      SplittableRandom r) {
    Map<String, Value> p = new LinkedHashMap<>();
    switch (type) {
      case EXAMPLES -> {
        p.put("span", integer(span));
        p.put("version", integer(r.nextInt(3)));
        p.put("split_names", string(SPLIT_NAMES));
      }
      case EXAMPLE_STATISTICS -> {
        p.put("span", integer(span));
        p.put("split_names", string(SPLIT_NAMES));
        p.put("num_examples", integer(10_000 + r.nextInt(90_000)));
      }
      case SCHEMA -> {
        p.put("version", integer(1 + r.nextInt(3)));
        p.put("num_features", integer(10 + r.nextInt(40)));
        p.put("infer_feature_shape", integer(r.nextInt(2)));
      }
      case TRANSFORM_GRAPH -> {
        p.put("num_output_features", integer(10 + r.nextInt(40)));
        p.put("preprocessing_fn", string("preprocessing.preprocessing_fn"));
        p.put("force_tf_compat_v1", integer(0));
      }
      case MODEL -> {
        p.put("framework", string("tensorflow"));
        p.put("format", string("SavedModel"));
        p.put("size_bytes", integer(1_000_000 + r.nextInt(50_000_000)));
      }
      case MODEL_RUN -> {
        p.put("train_steps", integer(1000 * (1 + r.nextInt(10))));
        p.put("eval_steps", integer(100 * (1 + r.nextInt(5))));
        p.put("final_loss", real(0.1 + 0.5 * r.nextDouble()));
      }
      case MODEL_EVALUATION -> {
        p.put("accuracy", real(0.6 + 0.35 * r.nextDouble()));
        p.put("auc", real(0.7 + 0.29 * r.nextDouble()));
        p.put("example_count", integer(1_000 + r.nextInt(20_000)));
      }
      case MODEL_BLESSING -> {
        p.put("blessed", integer(r.nextInt(2)));
        p.put("current_model_id", integer(0));
        p.put("current_model", string(""));
      }
      case PUSHED_MODEL -> {
        p.put("pushed", integer(r.nextInt(2)));
        p.put("pushed_destination", string("/serving_model/" + pipelineName));
        p.put("pushed_version", string(Long.toString(1_736_150_400L + r.nextInt(10_000_000))));
      }
      default -> throw new IllegalArgumentException("Unknown artifact type " + type);
    }
    return p;
  }

  private Execution execution(TfxTypes types, TfxComponent c, String runId, int index,
      SplittableRandom r) {
    Execution.Builder e = Execution.newBuilder()
        .setTypeId(types.executionTypeId(c))
        .setLastKnownState(Execution.State.RUNNING)
        .putProperties("component_id", string(c.nodeId()))
        .putProperties("pipeline_name", string(pipelineName))
        .putProperties("run_id", string(runId));
    switch (c) {
      case EXAMPLE_GEN -> e.putProperties("input_base", string("/data/" + pipelineName))
          .putProperties("span", integer(index));
      case STATISTICS_GEN -> e.putProperties("exclude_splits", string("[]"))
          .putProperties("stats_options_json", string("null"));
      case SCHEMA_GEN -> e.putProperties("infer_feature_shape", integer(1))
          .putProperties("exclude_splits", string("[]"));
      case TRANSFORM -> e.putProperties("module_file", string(pipelineRoot + "/preprocessing.py"))
          .putProperties("force_tf_compat_v1", integer(0));
      case TRAINER -> e.putProperties("module_file", string(pipelineRoot + "/model.py"))
          .putProperties("train_steps", integer(1000 * (1 + r.nextInt(10))));
      case EVALUATOR -> e.putProperties("eval_config",
              string("{\"metrics_specs\": [{\"thresholds\": {\"accuracy\": 0.75}}]}"))
          .putProperties("example_splits", string("null"));
      case PUSHER -> e.putProperties("push_destination",
              string("{\"filesystem\": {\"base_directory\": \"/serving_model/" + pipelineName
                  + "\"}}"))
          .putProperties("custom_config", string("null"));
      default -> throw new IllegalArgumentException("Unknown component " + c);
    }
    return e.build();
  }

  private static PutExecutionRequest.Builder request(Execution execution,
      List<Context> contexts) {
    return PutExecutionRequest.newBuilder().setExecution(execution).addAllContexts(contexts)
        .setOptions(PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true));
  }

  private static void addPairs(PutExecutionRequest.Builder request,
      Map<String, Artifact> artifacts, Event.Type type) {
    for (Map.Entry<String, Artifact> e : artifacts.entrySet()) {
      request.addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
          .setArtifact(e.getValue()).setEvent(event(type, e.getKey(), 0)));
    }
  }

  private static List<Long> ids(Map<String, Artifact> artifacts) {
    return artifacts.values().stream().map(Artifact::getId).toList();
  }

  private static String artifactName(String runId, TfxComponent c, String key) {
    return c.nodeId() + ":" + key + ":" + runId;
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

  /** A random stream of its own for each (generator, index), from the one seed. */
  private SplittableRandom random(long salt, long index) {
    long h = (seed * GOLDEN + salt) * GOLDEN + index;
    return new SplittableRandom(h);
  }

  private static Value string(String v) {
    return Value.newBuilder().setStringValue(v).build();
  }

  private static Value integer(long v) {
    return Value.newBuilder().setIntValue(v).build();
  }

  private static Value real(double v) {
    return Value.newBuilder().setDoubleValue(v).build();
  }
}

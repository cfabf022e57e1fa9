package io.mlmd4j.demo;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A TFX pipeline ({@link TfxComponent}'s seven components) and how its runs are recorded in a
 * store: TFX's types ({@link TfxTypes}), contexts, executions, artifacts and events, as TFX's
 * orchestrator writes them.
 *
 * <p>What each run does (which components are cached, which one fails) comes from the
 * {@link RunPlan}s the pipeline is given; everything else is a function of the seed and the run:
 * two pipelines with the same name, seed and plans write the same messages. Run {@code i} is
 * named {@code <pipeline>-run-<i>} (two digits at least), its executions
 * {@code <run>.<node id>} and their output artifacts {@code <run>.<node id>.<output key>}. Every
 * artifact and execution carries five properties; events carry TFX's two-step paths (output key,
 * then index).
 */
public final class TfxPipeline {

  /** The TFX release the artifacts claim to be written by. */
  public static final String TFX_VERSION = "1.16.0";

  private static final String SPLIT_NAMES = "[\"train\", \"eval\"]";
  private static final double[] LEARNING_RATES = {0.1, 0.05, 0.01, 0.005, 0.001};

  // Salt of the run's random stream; other users of random() bring salts of their own.
  private static final long RUN = 0x5EED_0002L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final String name;
  private final String root;
  private final long seed;
  private final IntFunction<RunPlan> plans;

  /**
   * The pipeline {@code name}, deterministic for {@code seed}, whose run {@code i} does what
   * {@code plans.apply(i)} says (a plan's index must be {@code i}).
   */
  public TfxPipeline(String name, long seed, IntFunction<RunPlan> plans) {
    this.name = name;
    this.root = "/pipelines/" + name;
    this.seed = seed;
    this.plans = plans;
  }

  public String name() {
    return name;
  }

  /** The pipeline root, under which the artifacts' uris lie. */
  public String root() {
    return root;
  }

  /** The plan of run {@code runIndex}. */
  public RunPlan plan(int runIndex) {
    return plans.apply(runIndex);
  }

  /** The run id (and {@code pipeline_run} context name) of run {@code runIndex}. */
  public String runId(int runIndex) {
    return String.format("%s-run-%02d", name, runIndex);
  }

  /**
   * Records run {@code runIndex} in the store as TFX's orchestrator does: the contexts
   * {@code pipeline} (once a store), {@code pipeline_run} and one {@code node} context a
   * component (once a store), each child of the pipeline's; then for each component that runs,
   * an execution registered RUNNING with its input events and published COMPLETE with its
   * output artifacts, or FAILED without outputs, or CACHED with the outputs of the last run that
   * produced them (a component runs for real when the store has no such run). The Evaluator
   * blesses a model whose accuracy is at least 0.75; the Pusher pushes only a blessed model.
   * Registers TFX's types first. A run is recorded once a store: a second time fails
   * ALREADY_EXISTS.
   */
  public PipelineRun record(MetadataStore store, int runIndex) {
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

  /** The context of type {@code pipeline} for this pipeline (not stored). */
  public Context pipelineContext(TfxTypes types) {
    return Context.newBuilder().setTypeId(types.contextTypeId(TfxTypes.PIPELINE))
        .setName(name)
        .putProperties("pipeline_name", string(name))
        .putProperties("pipeline_root", string(root))
        .build();
  }

  /** The context of type {@code pipeline_run} for run {@code runId} (not stored). */
  public Context runContext(TfxTypes types, String runId) {
    return pipelineChild(types, TfxTypes.PIPELINE_RUN, runId, "run_id", runId);
  }

  /** The context of type {@code node} for a component of this pipeline (not stored). */
  public Context nodeContext(TfxTypes types, TfxComponent component) {
    return pipelineChild(types, TfxTypes.NODE, name + "." + component.nodeId(), "node_id",
        component.nodeId());
  }

  /** A context of this pipeline's: its name, and its own property beside the pipeline's. */
  private Context pipelineChild(TfxTypes types, String type, String contextName,
      String property, String value) {
    return Context.newBuilder().setTypeId(types.contextTypeId(type))
        .setName(contextName)
        .putProperties("pipeline_name", string(name))
        .putProperties(property, string(value))
        .build();
  }

  /**
   * A new (unstored) artifact of {@code type} written by the component {@code producer}: state
   * LIVE, the type's three declared properties and the custom properties {@code tfx_version}
   * and {@code producer_component}.
   */
  public Artifact artifact(TfxTypes types, TfxArtifactType type, String producer,
      String artifactName, String uri, int span, SplittableRandom r) {
    return Artifact.newBuilder()
        .setTypeId(types.artifactTypeId(type))
        .setName(artifactName)
        .setUri(uri)
        .setState(Artifact.State.LIVE)
        .putAllProperties(artifactProperties(type, span, r))
        .putCustomProperties("tfx_version", string(TFX_VERSION))
        .putCustomProperties("producer_component", string(producer))
        .build();
  }

  /**
   * A new (unstored) RUNNING execution of {@code component} in run {@code runId}, named
   * {@code <runId>.<node id>}, with its five declared properties.
   */
  public Execution execution(TfxTypes types, TfxComponent c, String runId, int index,
      SplittableRandom r) {
    Execution.Builder e = Execution.newBuilder()
        .setTypeId(types.executionTypeId(c))
        .setName(runId + "." + c.nodeId())
        .setLastKnownState(Execution.State.RUNNING)
        .putProperties("component_id", string(c.nodeId()))
        .putProperties("pipeline_name", string(name))
        .putProperties("run_id", string(runId));
    switch (c) {
      case EXAMPLE_GEN -> e.putProperties("input_base", string("/data/" + name))
          .putProperties("span", integer(index));
      case STATISTICS_GEN -> e.putProperties("exclude_splits", string("[]"))
          .putProperties("stats_options_json", string("null"));
      case SCHEMA_GEN -> e.putProperties("infer_feature_shape", integer(1))
          .putProperties("exclude_splits", string("[]"));
      case TRANSFORM -> e.putProperties("module_file", string(root + "/preprocessing.py"))
          .putProperties("force_tf_compat_v1", integer(0));
      case TRAINER -> e.putProperties("train_steps", integer(1000 * (1 + r.nextInt(10))))
          .putProperties("learning_rate",
              real(LEARNING_RATES[r.nextInt(LEARNING_RATES.length)]));
      case EVALUATOR -> e.putProperties("eval_config",
              string("{\"metrics_specs\": [{\"thresholds\": {\"accuracy\": 0.75}}]}"))
          .putProperties("example_splits", string("null"));
      case PUSHER -> e.putProperties("push_destination",
              string("{\"filesystem\": {\"base_directory\": \"/serving_model/" + name
                  + "\"}}"))
          .putProperties("custom_config", string("null"));
      default -> throw new IllegalArgumentException("Unknown component " + c);
    }
    return e.build();
  }

  /** The name of the artifact that {@code c} writes to output {@code key} in run {@code runId}. */
  public static String artifactName(String runId, TfxComponent c, String key) {
    return runId + "." + c.nodeId() + "." + key;
  }

  /** An event of {@code type} with TFX's path: the channel's key, then the index in it. */
  public static Event event(Event.Type type, String key, int index) {
    return Event.newBuilder().setType(type).setPath(Event.Path.newBuilder()
        .addSteps(Event.Path.Step.newBuilder().setKey(key))
        .addSteps(Event.Path.Step.newBuilder().setIndex(index)))
        .build();
  }

  /**
   * A {@code PutExecution} of {@code execution} in {@code contexts}, reusing those that exist
   * already, as TFX's orchestrator puts them.
   */
  public static PutExecutionRequest.Builder request(Execution execution,
      List<Context> contexts) {
    return PutExecutionRequest.newBuilder().setExecution(execution).addAllContexts(contexts)
        .setOptions(PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true));
  }

  /** Adds an artifact and an event of {@code type} (path: its key, index 0) for each entry. */
  public static void addPairs(PutExecutionRequest.Builder request,
      Map<String, Artifact> artifacts, Event.Type type) {
    for (Map.Entry<String, Artifact> e : artifacts.entrySet()) {
      request.addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
          .setArtifact(e.getValue()).setEvent(event(type, e.getKey(), 0)));
    }
  }

  /** A random stream of its own for each (salt, index), from the pipeline's seed. */
  public SplittableRandom random(long salt, long index) {
    long h = (seed * GOLDEN + salt) * GOLDEN + index;
    return new SplittableRandom(h);
  }

  private Map<String, Artifact> outputArtifacts(TfxTypes types, TfxComponent c, RunPlan plan,
      long executionId, Map<String, Artifact> inputs, SplittableRandom r) {
    Map<String, Artifact> outputs = new LinkedHashMap<>();
    for (TfxComponent.Output out : c.outputs()) {
      Artifact a = artifact(types, out.type(), c.nodeId(),
          artifactName(plan.runId(), c, out.key()),
          root + "/" + c.nodeId() + "/" + out.key() + "/" + executionId,
          plan.index(), r);
      outputs.put(out.key(), a);
    }
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
        p.put("pushed_destination", string("/serving_model/" + name));
        p.put("pushed_version", string(Long.toString(1_736_150_400L + r.nextInt(10_000_000))));
      }
      default -> throw new IllegalArgumentException("Unknown artifact type " + type);
    }
    return p;
  }

  private static List<Long> ids(Map<String, Artifact> artifacts) {
    return artifacts.values().stream().map(Artifact::getId).toList();
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

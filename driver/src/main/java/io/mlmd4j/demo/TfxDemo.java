package io.mlmd4j.demo;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.ParentContext;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionRequest.ArtifactAndEvent;
import io.mlmd4j.proto.PutParentContextsRequest;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import io.mlmd4j.proto.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the history of a TFX-like pipeline ("taxi": ExampleGen, StatisticsGen, SchemaGen,
 * Transform, Trainer, Evaluator, Pusher) into a store: typed artifacts and executions with
 * properties, pipeline / run / node contexts with parent links, input and output events with
 * TFX's two-step paths. Deterministic for a given number of runs. Among the runs, ExampleGen is
 * CACHED when the data did not change, one Trainer FAILED (so nothing downstream ran), and an
 * Evaluator that did not bless its model left the Pusher out.
 */
public final class TfxDemo {

  public static final String PIPELINE = "taxi";
  private static final String COMPONENT_PREFIX = "tfx.components.";

  private final MetadataStore store;
  private final Random random = new Random(20261128);
  private final Map<String, Long> artifactTypes = new HashMap<>();
  private final Map<String, Long> executionTypes = new HashMap<>();
  private final Map<String, Long> contextTypes = new HashMap<>();
  private long pipelineContext;
  private long clock = 1_790_000_000_000L;

  private TfxDemo(MetadataStore store) {
    this.store = store;
  }

  /** Writes {@code runs} runs of the pipeline into the store. */
  public static void populate(MetadataStore store, int runs) {
    TfxDemo demo = new TfxDemo(store);
    demo.registerTypes();
    demo.pipelineContext = demo.context("pipeline", PIPELINE, Map.of("pipeline_name", s(PIPELINE)));
    Artifact examples = null;
    Artifact blessedModel = null;
    for (int run = 1; run <= runs; run++) {
      Run r = demo.new Run(run);
      boolean newData = run == 1 || run % 3 == 1;
      examples = newData ? r.exampleGen(run / 3 + 1) : r.cachedExampleGen(examples);
      Artifact statistics = r.step("StatisticsGen", "statistics_gen.component",
          List.of(in("examples", examples)), List.of(out("statistics", "ExampleStatistics",
              Map.of("span", i(examples.getProperties().get("span").getIntValue()),
                  "split_names", s("[\"train\", \"eval\"]")))), Execution.State.COMPLETE)
          .get(0);
      Artifact schema = r.step("SchemaGen", "schema_gen.component",
          List.of(in("statistics", statistics)), List.of(out("schema", "Schema", Map.of())),
          Execution.State.COMPLETE).get(0);
      List<Artifact> transformed = r.step("Transform", "transform.component",
          List.of(in("examples", examples), in("schema", schema)),
          List.of(out("transform_graph", "TransformGraph", Map.of()),
              out("transformed_examples", "Examples", Map.of("span",
                  i(examples.getProperties().get("span").getIntValue()), "split_names",
                  s("[\"train\", \"eval\"]")))), Execution.State.COMPLETE);
      boolean trainerFails = run == 4;
      double learningRate = 0.1 / run;
      List<Artifact> trained = r.step("Trainer", "trainer.component",
          List.of(in("examples", transformed.get(1)), in("transform_graph", transformed.get(0)),
              in("schema", schema)),
          trainerFails ? List.of() : List.of(out("model", "Model", Map.of()),
              out("model_run", "ModelRun", Map.of())),
          trainerFails ? Execution.State.FAILED : Execution.State.COMPLETE,
          Map.of("train_steps", i(1000L * run), "learning_rate", d(learningRate)));
      if (trainerFails) {
        continue;
      }
      Artifact model = trained.get(0);
      double accuracy = Math.round((0.78 + run * 0.012 + demo.random.nextDouble() * 0.01) * 1e4)
          / 1e4;
      boolean blessed = blessedModel == null || accuracy > 0.82;
      List<ArtifactAndEvent> evaluatorInputs = new ArrayList<>(List.of(
          in("examples", examples), in("model", model)));
      if (blessedModel != null) {
        evaluatorInputs.add(in("baseline_model", blessedModel));
      }
      List<Artifact> evaluated = r.step("Evaluator", "evaluator.component", evaluatorInputs,
          List.of(out("evaluation", "ModelEvaluation", Map.of("accuracy", d(accuracy), "auc",
              d(Math.round((accuracy + 0.08) * 1e4) / 1e4))),
              out("blessing", "ModelBlessing", Map.of("blessed", i(blessed ? 1 : 0)))),
          Execution.State.COMPLETE);
      if (blessed) {
        r.step("Pusher", "pusher.component",
            List.of(in("model", model), in("model_blessing", evaluated.get(1))),
            List.of(out("pushed_model", "PushedModel", Map.of("pushed_destination",
                s("/serving/taxi/" + run), "pushed_version", s(String.valueOf(run))))),
            Execution.State.COMPLETE);
        blessedModel = model;
      }
    }
  }

  private void registerTypes() {
    PutTypesRequest.Builder types = PutTypesRequest.newBuilder().setCanAddFields(true);
    types.addArtifactTypes(artifactType("Examples", ArtifactType.SystemDefinedBaseType.DATASET,
        Map.of("span", PropertyType.INT, "version", PropertyType.INT, "split_names",
            PropertyType.STRING)));
    types.addArtifactTypes(artifactType("ExampleStatistics",
        ArtifactType.SystemDefinedBaseType.STATISTICS,
        Map.of("span", PropertyType.INT, "split_names", PropertyType.STRING)));
    types.addArtifactTypes(artifactType("Schema", null, Map.of()));
    types.addArtifactTypes(artifactType("TransformGraph", null, Map.of()));
    types.addArtifactTypes(artifactType("Model", ArtifactType.SystemDefinedBaseType.MODEL,
        Map.of()));
    types.addArtifactTypes(artifactType("ModelRun", null, Map.of()));
    types.addArtifactTypes(artifactType("ModelEvaluation",
        ArtifactType.SystemDefinedBaseType.METRICS,
        Map.of("accuracy", PropertyType.DOUBLE, "auc", PropertyType.DOUBLE)));
    types.addArtifactTypes(artifactType("ModelBlessing", null,
        Map.of("blessed", PropertyType.INT)));
    types.addArtifactTypes(artifactType("PushedModel", null, Map.of("pushed_destination",
        PropertyType.STRING, "pushed_version", PropertyType.STRING)));
    Map<String, ExecutionType.SystemDefinedBaseType> components = new java.util.LinkedHashMap<>();
    components.put("example_gen.csv_example_gen.component", ExecutionType.SystemDefinedBaseType
        .PROCESS);
    components.put("statistics_gen.component", ExecutionType.SystemDefinedBaseType.PROCESS);
    components.put("schema_gen.component", ExecutionType.SystemDefinedBaseType.PROCESS);
    components.put("transform.component", ExecutionType.SystemDefinedBaseType.TRANSFORM);
    components.put("trainer.component", ExecutionType.SystemDefinedBaseType.TRAIN);
    components.put("evaluator.component", ExecutionType.SystemDefinedBaseType.EVALUATE);
    components.put("pusher.component", ExecutionType.SystemDefinedBaseType.DEPLOY);
    for (Map.Entry<String, ExecutionType.SystemDefinedBaseType> c : components.entrySet()) {
      ExecutionType.Builder t = ExecutionType.newBuilder()
          .setName(COMPONENT_PREFIX + c.getKey() + "." + className(c.getKey()))
          .setBaseType(c.getValue())
          .putProperties("component_id", PropertyType.STRING)
          .putProperties("pipeline_name", PropertyType.STRING)
          .putProperties("run_id", PropertyType.STRING);
      if (c.getKey().startsWith("trainer")) {
        t.putProperties("train_steps", PropertyType.INT)
            .putProperties("learning_rate", PropertyType.DOUBLE);
      }
      types.addExecutionTypes(t);
    }
    for (String name : List.of("pipeline", "pipeline_run", "node")) {
      types.addContextTypes(ContextType.newBuilder().setName(name)
          .putProperties("pipeline_name", PropertyType.STRING));
    }
    PutTypesResponse ids = store.putTypes(types.build());
    for (int k = 0; k < types.getArtifactTypesCount(); k++) {
      artifactTypes.put(types.getArtifactTypes(k).getName(), ids.getArtifactTypeIds(k));
    }
    for (int k = 0; k < types.getExecutionTypesCount(); k++) {
      executionTypes.put(types.getExecutionTypes(k).getName(), ids.getExecutionTypeIds(k));
    }
    for (int k = 0; k < types.getContextTypesCount(); k++) {
      contextTypes.put(types.getContextTypes(k).getName(), ids.getContextTypeIds(k));
    }
  }

  private static ArtifactType artifactType(String name,
      ArtifactType.SystemDefinedBaseType baseType, Map<String, PropertyType> properties) {
    ArtifactType.Builder type = ArtifactType.newBuilder().setName(name)
        .putAllProperties(properties);
    if (baseType != null) {
      type.setBaseType(baseType);
    }
    return type.build();
  }

  /** One run of the pipeline: its run context and the steps it executes. */
  private final class Run {
    private final String runId;
    private final long runContext;

    Run(int index) {
      runId = String.format("%s-run-%02d", PIPELINE, index);
      runContext = context("pipeline_run", runId, Map.of("pipeline_name", s(PIPELINE)));
      store.putParentContexts(PutParentContextsRequest.newBuilder()
          .addParentContexts(ParentContext.newBuilder().setChildId(runContext)
              .setParentId(pipelineContext)).build());
    }

    Artifact exampleGen(long span) {
      return step("CsvExampleGen", "example_gen.csv_example_gen.component", List.of(),
          List.of(out("examples", "Examples", Map.of("span", i(span), "version", i(0),
              "split_names", s("[\"train\", \"eval\"]")))), Execution.State.COMPLETE).get(0);
    }

    /** ExampleGen found its output of an earlier run for the same input: CACHED, no new data. */
    Artifact cachedExampleGen(Artifact previous) {
      step("CsvExampleGen", "example_gen.csv_example_gen.component",
          List.of(ArtifactAndEvent.newBuilder().setEvent(event(Event.Type.OUTPUT, "examples")
              .toBuilder().setArtifactId(previous.getId())).build()),
          List.of(), Execution.State.CACHED);
      return previous;
    }

    List<Artifact> step(String component, String module, List<ArtifactAndEvent> inputs,
        List<ArtifactAndEvent> outputs, Execution.State state) {
      return step(component, module, inputs, outputs, state, Map.of());
    }

    /** Runs a component: records its execution with inputs and outputs in one PutExecution. */
    List<Artifact> step(String component, String module, List<ArtifactAndEvent> inputs,
        List<ArtifactAndEvent> outputs, Execution.State state, Map<String, Value> extra) {
      clock += 60_000 + random.nextInt(240_000);
      String typeName = COMPONENT_PREFIX + module + "." + className(module);
      Execution.Builder execution = Execution.newBuilder()
          .setTypeId(executionTypes.get(typeName))
          .setName(runId + "." + component)
          .setLastKnownState(state)
          .putProperties("component_id", s(component))
          .putProperties("pipeline_name", s(PIPELINE))
          .putProperties("run_id", s(runId))
          // Seconds, not milliseconds: MLMD's MySQL schema holds 32-bit int values.
          .putCustomProperties("start_time_s", i(clock / 1000))
          .putAllProperties(extra);
      PutExecutionRequest.Builder request = PutExecutionRequest.newBuilder()
          .setExecution(execution).addAllArtifactEventPairs(inputs)
          .addAllContexts(contexts(component)).setOptions(reuse());
      List<Artifact> written = new ArrayList<>();
      for (ArtifactAndEvent o : outputs) {
        Artifact a = o.getArtifact().toBuilder()
            .setTypeId(artifactTypes.get(o.getArtifact().getType()))
            .setUri("/pipelines/" + PIPELINE + "/" + component + "/" + o.getEvent().getPath()
                .getSteps(0).getKey() + "/" + runId)
            .setName(runId + "." + component + "." + o.getEvent().getPath().getSteps(0).getKey())
            .setState(Artifact.State.LIVE)
            .clearType().build();
        request.addArtifactEventPairs(o.toBuilder().setArtifact(a));
        written.add(a);
      }
      List<Long> ids = store.putExecution(request.build()).getArtifactIdsList();
      List<Artifact> result = new ArrayList<>();
      for (int k = 0; k < written.size(); k++) {
        result.add(written.get(k).toBuilder().setId(ids.get(inputs.size() + k)).build());
      }
      return result;
    }

    private List<Context> contexts(String component) {
      return List.of(
          Context.newBuilder().setId(pipelineContext).setTypeId(contextTypes.get("pipeline"))
              .setName(PIPELINE).build(),
          Context.newBuilder().setId(runContext).setTypeId(contextTypes.get("pipeline_run"))
              .setName(runId).build(),
          Context.newBuilder().setTypeId(contextTypes.get("node"))
              .setName(PIPELINE + "." + component)
              .putProperties("pipeline_name", s(PIPELINE)).build());
    }
  }

  private long context(String type, String name, Map<String, Value> properties) {
    return store.putContexts(io.mlmd4j.proto.PutContextsRequest.newBuilder()
        .addContexts(Context.newBuilder().setTypeId(contextTypes.get(type)).setName(name)
            .putAllProperties(properties)).build()).getContextIds(0);
  }

  private static PutExecutionRequest.Options reuse() {
    return PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true)
        .setForceReuseContext(true).build();
  }

  private static ArtifactAndEvent in(String key, Artifact artifact) {
    return ArtifactAndEvent.newBuilder()
        .setEvent(event(Event.Type.INPUT, key).toBuilder().setArtifactId(artifact.getId()))
        .build();
  }

  /** An output still to be written: its type name stands in the artifact's {@code type}. */
  private static ArtifactAndEvent out(String key, String type, Map<String, Value> properties) {
    return ArtifactAndEvent.newBuilder()
        .setArtifact(Artifact.newBuilder().setType(type).putAllProperties(properties))
        .setEvent(event(Event.Type.OUTPUT, key)).build();
  }

  private static Event event(Event.Type type, String key) {
    return Event.newBuilder().setType(type).setPath(Event.Path.newBuilder()
        .addSteps(Event.Path.Step.newBuilder().setKey(key))
        .addSteps(Event.Path.Step.newBuilder().setIndex(0))).build();
  }

  private static String className(String module) {
    String[] parts = module.split("\\.");
    String last = parts[parts.length - 2];
    StringBuilder name = new StringBuilder();
    for (String word : last.split("_")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }

  private static Value i(long v) {
    return Value.newBuilder().setIntValue(v).build();
  }

  private static Value d(double v) {
    return Value.newBuilder().setDoubleValue(v).build();
  }

  private static Value s(String v) {
    return Value.newBuilder().setStringValue(v).build();
  }
}

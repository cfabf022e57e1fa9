package io.mlmd4j.demo;

import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PropertyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of a TFX training pipeline, in the order they run, with the execution type TFX
 * registers for each ({@code tfx.components.trainer.component.Trainer}...), their five declared
 * execution properties, and how their inputs are wired to upstream outputs.
 */
public enum TfxComponent {
  EXAMPLE_GEN("CsvExampleGen",
      "tfx.components.example_gen.csv_example_gen.component.CsvExampleGen",
      List.of(),
      List.of(new Output("examples", TfxArtifactType.EXAMPLES)),
      "input_base", PropertyType.STRING, "span", PropertyType.INT),
  STATISTICS_GEN("StatisticsGen", "tfx.components.statistics_gen.component.StatisticsGen",
      List.of(new Input("examples", "CsvExampleGen", "examples")),
      List.of(new Output("statistics", TfxArtifactType.EXAMPLE_STATISTICS)),
      "exclude_splits", PropertyType.STRING, "stats_options_json", PropertyType.STRING),
  SCHEMA_GEN("SchemaGen", "tfx.components.schema_gen.component.SchemaGen",
      List.of(new Input("statistics", "StatisticsGen", "statistics")),
      List.of(new Output("schema", TfxArtifactType.SCHEMA)),
      "infer_feature_shape", PropertyType.INT, "exclude_splits", PropertyType.STRING),
  TRANSFORM("Transform", "tfx.components.transform.component.Transform",
      List.of(new Input("examples", "CsvExampleGen", "examples"),
          new Input("schema", "SchemaGen", "schema")),
      List.of(new Output("transform_graph", TfxArtifactType.TRANSFORM_GRAPH),
          new Output("transformed_examples", TfxArtifactType.EXAMPLES)),
      "module_file", PropertyType.STRING, "force_tf_compat_v1", PropertyType.INT),
  TRAINER("Trainer", "tfx.components.trainer.component.Trainer",
      List.of(new Input("examples", "Transform", "transformed_examples"),
          new Input("transform_graph", "Transform", "transform_graph"),
          new Input("schema", "SchemaGen", "schema")),
      List.of(new Output("model", TfxArtifactType.MODEL),
          new Output("model_run", TfxArtifactType.MODEL_RUN)),
      "train_steps", PropertyType.INT, "learning_rate", PropertyType.DOUBLE),
  EVALUATOR("Evaluator", "tfx.components.evaluator.component.Evaluator",
      List.of(new Input("examples", "CsvExampleGen", "examples"),
          new Input("model", "Trainer", "model")),
      List.of(new Output("evaluation", TfxArtifactType.MODEL_EVALUATION),
          new Output("blessing", TfxArtifactType.MODEL_BLESSING)),
      "eval_config", PropertyType.STRING, "example_splits", PropertyType.STRING),
  PUSHER("Pusher", "tfx.components.pusher.component.Pusher",
      List.of(new Input("model", "Trainer", "model"),
          new Input("model_blessing", "Evaluator", "blessing")),
      List.of(new Output("pushed_model", TfxArtifactType.PUSHED_MODEL)),
      "push_destination", PropertyType.STRING, "custom_config", PropertyType.STRING);

  /** An input channel: its key, and the node and output key that produce it. */
  public record Input(String key, String producerNodeId, String producerKey) {}

  /** An output channel: its key and the type of artifact written there. */
  public record Output(String key, TfxArtifactType type) {}

  private final String nodeId;
  private final String executionTypeName;
  private final List<Input> inputs;
  private final List<Output> outputs;
  private final Map<String, PropertyType> properties = new LinkedHashMap<>();

  TfxComponent(String nodeId, String executionTypeName, List<Input> inputs, List<Output> outputs,
      String property1, PropertyType type1, String property2, PropertyType type2) {
    this.nodeId = nodeId;
    this.executionTypeName = executionTypeName;
    this.inputs = inputs;
    this.outputs = outputs;
    // Every TFX execution records where it ran; two more properties are the component's own.
    properties.put("component_id", PropertyType.STRING);
    properties.put("pipeline_name", PropertyType.STRING);
    properties.put("run_id", PropertyType.STRING);
    properties.put(property1, type1);
    properties.put(property2, type2);
  }

  /** The node id in the pipeline ({@code CsvExampleGen}, {@code Trainer}...). */
  public String nodeId() {
    return nodeId;
  }

  public String executionTypeName() {
    return executionTypeName;
  }

  public List<Input> inputs() {
    return inputs;
  }

  public List<Output> outputs() {
    return outputs;
  }

  /** The five declared execution properties, in declaration order. */
  public Map<String, PropertyType> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The component whose node id is {@code nodeId}. */
  public static TfxComponent byNodeId(String nodeId) {
    for (TfxComponent c : values()) {
      if (c.nodeId.equals(nodeId)) {
        return c;
      }
    }
    throw new IllegalArgumentException("No TFX component with node id " + nodeId);
  }

  /** The execution type as registered in the store. */
  public ExecutionType toProto() {
    return ExecutionType.newBuilder().setName(executionTypeName).putAllProperties(properties)
        .build();
  }
}

package io.mlmd4j.demo;

import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ArtifactType.SystemDefinedBaseType;
import io.mlmd4j.proto.PropertyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The artifact types a TFX pipeline of ExampleGen, StatisticsGen, SchemaGen, Transform, Trainer,
 * Evaluator and Pusher writes, named as TFX names them. Each declares three typed properties;
 * every artifact also gets the custom properties {@code tfx_version} and
 * {@code producer_component}, as TFX writes them: five properties a node.
 */
public enum TfxArtifactType {
  EXAMPLES("Examples", SystemDefinedBaseType.DATASET,
      "span", PropertyType.INT, "version", PropertyType.INT, "split_names", PropertyType.STRING),
  EXAMPLE_STATISTICS("ExampleStatistics", SystemDefinedBaseType.STATISTICS,
      "span", PropertyType.INT, "split_names", PropertyType.STRING,
      "num_examples", PropertyType.INT),
  SCHEMA("Schema", null,
      "version", PropertyType.INT, "num_features", PropertyType.INT,
      "infer_feature_shape", PropertyType.INT),
  TRANSFORM_GRAPH("TransformGraph", null,
      "num_output_features", PropertyType.INT, "preprocessing_fn", PropertyType.STRING,
      "force_tf_compat_v1", PropertyType.INT),
  MODEL("Model", SystemDefinedBaseType.MODEL,
      "framework", PropertyType.STRING, "format", PropertyType.STRING,
      "size_bytes", PropertyType.INT),
  MODEL_RUN("ModelRun", null,
      "train_steps", PropertyType.INT, "eval_steps", PropertyType.INT,
      "final_loss", PropertyType.DOUBLE),
  MODEL_EVALUATION("ModelEvaluation", SystemDefinedBaseType.METRICS,
      "accuracy", PropertyType.DOUBLE, "auc", PropertyType.DOUBLE,
      "example_count", PropertyType.INT),
  MODEL_BLESSING("ModelBlessing", null,
      "blessed", PropertyType.INT, "current_model_id", PropertyType.INT,
      "current_model", PropertyType.STRING),
  PUSHED_MODEL("PushedModel", null,
      "pushed", PropertyType.INT, "pushed_destination", PropertyType.STRING,
      "pushed_version", PropertyType.STRING);

  private final String typeName;
  private final SystemDefinedBaseType baseType;
  private final Map<String, PropertyType> properties = new LinkedHashMap<>();

  TfxArtifactType(String typeName, SystemDefinedBaseType baseType, Object... properties) {
    this.typeName = typeName;
    this.baseType = baseType;
    for (int i = 0; i < properties.length; i += 2) {
      this.properties.put((String) properties[i], (PropertyType) properties[i + 1]);
    }
  }

  /** The type's name in the store, as TFX names it ({@code Examples}, {@code Model}...). */
  public String typeName() {
    return typeName;
  }

  /** The declared properties, in declaration order. */
  public Map<String, PropertyType> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The type as registered in the store. */
  public ArtifactType toProto() {
    ArtifactType.Builder b = ArtifactType.newBuilder().setName(typeName).putAllProperties(
        properties);
    if (baseType != null) {
      b.setBaseType(baseType);
    }
    return b.build();
  }
}

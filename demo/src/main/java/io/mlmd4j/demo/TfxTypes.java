package io.mlmd4j.demo;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids that TFX's types got in one store: every {@link TfxArtifactType}, the execution type
 * of every {@link TfxComponent}, and the context types {@value #PIPELINE}, {@value #PIPELINE_RUN}
 * and {@value #NODE} that TFX's orchestrator groups executions by.
 */
public final class TfxTypes {

  /** Context type of a pipeline (one context a pipeline name). */
  public static final String PIPELINE = "pipeline";
  /** Context type of one run of a pipeline. */
  public static final String PIPELINE_RUN = "pipeline_run";
  /** Context type of one node of a pipeline, across its runs. */
  public static final String NODE = "node";

  /** The context types with their declared properties. */
  static final List<ContextType> CONTEXT_TYPES = List.of(
      contextType(PIPELINE, "pipeline_root"),
      contextType(PIPELINE_RUN, "run_id"),
      contextType(NODE, "node_id"));

  private final Map<TfxArtifactType, Long> artifactTypeIds;
  private final Map<TfxComponent, Long> executionTypeIds;
  private final Map<String, Long> contextTypeIds;

  private TfxTypes(Map<TfxArtifactType, Long> artifactTypeIds,
      Map<TfxComponent, Long> executionTypeIds, Map<String, Long> contextTypeIds) {
    this.artifactTypeIds = artifactTypeIds;
    this.executionTypeIds = executionTypeIds;
    this.contextTypeIds = contextTypeIds;
  }

  /**
   * Registers the types in one {@code PutTypes} call and returns their ids. Idempotent: a store
   * that has them already answers their ids.
   */
  public static TfxTypes register(MetadataStore store) {
    PutTypesRequest.Builder request = PutTypesRequest.newBuilder();
    for (TfxArtifactType t : TfxArtifactType.values()) {
      request.addArtifactTypes(t.toProto());
    }
    for (TfxComponent c : TfxComponent.values()) {
      request.addExecutionTypes(c.toProto());
    }
    request.addAllContextTypes(CONTEXT_TYPES);
    PutTypesResponse response = store.putTypes(request.build());

    Map<TfxArtifactType, Long> artifacts = new EnumMap<>(TfxArtifactType.class);
    for (TfxArtifactType t : TfxArtifactType.values()) {
      artifacts.put(t, response.getArtifactTypeIds(t.ordinal()));
    }
    Map<TfxComponent, Long> executions = new EnumMap<>(TfxComponent.class);
    for (TfxComponent c : TfxComponent.values()) {
      executions.put(c, response.getExecutionTypeIds(c.ordinal()));
    }
    Map<String, Long> contexts = new HashMap<>();
    for (int i = 0; i < CONTEXT_TYPES.size(); i++) {
      contexts.put(CONTEXT_TYPES.get(i).getName(), response.getContextTypeIds(i));
    }
    return new TfxTypes(artifacts, executions, contexts);
  }

  public long artifactTypeId(TfxArtifactType type) {
    return artifactTypeIds.get(type);
  }

  public long executionTypeId(TfxComponent component) {
    return executionTypeIds.get(component);
  }

  /** The id of context type {@value #PIPELINE}, {@value #PIPELINE_RUN} or {@value #NODE}. */
  public long contextTypeId(String name) {
    Long id = contextTypeIds.get(name);
    if (id == null) {
      throw new IllegalArgumentException("Not a TFX context type: " + name);
    }
    return id;
  }

  /** Every context type declares {@code pipeline_name} and one property of its own. */
  private static ContextType contextType(String name, String property) {
    return ContextType.newBuilder().setName(name)
        .putProperties("pipeline_name", PropertyType.STRING)
        .putProperties(property, PropertyType.STRING)
        .build();
  }
}

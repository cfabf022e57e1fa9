package io.mlmd4j.fuzz;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The names a store holds, which generated queries use so that many of them match rows. */
record Vocabulary(List<String> typeNames, List<String> propertyNames, List<String> nodeNames,
    List<Long> artifactIds) {

  static Vocabulary of(MetadataStore store) {
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> properties = new TreeSet<>();
    TreeSet<String> names = new TreeSet<>();
    List<Long> artifactIds = new ArrayList<>();
    for (ArtifactType t : store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
        .getArtifactTypesList()) {
      types.add(t.getName());
      properties.addAll(t.getPropertiesMap().keySet());
    }
    for (ExecutionType t : store.getExecutionTypes(
        GetExecutionTypesRequest.getDefaultInstance()).getExecutionTypesList()) {
      types.add(t.getName());
      properties.addAll(t.getPropertiesMap().keySet());
    }
    for (Artifact a : store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList()) {
      names.add(a.getName());
      properties.addAll(a.getCustomPropertiesMap().keySet());
      artifactIds.add(a.getId());
    }
    for (Execution e : store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()) {
      names.add(e.getName());
      properties.addAll(e.getCustomPropertiesMap().keySet());
    }
    for (Context c : store.getContexts(GetContextsRequest.getDefaultInstance())
        .getContextsList()) {
      names.add(c.getName());
    }
    names.remove("");
    return new Vocabulary(List.copyOf(types), List.copyOf(properties), List.copyOf(names),
        List.copyOf(artifactIds));
  }
}

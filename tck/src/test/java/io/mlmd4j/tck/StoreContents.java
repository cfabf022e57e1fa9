package io.mlmd4j.tck;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a store holds, read through the public API and put in a canonical order, so two
 * snapshots are equal exactly when the store's contents are: types, nodes with all their fields
 * and timestamps, events with their paths, and the links of every context.
 */
record StoreContents(
    List<ArtifactType> artifactTypes,
    List<ExecutionType> executionTypes,
    List<ContextType> contextTypes,
    List<Artifact> artifacts,
    List<Execution> executions,
    List<Context> contexts,
    List<Event> events,
    Map<Long, List<Long>> attributedArtifacts,
    Map<Long, List<Long>> associatedExecutions,
    Map<Long, List<Long>> parentContexts) {

  static StoreContents read(MetadataStore store) {
    List<Artifact> artifacts = store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList().stream().sorted(Comparator.comparingLong(Artifact::getId)).toList();
    List<Execution> executions = store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList().stream().sorted(Comparator.comparingLong(Execution::getId)).toList();
    List<Context> contexts = store.getContexts(GetContextsRequest.getDefaultInstance())
        .getContextsList().stream().sorted(Comparator.comparingLong(Context::getId)).toList();
    List<Event> events = store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
            .addAllExecutionIds(executions.stream().map(Execution::getId).toList()).build())
        .getEventsList().stream()
        .sorted(Comparator.comparingLong(Event::getExecutionId)
            .thenComparingLong(Event::getArtifactId)
            .thenComparingInt(e -> e.getType().getNumber()))
        .toList();
    Map<Long, List<Long>> attributed = new TreeMap<>();
    Map<Long, List<Long>> associated = new TreeMap<>();
    Map<Long, List<Long>> parents = new TreeMap<>();
    for (Context context : contexts) {
      long id = context.getId();
      attributed.put(id, store.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder()
          .setContextId(id).build()).getArtifactsList().stream().map(Artifact::getId).sorted()
          .toList());
      associated.put(id, store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
          .setContextId(id).build()).getExecutionsList().stream().map(Execution::getId).sorted()
          .toList());
      parents.put(id, store.getParentContextsByContext(GetParentContextsByContextRequest
          .newBuilder().setContextId(id).build()).getContextsList().stream()
          .map(Context::getId).sorted().toList());
    }
    return new StoreContents(
        store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
            .getArtifactTypesList(),
        store.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance())
            .getExecutionTypesList(),
        store.getContextTypes(GetContextTypesRequest.getDefaultInstance()).getContextTypesList(),
        artifacts, executions, contexts, events, attributed, associated, parents);
  }
}

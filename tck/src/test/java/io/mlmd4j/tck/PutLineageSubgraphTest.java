package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetLineageGraphRequest;
import io.mlmd4j.proto.PutLineageSubgraphRequest;
import io.mlmd4j.proto.PutLineageSubgraphRequest.EventEdge;
import io.mlmd4j.proto.PutLineageSubgraphResponse;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** PutLineageSubgraph: a whole subgraph upserted at once, with events by index or by id. */
class PutLineageSubgraphTest extends TckTest {

  long artifactTypeId;
  long executionTypeId;
  long contextTypeId;

  /** The types of MLMD's tests: each kind with one property, property_1. */
  void putTypes() {
    PutTypesResponse ids = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "context_types { name: 'context_type' properties { key: 'property_1' value: INT } }"
        + "execution_types { name: 'execution_type'"
        + "  properties { key: 'property_1' value: DOUBLE } }"
        + "artifact_types { name: 'artifact_type'"
        + "  properties { key: 'property_1' value: STRING } }"));
    artifactTypeId = ids.getArtifactTypeIds(0);
    executionTypeId = ids.getExecutionTypeIds(0);
    contextTypeId = ids.getContextTypeIds(0);
  }

  PutLineageSubgraphResponse putSubgraph(PutLineageSubgraphRequest request) {
    return store.putLineageSubgraph(request);
  }

  static EventEdge edge(Integer executionIndex, Integer artifactIndex, Event event) {
    EventEdge.Builder edge = EventEdge.newBuilder().setEvent(event);
    if (executionIndex != null) {
      edge.setExecutionIndex(executionIndex);
    }
    if (artifactIndex != null) {
      edge.setArtifactIndex(artifactIndex);
    }
    return edge.build();
  }

  List<Execution> executionsByContext(long contextId) {
    return store.getExecutionsByContext(
        GetExecutionsByContextRequest.newBuilder().setContextId(contextId).build())
        .getExecutionsList();
  }

  List<Artifact> artifactsByContext(long contextId) {
    return store.getArtifactsByContext(
        GetArtifactsByContextRequest.newBuilder().setContextId(contextId).build())
        .getArtifactsList();
  }

  List<Event> eventsOf(List<Long> executionIds) {
    return store.getEventsByExecutionIDs(
        GetEventsByExecutionIDsRequest.newBuilder().addAllExecutionIds(executionIds).build())
        .getEventsList();
  }

  List<Context> allContexts() {
    return store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList();
  }

  @StoreTest
  @DisplayName("#105 stored nodes with reuse: edges by index, by index + ids, by ids: three events")
  void edgesByIndexAndId() {
    putTypes();
    Context context = context("type_id: %d name: 'context'"
        + " properties { key: 'property_1' value { int_value: 1 } }", contextTypeId);
    put(context);
    Execution execution = execution("type_id: %d"
        + " properties { key: 'property_1' value { double_value: 1.0 } }", executionTypeId);
    execution = execution.toBuilder().setId(put(execution).get(0)).build();
    Artifact artifact = artifact("type_id: %d uri: 'testuri'"
        + " properties { key: 'property_1' value { string_value: '1' } }", artifactTypeId);
    artifact = artifact.toBuilder().setId(put(artifact).get(0)).build();

    Event byIndex = event("type: OUTPUT");
    Event byIndexAndIds = event("type: INPUT execution_id: %d artifact_id: %d",
        execution.getId(), artifact.getId());
    Event byIds = event("type: DECLARED_INPUT execution_id: %d artifact_id: %d",
        execution.getId(), artifact.getId());
    PutLineageSubgraphResponse response = putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addExecutions(execution).addArtifacts(artifact).addContexts(context)
        .addEventEdges(edge(0, 0, byIndex))
        .addEventEdges(edge(0, 0, byIndexAndIds))
        .addEventEdges(edge(null, null, byIds))
        .setOptions(PutLineageSubgraphRequest.Options.newBuilder()
            .setReuseContextIfAlreadyExist(true))
        .build());
    assertThat(response.getExecutionIdsList()).containsExactly(execution.getId());
    assertThat(response.getArtifactIdsList()).containsExactly(artifact.getId());
    assertThat(response.getContextIdsList()).hasSize(1);
    long contextId = response.getContextIds(0);

    assertThat(without(executionsByContext(contextId), andTimes("type")))
        .containsExactly(execution);
    assertThat(without(artifactsByContext(contextId), andTimes("type"))).containsExactly(artifact);
    assertThat(without(allContexts(), andTimes("type")))
        .containsExactly(context.toBuilder().setId(contextId).build());
    List<Event> events = eventsOf(response.getExecutionIdsList());
    assertThat(without(events, "milliseconds_since_epoch")).containsExactlyInAnyOrder(
        byIndex.toBuilder().setExecutionId(execution.getId()).setArtifactId(artifact.getId())
            .build(),
        byIndexAndIds, byIds);
  }

  @StoreTest
  @DisplayName("#106 a new artifact with a stored execution: inserted, attributed, upserted first")
  void newArtifactWithStoredExecution() {
    putTypes();
    Context context = context("type_id: %d name: 'context'"
        + " properties { key: 'property_1' value { int_value: 1 } }", contextTypeId);
    put(context);
    Execution execution = execution("type_id: %d"
        + " properties { key: 'property_1' value { double_value: 1.0 } }", executionTypeId);
    execution = execution.toBuilder().setId(put(execution).get(0)).build();
    Artifact artifact = artifact("type_id: %d uri: 'testuri'"
        + " properties { key: 'property_1' value { string_value: '1' } }", artifactTypeId);

    PutLineageSubgraphResponse response = putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addExecutions(execution).addArtifacts(artifact).addContexts(context)
        .addEventEdges(edge(0, 0, event("type: OUTPUT")))
        .setOptions(PutLineageSubgraphRequest.Options.newBuilder()
            .setReuseContextIfAlreadyExist(true))
        .build());
    long contextId = response.getContextIds(0);
    List<Execution> executions = executionsByContext(contextId);
    List<Artifact> artifacts = artifactsByContext(contextId);
    assertThat(without(executions, andTimes("type"))).containsExactly(execution);
    assertThat(without(artifacts, andTimes("type")))
        .containsExactly(artifact.toBuilder().setId(response.getArtifactIds(0)).build());
    assertThat(executions.get(0).getLastUpdateTimeSinceEpoch())
        .isGreaterThanOrEqualTo(artifacts.get(0).getCreateTimeSinceEpoch());
    assertThat(without(eventsOf(response.getExecutionIdsList()), "milliseconds_since_epoch"))
        .containsExactly(event("type: OUTPUT execution_id: %d artifact_id: %d",
            execution.getId(), response.getArtifactIds(0)));
  }

  @StoreTest
  @DisplayName("#107 stored execution and artifact are updated: state, properties, custom ones")
  void updatesStoredNodes() {
    putTypes();
    Execution execution = execution("type_id: %d last_known_state: RUNNING"
        + " properties { key: 'property_1' value { double_value: 1.0 } }"
        + " custom_properties { key: 'property_2' value { double_value: 2.0 } }", executionTypeId);
    long executionId = put(execution).get(0);
    Artifact artifact = artifact("type_id: %d uri: 'testuri' state: PENDING"
        + " properties { key: 'property_1' value { string_value: '1' } }"
        + " custom_properties { key: 'property_2' value { string_value: '2' } }", artifactTypeId);
    long artifactId = put(artifact).get(0);

    Execution newExecution = execution("id: %d type_id: %d last_known_state: COMPLETE"
        + " properties { key: 'property_1' value { double_value: 2.0 } }"
        + " custom_properties { key: 'property_2' value { double_value: 3.0 } }",
        executionId, executionTypeId);
    Artifact newArtifact = artifact("id: %d type_id: %d uri: 'testuri' state: LIVE"
        + " properties { key: 'property_1' value { string_value: '2' } }"
        + " custom_properties { key: 'property_2' value { string_value: '3' } }",
        artifactId, artifactTypeId);
    PutLineageSubgraphResponse response = putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addExecutions(newExecution).addArtifacts(newArtifact).build());
    assertThat(response.getExecutionIdsList()).containsExactly(executionId);
    assertThat(response.getArtifactIdsList()).containsExactly(artifactId);
    assertThat(response.getContextIdsList()).isEmpty();
    assertThat(without(executionById(executionId), andTimes("type"))).isEqualTo(newExecution);
    assertThat(without(artifactById(artifactId), andTimes("type"))).isEqualTo(newArtifact);
  }

  @StoreTest
  @DisplayName("#108 invalid edges and an unreused stored context: the exact error of each case")
  void invalidEdges() {
    PutTypesResponse ids = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "context_types { name: 'context_type' } execution_types { name: 'execution_type' }"
        + "artifact_types { name: 'artifact_type' }"));
    long executionId = put(execution("type_id: %d", ids.getExecutionTypeIds(0))).get(0);
    long artifactId = put(artifact("type_id: %d uri: 'testuri'", ids.getArtifactTypeIds(0)))
        .get(0);
    Context context = context("type_id: %d name: 'context'", ids.getContextTypeIds(0));
    put(context);
    PutLineageSubgraphRequest base = PutLineageSubgraphRequest.newBuilder()
        .addArtifacts(artifact("id: %d type_id: %d uri: 'testuri'", artifactId,
            ids.getArtifactTypeIds(0)))
        .addExecutions(execution("id: %d type_id: %d", executionId, ids.getExecutionTypeIds(0)))
        .addEventEdges(edge(0, 0, event("type: INPUT")))
        .build();

    PutLineageSubgraphRequest.Builder noEvent = base.toBuilder();
    noEvent.getEventEdgesBuilder(0).clearEvent();
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(noEvent.build()));

    PutLineageSubgraphRequest.Builder noExecution = base.toBuilder();
    noExecution.getEventEdgesBuilder(0).clearExecutionIndex();
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(noExecution.build()));

    PutLineageSubgraphRequest.Builder noArtifact = base.toBuilder();
    noArtifact.getEventEdgesBuilder(0).clearArtifactIndex();
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(noArtifact.build()));

    assertFails(Code.OUT_OF_RANGE, () -> putSubgraph(base.toBuilder().clearExecutions().build()));
    assertFails(Code.OUT_OF_RANGE, () -> putSubgraph(base.toBuilder().clearArtifacts().build()));

    assertFails(Code.ALREADY_EXISTS,
        () -> putSubgraph(base.toBuilder().addContexts(context).build()));

    PutLineageSubgraphRequest.Builder otherExecution = base.toBuilder();
    otherExecution.getEventEdgesBuilder(0).getEventBuilder().setExecutionId(executionId + 1);
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(otherExecution.build()));

    PutLineageSubgraphRequest.Builder otherArtifact = base.toBuilder();
    otherArtifact.getEventEdgesBuilder(0).getEventBuilder().setArtifactId(artifactId + 1);
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(otherArtifact.build()));

    PutLineageSubgraphRequest.Builder idlessExecution = base.toBuilder();
    idlessExecution.getEventEdgesBuilder(0).getEventBuilder().setExecutionId(executionId);
    idlessExecution.getExecutionsBuilder(0).clearId();
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(idlessExecution.build()));

    PutLineageSubgraphRequest.Builder idlessArtifact = base.toBuilder();
    idlessArtifact.getEventEdgesBuilder(0).getEventBuilder().setArtifactId(artifactId);
    idlessArtifact.getArtifactsBuilder(0).clearId();
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(idlessArtifact.build()));

    // Nothing of the failed calls is stored, and the base request itself is valid.
    assertThat(eventsOf(List.of(executionId))).isEmpty();
    PutLineageSubgraphResponse ok = putSubgraph(base);
    assertThat(ok.getExecutionIdsList()).containsExactly(executionId);
    assertThat(ok.getArtifactIdsList()).containsExactly(artifactId);
    assertThat(without(eventsOf(List.of(executionId)), "milliseconds_since_epoch"))
        .containsExactly(event("type: INPUT execution_id: %d artifact_id: %d",
            executionId, artifactId));
    assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()).hasSize(1);
    assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList()).hasSize(1);
    assertThat(allContexts()).hasSize(1);
  }

  @StoreTest
  @DisplayName("(§4.7) every node needs a type_id, even an update: INVALID_ARGUMENT")
  void typeIdRequired() {
    putTypes();
    long executionId = put(execution("type_id: %d", executionTypeId)).get(0);
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addExecutions(execution("id: %d", executionId)).build()));
    assertFails(Code.INVALID_ARGUMENT, () -> putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addArtifacts(artifact("uri: 'no type'")).build()));
    assertFails(Code.NOT_FOUND, () -> putSubgraph(PutLineageSubgraphRequest.newBuilder()
        .addArtifacts(artifact("type_id: %d", artifactTypeId + 1000)).build()));
    assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList())
        .isEmpty();
  }

  @StoreTest
  @DisplayName("#109 reuse_artifact_if_already_exist_by_external_id: insert, update, collide, new")
  void reuseArtifactByExternalId() {
    PutTypesResponse ids = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'artifact_type' } execution_types { name: 'execution_type' }"));
    long typeId = ids.getArtifactTypeIds(0);
    PutLineageSubgraphRequest.Builder request = PutLineageSubgraphRequest.newBuilder()
        .addExecutions(execution("type_id: %d", ids.getExecutionTypeIds(0)))
        .addArtifacts(artifact("type_id: %d external_id: 'artifact_reference_str'"
            + " name: 'artifact_name'", typeId));
    PutLineageSubgraphResponse first = putSubgraph(request.build());
    assertThat(first.getArtifactIdsList()).hasSize(1);
    long artifactId = first.getArtifactIds(0);

    request.getArtifactsBuilder(0).setUri("new_uri");
    assertFails(Code.ALREADY_EXISTS, () -> putSubgraph(request.build()));

    request.getOptionsBuilder().setReuseArtifactIfAlreadyExistByExternalId(true);
    assertThat(putSubgraph(request.build()).getArtifactIdsList()).containsExactly(artifactId);
    assertThat(artifactById(artifactId).getUri()).isEqualTo("new_uri");

    request.getArtifactsBuilder(0).clearExternalId();
    assertFails(Code.ALREADY_EXISTS, () -> putSubgraph(request.build()));

    request.getArtifactsBuilder(0).setId(artifactId).setExternalId("new_external_id");
    putSubgraph(request.build());
    assertThat(artifactById(artifactId).getExternalId()).isEqualTo("new_external_id");

    request.setArtifacts(0, artifact("type_id: %d external_id: 'another_artifact_reference_str'"
        + " name: 'another_artifact_name'", typeId));
    PutLineageSubgraphResponse inserted = putSubgraph(request.build());
    assertThat(inserted.getArtifactIds(0)).isNotEqualTo(artifactId);
    assertThat(artifactById(inserted.getArtifactIds(0)).getExternalId())
        .isEqualTo("another_artifact_reference_str");
  }

  @StoreTest
  @DisplayName("#110 stored context without reuse fails whole; with reuse: all linked, 4 events")
  void wholeSubgraph() {
    PutTypesResponse ids = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "execution_types {" + TypesTest.exampleType("execution_type") + "}"
        + "artifact_types {" + TypesTest.exampleType("artifact_type") + "}"
        + "context_types {" + TypesTest.exampleType("context_type") + "}"));
    long executionTypeId = ids.getExecutionTypeIds(0);
    long artifactTypeId = ids.getArtifactTypeIds(0);
    long contextTypeId = ids.getContextTypeIds(0);
    Context existingContext = context("type_id: %d name: 'existing_context'", contextTypeId);
    long existingContextId = put(existingContext).get(0);
    Context newContext = context("type_id: %d name: 'new_context'", contextTypeId);
    Execution existingExecution = execution("type_id: %d name: 'existing_execution'",
        executionTypeId);
    long existingExecutionId = put(existingExecution).get(0);
    existingExecution = existingExecution.toBuilder().setId(existingExecutionId).build();
    Execution newExecution = execution("type_id: %d name: 'new_execution'", executionTypeId);
    Artifact input = artifact("type_id: %d uri: 'testuri'", artifactTypeId);
    long inputId = put(input).get(0);
    input = input.toBuilder().setId(inputId).build();
    Artifact output = artifact("type_id: %d uri: 'output_artifact'", artifactTypeId);

    PutLineageSubgraphRequest request = PutLineageSubgraphRequest.newBuilder()
        .addExecutions(existingExecution).addExecutions(newExecution)
        .addArtifacts(input).addArtifacts(output)
        .addContexts(existingContext).addContexts(newContext)
        .addEventEdges(edge(0, 0, event("type: INPUT execution_id: %d artifact_id: %d",
            existingExecutionId, inputId)))
        .addEventEdges(edge(null, 1, event("type: OUTPUT execution_id: %d",
            existingExecutionId)))
        .addEventEdges(edge(1, null, event("type: INPUT artifact_id: %d", inputId)))
        .addEventEdges(edge(1, 1, event("type: OUTPUT")))
        .build();
    assertFails(Code.ALREADY_EXISTS, () -> putSubgraph(request));
    assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()).hasSize(1);
    assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList()).hasSize(1);
    assertThat(allContexts()).hasSize(1);

    PutLineageSubgraphResponse response = putSubgraph(request.toBuilder()
        .setOptions(PutLineageSubgraphRequest.Options.newBuilder()
            .setReuseContextIfAlreadyExist(true))
        .build());
    assertThat(response.getExecutionIdsList()).hasSize(2);
    assertThat(response.getExecutionIds(0)).isEqualTo(existingExecutionId);
    assertThat(response.getArtifactIdsList()).hasSize(2);
    assertThat(response.getArtifactIds(0)).isEqualTo(inputId);
    assertThat(response.getContextIdsList()).hasSize(2);
    assertThat(response.getContextIds(0)).isEqualTo(existingContextId);
    long newExecutionId = response.getExecutionIds(1);
    long outputId = response.getArtifactIds(1);
    long newContextId = response.getContextIds(1);

    assertThat(without(store.getContextsByType(GetContextsByTypeRequest.newBuilder()
        .setTypeName("context_type").build()).getContextsList(), andTimes("type")))
        .containsExactlyInAnyOrder(existingContext.toBuilder().setId(existingContextId).build(),
            newContext.toBuilder().setId(newContextId).build());
    List<Artifact> wantArtifacts = List.of(input, output.toBuilder().setId(outputId).build());
    List<Execution> wantExecutions = List.of(existingExecution,
        newExecution.toBuilder().setId(newExecutionId).build());
    for (long contextId : response.getContextIdsList()) {
      assertThat(without(artifactsByContext(contextId), andTimes("type")))
          .containsExactlyInAnyOrderElementsOf(wantArtifacts);
      assertThat(without(executionsByContext(contextId), andTimes("type")))
          .containsExactlyInAnyOrderElementsOf(wantExecutions);
    }
    assertThat(without(eventsOf(response.getExecutionIdsList()), "milliseconds_since_epoch"))
        .containsExactlyInAnyOrder(
            event("type: INPUT execution_id: %d artifact_id: %d", existingExecutionId, inputId),
            event("type: OUTPUT execution_id: %d artifact_id: %d", existingExecutionId, outputId),
            event("type: INPUT execution_id: %d artifact_id: %d", newExecutionId, inputId),
            event("type: OUTPUT execution_id: %d artifact_id: %d", newExecutionId, outputId));
  }
  @StoreTest
  @DisplayName("(§0.19) the deprecated GetLineageGraph is UNIMPLEMENTED")
  void getLineageGraphIsUnimplemented() {
    assertFails(Code.UNIMPLEMENTED,
        () -> store.getLineageGraph(GetLineageGraphRequest.getDefaultInstance()));
  }
}

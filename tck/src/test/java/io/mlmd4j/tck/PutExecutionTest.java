package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsByExecutionRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionResponse;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import io.mlmd4j.proto.Value;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** PutExecution: one step recorded atomically, with its artifacts, events and contexts. */
class PutExecutionTest extends TckTest {

  long artifactTypeId;
  long executionTypeId;
  long contextTypeId;

  void putTypes() {
    PutTypesResponse ids = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'artifact_type' }"
        + "execution_types { name: 'execution_type'"
        + "  properties { key: 'running_status' value: STRING } }"
        + "context_types { name: 'context_type' }"));
    artifactTypeId = ids.getArtifactTypeIds(0);
    executionTypeId = ids.getExecutionTypeIds(0);
    contextTypeId = ids.getContextTypeIds(0);
  }

  PutExecutionResponse putExecution(String request, Object... args) {
    return store.putExecution(parse(PutExecutionRequest.getDefaultInstance(), request, args));
  }

  List<Artifact> artifactsByContext(long contextId) {
    return store.getArtifactsByContext(
        GetArtifactsByContextRequest.newBuilder().setContextId(contextId).build())
        .getArtifactsList();
  }

  List<Execution> executionsByContext(long contextId) {
    return store.getExecutionsByContext(
        GetExecutionsByContextRequest.newBuilder().setContextId(contextId).build())
        .getExecutionsList();
  }

  List<Context> allContexts() {
    return store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList();
  }

  List<Event> eventsOf(long executionId) {
    return store.getEventsByExecutionIDs(
        GetEventsByExecutionIDsRequest.newBuilder().addExecutionIds(executionId).build())
        .getEventsList();
  }

  @StoreTest
  @DisplayName("#73 insert, then update with artifacts and events; empty pairs give -1; end state")
  void putAndUpdateExecution() {
    putTypes();
    Execution execution = execution("type_id: %d last_known_state: NEW"
        + " properties { key: 'running_status' value { string_value: 'INIT' } }", executionTypeId);
    PutExecutionResponse first = store.putExecution(
        PutExecutionRequest.newBuilder().setExecution(execution).build());
    assertThat(first.getArtifactIdsList()).isEmpty();
    assertThat(first.getContextIdsList()).isEmpty();
    long executionId = first.getExecutionId();
    execution = execution.toBuilder().setId(executionId).setLastKnownState(Execution.State.RUNNING)
        .putProperties("running_status", value("RUN")).build();

    // An update with an input artifact but no event.
    Artifact input = artifact("type_id: %d uri: 'uri://an_input_artifact'", artifactTypeId);
    PutExecutionResponse second = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution)
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
            .setArtifact(input))
        .build());
    assertThat(second.getExecutionId()).isEqualTo(executionId);
    assertThat(second.getArtifactIdsList()).hasSize(1);
    input = input.toBuilder().setId(second.getArtifactIds(0)).build();

    // An existing artifact by event only, and a new output artifact with an id-less event.
    execution = execution.toBuilder().setLastKnownState(Execution.State.COMPLETE)
        .putProperties("running_status", value("DONE")).build();
    Artifact output = artifact("type_id: %d uri: 'uri://an_output_artifact' state: LIVE",
        artifactTypeId);
    PutExecutionResponse third = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution)
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
            .setEvent(event("artifact_id: %d execution_id: %d type: DECLARED_INPUT",
                input.getId(), executionId)))
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
            .setArtifact(output).setEvent(event("type: DECLARED_OUTPUT")))
        .build());
    assertThat(third.getExecutionId()).isEqualTo(executionId);
    assertThat(third.getArtifactIdsList()).hasSize(2);
    assertThat(third.getArtifactIds(0)).isEqualTo(input.getId());
    output = output.toBuilder().setId(third.getArtifactIds(1)).build();

    // Empty pairs.
    PutExecutionResponse fourth = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution)
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.getDefaultInstance())
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.getDefaultInstance())
        .build());
    assertThat(fourth.getArtifactIdsList()).containsExactly(-1L, -1L);

    List<Artifact> artifacts =
        store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
    assertThat(without(artifacts, andTimes("type"))).containsExactlyInAnyOrder(input, output);
    List<Execution> executions =
        store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList();
    assertThat(without(executions, andTimes("type"))).containsExactly(execution);
    List<Event> events = eventsOf(executionId);
    assertThat(without(events, "milliseconds_since_epoch")).containsExactlyInAnyOrder(
        event("artifact_id: %d execution_id: %d type: DECLARED_INPUT", input.getId(), executionId),
        event("artifact_id: %d execution_id: %d type: DECLARED_OUTPUT", output.getId(),
            executionId));
    long newestArtifact = artifacts.stream().mapToLong(Artifact::getCreateTimeSinceEpoch).max()
        .getAsLong();
    assertThat(newestArtifact).isPositive();
    assertThat(executions.get(0).getLastUpdateTimeSinceEpoch())
        .isGreaterThanOrEqualTo(newestArtifact);
  }

  static Value value(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  @StoreTest
  @DisplayName("#74 with two new contexts: both stored; each has the artifact and the execution")
  void putWithTwoContexts() {
    putTypes();
    PutExecutionResponse response = putExecution(""
        + "execution { type_id: %d }"
        + "artifact_event_pairs { artifact { type_id: %d } }"
        + "contexts { type_id: %d name: 'context1' }"
        + "contexts { type_id: %d name: 'context2' }",
        executionTypeId, artifactTypeId, contextTypeId, contextTypeId);
    assertThat(response.getExecutionId()).isPositive();
    assertThat(response.getArtifactIdsList()).hasSize(1);
    assertThat(response.getContextIdsList()).hasSize(2);
    assertThat(without(allContexts(), andTimes("type"))).containsExactlyInAnyOrder(
        context("id: %d type_id: %d name: 'context1'", response.getContextIds(0), contextTypeId),
        context("id: %d type_id: %d name: 'context2'", response.getContextIds(1), contextTypeId));
    for (long contextId : response.getContextIdsList()) {
      assertThat(artifactsByContext(contextId)).extracting(Artifact::getId)
          .containsExactly(response.getArtifactIds(0));
      assertThat(executionsByContext(contextId)).extracting(Execution::getId)
          .containsExactly(response.getExecutionId());
    }
  }

  @StoreTest
  @DisplayName("#75 a new context twice: ALREADY_EXISTS; with reuse_context_if_already_exist OK")
  void reuseContextIfAlreadyExist() {
    putTypes();
    PutExecutionRequest request = parse(PutExecutionRequest.getDefaultInstance(), ""
        + "execution { type_id: %d } contexts { type_id: %d name: 'context' }",
        executionTypeId, contextTypeId);
    PutExecutionResponse first = store.putExecution(request);
    assertFails(Code.ALREADY_EXISTS, () -> store.putExecution(request));
    PutExecutionResponse reused = store.putExecution(request.toBuilder().setOptions(
        PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true)).build());
    assertThat(reused.getContextIdsList()).isEqualTo(first.getContextIdsList());
    assertThat(reused.getExecutionId()).isNotEqualTo(first.getExecutionId());

    assertThat(without(allContexts(), andTimes("type"))).containsExactly(
        context("id: %d type_id: %d name: 'context'", first.getContextIds(0), contextTypeId));
    assertThat(without(executionsByContext(first.getContextIds(0)), andTimes("type")))
        .containsExactlyInAnyOrder(
            execution("id: %d type_id: %d", first.getExecutionId(), executionTypeId),
            execution("id: %d type_id: %d", reused.getExecutionId(), executionTypeId));
    assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()).hasSize(2);
  }

  @StoreTest
  @DisplayName("#76 force_reuse_context with an existing id: the context is not modified")
  void forceReuseContext() {
    putTypes();
    Context original = context("type_id: %d name: 'context'"
        + " custom_properties { key: 'property1' value { string_value: 'value1' } }",
            contextTypeId);
    long contextId = put(original).get(0);
    original = original.toBuilder().setId(contextId).build();
    Context modified = original.toBuilder()
        .putCustomProperties("property1", value("changed"))
        .putCustomProperties("property2", value("added")).build();
    PutExecutionResponse response = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution("type_id: %d", executionTypeId))
        .addContexts(modified)
        .setOptions(PutExecutionRequest.Options.newBuilder().setForceReuseContext(true))
        .build());
    assertThat(response.getContextIdsList()).containsExactly(contextId);
    assertThat(without(allContexts(), andTimes("type"))).containsExactly(original);
    assertThat(executionsByContext(contextId)).extracting(Execution::getId)
        .containsExactly(response.getExecutionId());
  }

  @StoreTest
  @DisplayName("#76 force_reuse_context with an id that does not exist: NOT_FOUND, nothing stored")
  void forceReuseMissingContext() {
    putTypes();
    assertFails(Code.NOT_FOUND, () -> putExecution(""
        + "execution { type_id: %d } contexts { id: 12345 type_id: %d name: 'context' }"
        + "options { force_reuse_context: true }", executionTypeId, contextTypeId));
    assertThat(allContexts()).isEmpty();
    assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()).isEmpty();
  }

  @StoreTest
  @DisplayName("#76 force_reuse_context + reuse_context_if_already_exist: neither context modified")
  void forceReuseAndReuseIfExist() {
    putTypes();
    Context one = context("type_id: %d name: 'one'"
        + " custom_properties { key: 'property1' value { string_value: 'value1' } }",
            contextTypeId);
    Context two = context("type_id: %d name: 'two'"
        + " custom_properties { key: 'property2' value { string_value: 'value2' } }",
            contextTypeId);
    List<Long> ids = put(one, two);
    one = one.toBuilder().setId(ids.get(0)).build();
    two = two.toBuilder().setId(ids.get(1)).build();
    PutExecutionResponse response = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution("type_id: %d", executionTypeId))
        .addContexts(one.toBuilder().putCustomProperties("property1", value("changed1")))
        .addContexts(two.toBuilder().clearId()
            .putCustomProperties("property2", value("changed2")))
        .setOptions(PutExecutionRequest.Options.newBuilder()
            .setForceReuseContext(true).setReuseContextIfAlreadyExist(true))
        .build());
    assertThat(response.getContextIdsList()).containsExactly(ids.get(0), ids.get(1));
    assertThat(without(allContexts(), andTimes("type"))).containsExactlyInAnyOrder(one, two);
  }

  @StoreTest
  @DisplayName("#77 reuse_artifact_if_already_exist_by_external_id: off inserts, on updates")
  void reuseArtifactByExternalId() {
    putTypes();
    PutExecutionRequest request = parse(PutExecutionRequest.getDefaultInstance(), ""
        + "execution { type_id: %d }"
        + "artifact_event_pairs { artifact { type_id: %d external_id: 'artifact_reference_str'"
        + "  name: 'artifact_name' } }", executionTypeId, artifactTypeId);
    PutExecutionResponse first = store.putExecution(request);
    assertThat(first.getArtifactIdsList()).hasSize(1);
    long artifactId = first.getArtifactIds(0);

    PutExecutionRequest.Builder newUri = request.toBuilder();
    newUri.getArtifactEventPairsBuilder(0).getArtifactBuilder().setUri("new_uri");
    assertFails(Code.ALREADY_EXISTS, () -> store.putExecution(newUri.build()));

    newUri.getOptionsBuilder().setReuseArtifactIfAlreadyExistByExternalId(true);
    PutExecutionResponse reused = store.putExecution(newUri.build());
    assertThat(reused.getArtifactIdsList()).containsExactly(artifactId);
    assertThat(artifactById(artifactId).getUri()).isEqualTo("new_uri");

    // Same (type, name) without an external_id is an insert, and collides.
    PutExecutionRequest.Builder noExternalId = newUri.clone();
    noExternalId.getArtifactEventPairsBuilder(0).getArtifactBuilder().clearExternalId();
    assertFails(Code.ALREADY_EXISTS, () -> store.putExecution(noExternalId.build()));

    // With the id, a new external_id is written.
    PutExecutionRequest.Builder withId = noExternalId.clone();
    withId.getArtifactEventPairsBuilder(0).getArtifactBuilder().setId(artifactId)
        .setExternalId("new_external_id");
    store.putExecution(withId.build());
    assertThat(artifactById(artifactId).getExternalId()).isEqualTo("new_external_id");
    assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList())
        .hasSize(1);
  }

  @StoreTest
  @DisplayName("#78 one stored artifact twice in the pairs, with reuse options: one attribution")
  void duplicatedArtifactsInPairs() {
    putTypes();
    long contextId = put(context("type_id: %d name: 'context_name'", contextTypeId)).get(0);
    Artifact artifact = artifact("type_id: %d external_id: 'artifact_reference_str'"
        + " name: 'artifact_name'", artifactTypeId);
    long artifactId = put(artifact).get(0);
    PutExecutionResponse response = store.putExecution(PutExecutionRequest.newBuilder()
        .setExecution(execution("type_id: %d", executionTypeId))
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
            .setArtifact(artifact))
        .addArtifactEventPairs(PutExecutionRequest.ArtifactAndEvent.newBuilder()
            .setArtifact(artifact))
        .addContexts(context("id: %d type_id: %d name: 'context_name'", contextId, contextTypeId))
        .setOptions(PutExecutionRequest.Options.newBuilder()
            .setReuseArtifactIfAlreadyExistByExternalId(true)
            .setReuseContextIfAlreadyExist(true))
        .build());
    assertThat(response.getArtifactIdsList()).containsExactly(artifactId, artifactId);
    assertThat(without(artifactsByContext(contextId), andTimes("type", "uri")))
        .containsExactly(artifact.toBuilder().setId(artifactId).build());
  }

  @StoreTest
  @DisplayName("#79 no contexts: none created; the pair with an event gives the only event")
  void putWithoutContexts() {
    putTypes();
    PutExecutionResponse response = putExecution(""
        + "execution { type_id: %d }"
        + "artifact_event_pairs { artifact { type_id: %d } }"
        + "artifact_event_pairs { artifact { type_id: %d } event { type: DECLARED_INPUT } }",
        executionTypeId, artifactTypeId, artifactTypeId);
    assertThat(response.getArtifactIdsList()).hasSize(2).doesNotHaveDuplicates();
    assertThat(response.getContextIdsList()).isEmpty();
    assertThat(without(eventsOf(response.getExecutionId()), "milliseconds_since_epoch"))
        .containsExactly(event("artifact_id: %d execution_id: %d type: DECLARED_INPUT",
            response.getArtifactIds(1), response.getExecutionId()));
    assertThat(allContexts()).isEmpty();
  }

  @StoreTest
  @DisplayName("#80 with a context: GetContextsByExecution finds it; it has the one execution")
  void putWithContext() {
    putTypes();
    PutExecutionResponse response = putExecution(""
        + "execution { type_id: %d }"
        + "artifact_event_pairs { artifact { type_id: %d } }"
        + "artifact_event_pairs { artifact { type_id: %d } event { type: DECLARED_INPUT } }"
        + "contexts { type_id: %d name: 'tck_context' }",
        executionTypeId, artifactTypeId, artifactTypeId, contextTypeId);
    assertThat(response.getArtifactIdsList()).hasSize(2);
    assertThat(eventsOf(response.getExecutionId())).hasSize(1);
    assertThat(response.getContextIdsList()).hasSize(1);
    assertThat(contextsById(response.getContextIds(0))).hasSize(1);
    List<Context> contexts = store.getContextsByExecution(GetContextsByExecutionRequest
        .newBuilder().setExecutionId(response.getExecutionId()).build()).getContextsList();
    assertThat(without(contexts, andTimes("type"))).containsExactly(context(
        "id: %d type_id: %d name: 'tck_context'", response.getContextIds(0), contextTypeId));
    assertThat(executionsByContext(response.getContextIds(0))).hasSize(1);
    assertThat(artifactsByContext(response.getContextIds(0))).extracting(Artifact::getId)
        .containsExactlyInAnyOrderElementsOf(response.getArtifactIdsList());
  }

  @StoreTest
  @DisplayName("#81 an execution id that does not exist: INVALID_ARGUMENT")
  void unknownExecutionId() {
    putTypes();
    assertFails(Code.INVALID_ARGUMENT,
        () -> putExecution("execution { id: 1000 type_id: %d }", executionTypeId));
    assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
        .getExecutionsList()).isEmpty();
  }

  @StoreTest
  @DisplayName("(§4.6) no execution, or an event naming another node or none: INVALID_ARGUMENT")
  void putExecutionValidation() {
    putTypes();
    assertFails(Code.INVALID_ARGUMENT,
        () -> putExecution("artifact_event_pairs { artifact { type_id: %d } }", artifactTypeId));
    long otherExecution = put(execution("type_id: %d", executionTypeId)).get(0);
    long executionId = put(execution("type_id: %d", executionTypeId)).get(0);
    assertFails(Code.INVALID_ARGUMENT, () -> putExecution(""
        + "execution { id: %d type_id: %d }"
        + "artifact_event_pairs { artifact { type_id: %d }"
        + "  event { execution_id: %d type: INPUT } }",
        executionId, executionTypeId, artifactTypeId, otherExecution));
    long artifactId = put(artifact("type_id: %d", artifactTypeId)).get(0);
    assertFails(Code.INVALID_ARGUMENT, () -> putExecution(""
        + "execution { id: %d type_id: %d }"
        + "artifact_event_pairs { artifact { id: %d type_id: %d }"
        + "  event { artifact_id: %d type: INPUT } }",
        executionId, executionTypeId, artifactId, artifactTypeId, artifactId + 100));
    assertFails(Code.INVALID_ARGUMENT, () -> putExecution(""
        + "execution { id: %d type_id: %d } artifact_event_pairs { event { type: INPUT } }",
        executionId, executionTypeId));
    assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList())
        .extracting(Artifact::getId).containsExactly(artifactId);
    assertThat(eventsOf(executionId)).isEmpty();
  }
}

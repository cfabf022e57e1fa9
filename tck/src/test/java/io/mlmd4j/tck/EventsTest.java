package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.GetEventsByArtifactIDsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Events: put with paths, lookups by artifact and execution, validation and uniqueness. */
class EventsTest extends TckTest {

  long artifactTypeId;
  long executionTypeId;

  void putTypes() {
    artifactTypeId = put(artifactType("name: 'tck_artifact_type'"));
    executionTypeId = put(executionType("name: 'tck_execution_type'"));
  }

  long newArtifact() {
    return put(artifact("type_id: %d", artifactTypeId)).get(0);
  }

  long newExecution() {
    return put(execution("type_id: %d", executionTypeId)).get(0);
  }

  void putEvents(Event... events) {
    store.putEvents(PutEventsRequest.newBuilder().addAllEvents(List.of(events)).build());
  }

  List<Event> byArtifacts(Long... ids) {
    return store.getEventsByArtifactIDs(
        GetEventsByArtifactIDsRequest.newBuilder().addAllArtifactIds(List.of(ids)).build())
        .getEventsList();
  }

  List<Event> byExecutions(Long... ids) {
    return store.getEventsByExecutionIDs(
        GetEventsByExecutionIDsRequest.newBuilder().addAllExecutionIds(List.of(ids)).build())
        .getEventsList();
  }

  @StoreTest
  @DisplayName("#69 PutEvents, then the event by its artifact and by its execution, with both ids")
  void putThenGetEvents() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    Event event = event("artifact_id: %d execution_id: %d type: DECLARED_OUTPUT",
        artifactId, executionId);
    putEvents(event);
    List<Event> byArtifact = byArtifacts(artifactId);
    assertThat(without(byArtifact, "milliseconds_since_epoch")).containsExactly(event);
    assertThat(byArtifact.get(0).getMillisecondsSinceEpoch()).isPositive();
    assertThat(without(byExecutions(executionId), "milliseconds_since_epoch"))
        .containsExactly(event);
  }

  @StoreTest
  @DisplayName("#70 an event without artifact_id or execution_id: INVALID_ARGUMENT")
  void eventNeedsBothEnds() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    assertFails(Code.INVALID_ARGUMENT,
        () -> putEvents(event("execution_id: %d type: DECLARED_OUTPUT", executionId)));
    assertFails(Code.INVALID_ARGUMENT,
        () -> putEvents(event("artifact_id: %d type: DECLARED_OUTPUT", artifactId)));
    assertThat(byExecutions(executionId)).isEmpty();
    assertThat(byArtifacts(artifactId)).isEmpty();
  }

  @StoreTest
  @DisplayName("(§4.1) an event of type UNKNOWN, or to a missing artifact or execution: INVALID")
  void eventValidation() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    assertFails(Code.INVALID_ARGUMENT,
        () -> putEvents(event("artifact_id: %d execution_id: %d", artifactId, executionId)));
    assertFails(Code.INVALID_ARGUMENT, () -> putEvents(
        event("artifact_id: %d execution_id: %d type: UNKNOWN", artifactId, executionId)));
    assertFails(Code.INVALID_ARGUMENT, () -> putEvents(
        event("artifact_id: %d execution_id: %d type: INPUT", artifactId + 100, executionId)));
    assertFails(Code.INVALID_ARGUMENT, () -> putEvents(
        event("artifact_id: %d execution_id: %d type: INPUT", artifactId, executionId + 100)));
    assertThat(byExecutions(executionId)).isEmpty();
  }

  @StoreTest
  @DisplayName("#71 event paths round-trip; an execution's events come in insertion order")
  void pathsRoundTripInOrder() {
    putTypes();
    long executionId = newExecution();
    List<Long> artifactIds = put(artifact("type_id: %d", artifactTypeId),
        artifact("type_id: %d", artifactTypeId));
    Event e0 = event("artifact_id: %d execution_id: %d type: DECLARED_INPUT"
        + " path { steps { key: 'ggg' } }", artifactIds.get(0), executionId);
    Event e1 = event("artifact_id: %d execution_id: %d type: DECLARED_INPUT"
        + " path { steps { key: 'fff' } }", artifactIds.get(1), executionId);
    putEvents(e0, e1);
    assertThat(without(byExecutions(executionId), "milliseconds_since_epoch"))
        .containsExactly(e0, e1);
  }

  @StoreTest
  @DisplayName("#71 an artifact's events with two executions come in insertion order")
  void artifactEventsInOrder() {
    putTypes();
    long artifactId = newArtifact();
    List<Long> executionIds = put(execution("type_id: %d", executionTypeId),
        execution("type_id: %d", executionTypeId));
    Event e0 = event("artifact_id: %d execution_id: %d type: DECLARED_INPUT"
        + " path { steps { key: 'ggg' } }", artifactId, executionIds.get(0));
    Event e1 = event("artifact_id: %d execution_id: %d type: DECLARED_INPUT"
        + " path { steps { key: 'fff' } }", artifactId, executionIds.get(1));
    putEvents(e0, e1);
    assertThat(without(byArtifacts(artifactId), "milliseconds_since_epoch"))
        .containsExactly(e0, e1);
  }

  @StoreTest
  @DisplayName("#71 (§3.3) mixed index and key steps keep their order; a given time is kept")
  void mixedStepsAndTime() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    Event event = event("artifact_id: %d execution_id: %d type: OUTPUT"
        + " path { steps { key: 'data' } steps { index: 1 } steps { key: 'x' } steps { index: 0 } }"
        + " milliseconds_since_epoch: 1234567", artifactId, executionId);
    putEvents(event);
    assertThat(byExecutions(executionId)).containsExactly(event);
  }

  @StoreTest
  @DisplayName("#72 one artifact-execution pair may have events of several types")
  void severalTypesPerPair() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    Event output = event("artifact_id: %d execution_id: %d type: OUTPUT", artifactId, executionId);
    Event input = event("artifact_id: %d execution_id: %d type: INPUT", artifactId, executionId);
    Event declared = event("artifact_id: %d execution_id: %d type: DECLARED_INPUT",
        artifactId, executionId);
    putEvents(output, input);
    putEvents(declared);
    assertThat(without(byExecutions(executionId), "milliseconds_since_epoch"))
        .containsExactlyInAnyOrder(output, input, declared);
    assertThat(without(byArtifacts(artifactId), "milliseconds_since_epoch"))
        .containsExactlyInAnyOrder(output, input, declared);
  }

  @StoreTest
  @DisplayName("(§0.11) the same artifact, execution and type twice: ALREADY_EXISTS")
  void duplicateEvent() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    Event event = event("artifact_id: %d execution_id: %d type: OUTPUT", artifactId, executionId);
    putEvents(event);
    assertFails(Code.ALREADY_EXISTS, () -> putEvents(event));
    assertThat(byExecutions(executionId)).hasSize(1);
  }

  @StoreTest
  @DisplayName("(§2) events of ids with none, or of no ids: OK and empty")
  void noEvents() {
    putTypes();
    long artifactId = newArtifact();
    long executionId = newExecution();
    assertThat(byArtifacts(artifactId)).isEmpty();
    assertThat(byExecutions(executionId)).isEmpty();
    assertThat(byArtifacts(artifactId + 100)).isEmpty();
    assertThat(byExecutions()).isEmpty();
  }
}

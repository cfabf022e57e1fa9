package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import io.mlmd4j.proto.PutLineageSubgraphRequest;
import io.mlmd4j.proto.PutParentContextsRequest;
import io.mlmd4j.proto.PutTypesRequest;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;

/**
 * Every batch call is one transaction: when its last item fails, nothing of the call is stored.
 * Each test fills the store, makes a call whose earlier items are valid (inserts and updates) and
 * whose last item fails, and then compares everything the store holds with what it held before.
 */
class AtomicityTest extends TckTest {

  long artifactTypeId;
  long executionTypeId;
  long contextTypeId;
  List<Long> artifactIds;
  List<Long> executionIds;
  List<Long> contextIds;

  /**
   * Types with one property each; two artifacts, two executions, three contexts; an event, an
   * attribution, an association and the parent link context 1 → context 2.
   */
  void fill() {
    artifactTypeId = put(artifactType("name: 'artifact_type' properties { key: 'p' value: INT }"));
    executionTypeId = put(executionType(
        "name: 'execution_type' properties { key: 'p' value: INT }"));
    contextTypeId = put(contextType("name: 'context_type' properties { key: 'p' value: INT }"));
    artifactIds = put(
        artifact("type_id: %d uri: 'a1' properties { key: 'p' value { int_value: 1 } }",
            artifactTypeId), artifact("type_id: %d uri: 'a2' state: LIVE", artifactTypeId));
    executionIds = put(execution("type_id: %d name: 'e1' last_known_state: RUNNING",
        executionTypeId), execution("type_id: %d name: 'e2'", executionTypeId));
    contextIds = put(context("type_id: %d name: 'c1'", contextTypeId),
        context("type_id: %d name: 'c2'", contextTypeId),
        context("type_id: %d name: 'c3'", contextTypeId));
    store.putEvents(PutEventsRequest.newBuilder().addEvents(event(
        "artifact_id: %d execution_id: %d type: INPUT path { steps { key: 'in' } }",
        artifactIds.get(0), executionIds.get(0))).build());
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAttributions(LinksTest.attribution(contextIds.get(0), artifactIds.get(0)))
        .addAssociations(LinksTest.association(contextIds.get(0), executionIds.get(0)))
        .build());
    store.putParentContexts(PutParentContextsRequest.newBuilder()
        .addParentContexts(LinksTest.parent(contextIds.get(0), contextIds.get(1))).build());
  }

  /** Asserts that {@code call} fails with {@code code} and leaves the store as it was. */
  void assertFailsWithoutTrace(Code code, ThrowingCallable call) {
    StoreContents before = StoreContents.read(store);
    assertThat(before.artifacts()).isNotEmpty();
    assertFails(code, call);
    assertThat(StoreContents.read(store)).isEqualTo(before);
  }

  @StoreTest
  @DisplayName("(issue item 3) PutArtifacts: insert, update, then a bad property: nothing stored")
  void putArtifacts() {
    fill();
    assertFailsWithoutTrace(Code.INVALID_ARGUMENT, () -> store.putArtifacts(
        PutArtifactsRequest.newBuilder()
            .addArtifacts(artifact("type_id: %d uri: 'new'", artifactTypeId))
            .addArtifacts(artifact("id: %d type_id: %d uri: 'changed'", artifactIds.get(0),
                artifactTypeId))
            .addArtifacts(artifact(
                "type_id: %d properties { key: 'p' value { string_value: 'x' } }",
                artifactTypeId))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutArtifacts: insert, update, then a name taken in the same call")
  void putArtifactsDuplicateLast() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putArtifacts(
        PutArtifactsRequest.newBuilder()
            .addArtifacts(artifact("type_id: %d name: 'same'", artifactTypeId))
            .addArtifacts(artifact("id: %d type_id: %d uri: 'changed'", artifactIds.get(0),
                artifactTypeId))
            .addArtifacts(artifact("type_id: %d name: 'same'", artifactTypeId))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutArtifacts: the last update's time is stale: nothing stored")
  void putArtifactsStaleLast() {
    fill();
    Artifact a1 = artifactById(artifactIds.get(0));
    Artifact a2 = artifactById(artifactIds.get(1));
    assertFailsWithoutTrace(Code.FAILED_PRECONDITION, () -> store.putArtifacts(
        PutArtifactsRequest.newBuilder()
            .addArtifacts(a1.toBuilder().setUri("changed"))
            .addArtifacts(a2.toBuilder().setUri("changed")
                .setLastUpdateTimeSinceEpoch(a2.getLastUpdateTimeSinceEpoch() - 1))
            .setOptions(PutArtifactsRequest.Options.newBuilder()
                .setAbortIfLatestUpdatedTimeChanged(true))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutExecutions: insert, update, then an unknown type: nothing stored")
  void putExecutions() {
    fill();
    assertFailsWithoutTrace(Code.NOT_FOUND, () -> store.putExecutions(
        PutExecutionsRequest.newBuilder()
            .addExecutions(execution("type_id: %d name: 'new'", executionTypeId))
            .addExecutions(execution("id: %d type_id: %d last_known_state: COMPLETE",
                executionIds.get(0), executionTypeId))
            .addExecutions(execution("type_id: %d", executionTypeId + 1000))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutExecutions: insert, update, then a name taken in the same call")
  void putExecutionsDuplicateLast() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putExecutions(
        PutExecutionsRequest.newBuilder()
            .addExecutions(execution("type_id: %d name: 'same'", executionTypeId))
            .addExecutions(execution("id: %d type_id: %d last_known_state: COMPLETE",
                executionIds.get(0), executionTypeId))
            .addExecutions(execution("type_id: %d name: 'same'", executionTypeId))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutContexts: insert, rename, then a duplicate name: nothing stored")
  void putContexts() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putContexts(
        PutContextsRequest.newBuilder()
            .addContexts(context("type_id: %d name: 'new'", contextTypeId))
            .addContexts(context("id: %d type_id: %d name: 'renamed'", contextIds.get(0),
                contextTypeId))
            .addContexts(context("type_id: %d name: 'new'", contextTypeId))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutEvents: a valid event, then one to a missing artifact")
  void putEvents() {
    fill();
    assertFailsWithoutTrace(Code.INVALID_ARGUMENT, () -> store.putEvents(
        PutEventsRequest.newBuilder()
            .addEvents(event("artifact_id: %d execution_id: %d type: OUTPUT"
                + " path { steps { index: 1 } }", artifactIds.get(1), executionIds.get(1)))
            .addEvents(event("artifact_id: %d execution_id: %d type: OUTPUT",
                artifactIds.get(1) + 100, executionIds.get(1)))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutEvents: a valid event, then a duplicate of a stored one")
  void putEventsDuplicateLast() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putEvents(
        PutEventsRequest.newBuilder()
            .addEvents(event("artifact_id: %d execution_id: %d type: OUTPUT",
                artifactIds.get(1), executionIds.get(1)))
            .addEvents(event("artifact_id: %d execution_id: %d type: INPUT",
                artifactIds.get(0), executionIds.get(0)))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutTypes: new artifact and execution types, then a bad context type")
  void putTypes() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putTypes(parse(
        PutTypesRequest.getDefaultInstance(), ""
            + "artifact_types { name: 'new_artifact_type' }"
            + "artifact_types { name: 'artifact_type' properties { key: 'p' value: INT }"
            + "  properties { key: 'q' value: INT } }"
            + "execution_types { name: 'new_execution_type' }"
            + "context_types { name: 'new_context_type' }"
            + "context_types { name: 'context_type' properties { key: 'p' value: STRING } }"
            + "can_add_fields: true")));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutArtifactType adding a property with a changed base_type")
  void putArtifactTypeEvolutionThenBaseType() {
    fill();
    put(artifactType("name: 'based' base_type: MODEL"));
    assertFailsWithoutTrace(Code.UNIMPLEMENTED, () -> store.putArtifactType(
        parse(PutArtifactTypeRequest.getDefaultInstance(), "can_add_fields: true"
            + " artifact_type { name: 'based' properties { key: 'new' value: INT }"
            + " base_type: DATASET }")));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutExecution: artifacts, execution, events, then a nameless context")
  void putExecution() {
    fill();
    assertFailsWithoutTrace(Code.INVALID_ARGUMENT, () -> store.putExecution(parse(
        PutExecutionRequest.getDefaultInstance(), ""
            + "execution { id: %d type_id: %d last_known_state: COMPLETE }"
            + "artifact_event_pairs { artifact { type_id: %d uri: 'out' }"
            + "  event { type: OUTPUT } }"
            + "artifact_event_pairs { artifact { id: %d type_id: %d uri: 'changed' }"
            + "  event { type: INPUT } }"
            + "contexts { type_id: %d name: 'new_context' }"
            + "contexts { id: %d type_id: %d name: 'c1' }"
            + "contexts { type_id: %d }",
        executionIds.get(1), executionTypeId, artifactTypeId, artifactIds.get(1), artifactTypeId,
        contextTypeId, contextIds.get(0), contextTypeId, contextTypeId)));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutLineageSubgraph: nodes, links, then a duplicate last event")
  void putLineageSubgraph() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putLineageSubgraph(
        PutLineageSubgraphRequest.newBuilder()
            .addExecutions(execution("type_id: %d name: 'new_execution'", executionTypeId))
            .addExecutions(execution("id: %d type_id: %d last_known_state: FAILED",
                executionIds.get(1), executionTypeId))
            .addArtifacts(artifact("type_id: %d uri: 'new'", artifactTypeId))
            .addContexts(context("type_id: %d name: 'new_context'", contextTypeId))
            .addContexts(context("id: %d type_id: %d name: 'c2'", contextIds.get(1),
                contextTypeId))
            .addEventEdges(PutLineageSubgraphTest.edge(0, 0, event("type: OUTPUT")))
            .addEventEdges(PutLineageSubgraphTest.edge(1, 0, event("type: INPUT")))
            .addEventEdges(PutLineageSubgraphTest.edge(0, 0, event("type: OUTPUT")))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutAttributionsAndAssociations: links, then a missing execution")
  void putAttributionsAndAssociations() {
    fill();
    assertFailsWithoutTrace(Code.INVALID_ARGUMENT, () -> store.putAttributionsAndAssociations(
        PutAttributionsAndAssociationsRequest.newBuilder()
            .addAttributions(LinksTest.attribution(contextIds.get(1), artifactIds.get(1)))
            .addAssociations(LinksTest.association(contextIds.get(1), executionIds.get(1)))
            .addAssociations(LinksTest.association(contextIds.get(1), executionIds.get(1) + 100))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutParentContexts: a valid link, then one closing a cycle")
  void putParentContexts() {
    fill();
    assertFailsWithoutTrace(Code.INVALID_ARGUMENT, () -> store.putParentContexts(
        PutParentContextsRequest.newBuilder()
            .addParentContexts(LinksTest.parent(contextIds.get(1), contextIds.get(2)))
            .addParentContexts(LinksTest.parent(contextIds.get(2), contextIds.get(0)))
            .build()));
  }

  @StoreTest
  @DisplayName("(issue item 3) PutParentContexts: a valid link, then a stored one again")
  void putParentContextsDuplicateLast() {
    fill();
    assertFailsWithoutTrace(Code.ALREADY_EXISTS, () -> store.putParentContexts(
        PutParentContextsRequest.newBuilder()
            .addParentContexts(LinksTest.parent(contextIds.get(1), contextIds.get(2)))
            .addParentContexts(LinksTest.parent(contextIds.get(0), contextIds.get(1)))
            .build()));
  }
}

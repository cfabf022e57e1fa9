package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Association;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextsRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextsResponse;
import io.mlmd4j.proto.GetContextsByArtifactRequest;
import io.mlmd4j.proto.GetContextsByExecutionRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import io.mlmd4j.proto.GetParentContextsByContextsRequest;
import io.mlmd4j.proto.GetParentContextsByContextsResponse;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.ParentContext;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutParentContextsRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;

/** Attributions, associations and parent contexts, and the lookups along them. */
class LinksTest extends TckTest {

  List<Context> contextsByArtifact(long id) {
    return store.getContextsByArtifact(
        GetContextsByArtifactRequest.newBuilder().setArtifactId(id).build()).getContextsList();
  }

  List<Context> contextsByExecution(long id) {
    return store.getContextsByExecution(
        GetContextsByExecutionRequest.newBuilder().setExecutionId(id).build()).getContextsList();
  }

  List<Artifact> artifactsByContext(long id) {
    return store.getArtifactsByContext(
        GetArtifactsByContextRequest.newBuilder().setContextId(id).build()).getArtifactsList();
  }

  List<Execution> executionsByContext(long id) {
    return store.getExecutionsByContext(
        GetExecutionsByContextRequest.newBuilder().setContextId(id).build()).getExecutionsList();
  }

  List<Context> parentsOf(long id) {
    return store.getParentContextsByContext(
        GetParentContextsByContextRequest.newBuilder().setContextId(id).build())
        .getContextsList();
  }

  List<Context> childrenOf(long id) {
    return store.getChildrenContextsByContext(
        GetChildrenContextsByContextRequest.newBuilder().setContextId(id).build())
        .getContextsList();
  }

  void link(List<Attribution> attributions, List<Association> associations) {
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAllAttributions(attributions).addAllAssociations(associations).build());
  }

  static Attribution attribution(long contextId, long artifactId) {
    return Attribution.newBuilder().setContextId(contextId).setArtifactId(artifactId).build();
  }

  static Association association(long contextId, long executionId) {
    return Association.newBuilder().setContextId(contextId).setExecutionId(executionId).build();
  }

  static ParentContext parent(long parentId, long childId) {
    return ParentContext.newBuilder().setParentId(parentId).setChildId(childId).build();
  }

  void putParents(ParentContext... links) {
    store.putParentContexts(
        PutParentContextsRequest.newBuilder().addAllParentContexts(List.of(links)).build());
  }

  @StoreTest
  @DisplayName("#92 links are found both ways; re-sending them with a new one is OK (idempotent)")
  void attributionsAndAssociations() {
    long artifactTypeId = put(artifactType("name: 'artifact_type'"));
    long executionTypeId = put(executionType(
        "name: 'execution_type' properties { key: 'property' value: STRING }"));
    long contextTypeId = put(contextType("name: 'context_type'"));
    Execution execution = execution("type_id: %d"
        + " properties { key: 'property' value { string_value: '1' } }", executionTypeId);
    execution = execution.toBuilder().setId(put(execution).get(0)).build();
    Artifact artifact = artifact("type_id: %d uri: 'testuri'"
        + " custom_properties { key: 'custom' value { int_value: 1 } }", artifactTypeId);
    artifact = artifact.toBuilder().setId(put(artifact).get(0)).build();
    Context context = context("type_id: %d name: 'context'", contextTypeId);
    context = context.toBuilder().setId(put(context).get(0)).build();
    String[] ignored = andTimes("type");

    List<Attribution> attributions = new ArrayList<>(
        List.of(attribution(context.getId(), artifact.getId())));
    link(attributions, List.of());
    assertThat(without(contextsByArtifact(artifact.getId()), ignored)).containsExactly(context);
    assertThat(without(artifactsByContext(context.getId()), ignored)).containsExactly(artifact);
    assertThat(executionsByContext(context.getId())).isEmpty();

    List<Association> associations = List.of(association(context.getId(), execution.getId()));
    link(attributions, associations);
    assertThat(without(contextsByExecution(execution.getId()), ignored)).containsExactly(context);
    assertThat(without(executionsByContext(context.getId()), ignored)).containsExactly(execution);

    Artifact artifact2 = artifact("type_id: %d uri: 'testuri2'", artifactTypeId);
    artifact2 = artifact2.toBuilder().setId(put(artifact2).get(0)).build();
    attributions.add(attribution(context.getId(), artifact2.getId()));
    link(attributions, associations);
    assertThat(without(artifactsByContext(context.getId()), ignored))
        .containsExactlyInAnyOrder(artifact, artifact2);
    assertThat(without(executionsByContext(context.getId()), ignored)).containsExactly(execution);
    assertThat(without(contextsByArtifact(artifact2.getId()), ignored)).containsExactly(context);
  }

  @StoreTest
  @DisplayName("(§0.16) GetContextsByArtifact / ByExecution of a node without contexts: NOT_FOUND")
  void contextsOfUnlinkedNodes() {
    long artifactId = put(artifact("type_id: %d", put(artifactType("name: 'a'")))).get(0);
    long executionId = put(execution("type_id: %d", put(executionType("name: 'e'")))).get(0);
    assertFails(Code.NOT_FOUND, () -> contextsByArtifact(artifactId));
    assertFails(Code.NOT_FOUND, () -> contextsByExecution(executionId));
  }

  @StoreTest
  @DisplayName("#93 the same attribution twice in one request: OK, one link; no associations: []")
  void duplicateAttributionInOneRequest() {
    long contextId = put(context("type_id: %d name: 'tck_context'",
        put(contextType("name: 'context_type'")))).get(0);
    long artifactId = put(artifact("type_id: %d uri: 'testuri'",
        put(artifactType("name: 'artifact_type'")))).get(0);
    Attribution attribution = attribution(contextId, artifactId);
    link(List.of(attribution, attribution), List.of());
    assertThat(contextsByArtifact(artifactId)).extracting(Context::getId)
        .containsExactly(contextId);
    assertThat(artifactsByContext(contextId)).extracting(Artifact::getUri)
        .containsExactly("testuri");
    assertThat(executionsByContext(contextId)).isEmpty();
  }

  @StoreTest
  @DisplayName("(§4.9) a link to a missing context, artifact or execution: INVALID_ARGUMENT")
  void linksNeedBothEnds() {
    long contextId = put(context("type_id: %d name: 'tck_context'",
        put(contextType("name: 'context_type'")))).get(0);
    long artifactId = put(artifact("type_id: %d", put(artifactType("name: 'a'")))).get(0);
    long executionId = put(execution("type_id: %d", put(executionType("name: 'e'")))).get(0);
    assertFails(Code.INVALID_ARGUMENT,
        () -> link(List.of(attribution(contextId + 100, artifactId)), List.of()));
    assertFails(Code.INVALID_ARGUMENT,
        () -> link(List.of(attribution(contextId, artifactId + 100)), List.of()));
    assertFails(Code.INVALID_ARGUMENT,
        () -> link(List.of(), List.of(association(contextId + 100, executionId))));
    assertFails(Code.INVALID_ARGUMENT,
        () -> link(List.of(), List.of(association(contextId, executionId + 100))));
    assertThat(artifactsByContext(contextId)).isEmpty();
    assertThat(executionsByContext(contextId)).isEmpty();
  }

  @StoreTest
  @DisplayName("#97 the same parent context twice: ALREADY_EXISTS")
  void duplicateParentContext() {
    long typeId = put(contextType("name: 'context_type_name'"));
    List<Long> ids = put(context("type_id: %d name: 'child_context'", typeId),
        context("type_id: %d name: 'parent_context'", typeId));
    ParentContext link = parent(ids.get(1), ids.get(0));
    putParents(link);
    assertFails(Code.ALREADY_EXISTS, () -> putParents(link));
    assertThat(parentsOf(ids.get(0))).extracting(Context::getId).containsExactly(ids.get(1));
  }

  @StoreTest
  @DisplayName("#98 parent links with missing or unknown ids: INVALID_ARGUMENT in all six cases")
  void invalidParentContexts() {
    long typeId = put(contextType("name: 'context_type_name'"));
    long stored = put(context("type_id: %d name: 'stored_context'", typeId)).get(0);
    long unknown1 = stored + 1;
    long unknown2 = stored + 2;
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(ParentContext.getDefaultInstance()));
    assertFails(Code.INVALID_ARGUMENT,
        () -> putParents(ParentContext.newBuilder().setParentId(stored).build()));
    assertFails(Code.INVALID_ARGUMENT,
        () -> putParents(ParentContext.newBuilder().setChildId(stored).build()));
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(parent(unknown1, unknown2)));
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(parent(unknown1, stored)));
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(parent(stored, unknown1)));
    assertThat(parentsOf(stored)).isEmpty();
    assertThat(childrenOf(stored)).isEmpty();
  }

  @StoreTest
  @DisplayName("(§4.9) a parent link that closes a cycle, or a self-parent: INVALID_ARGUMENT")
  void parentCycles() {
    long typeId = put(contextType("name: 'context_type_name'"));
    List<Long> ids = put(context("type_id: %d name: 'a'", typeId),
        context("type_id: %d name: 'b'", typeId), context("type_id: %d name: 'c'", typeId));
    putParents(parent(ids.get(0), ids.get(1)), parent(ids.get(1), ids.get(2)));
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(parent(ids.get(2), ids.get(0))));
    assertFails(Code.INVALID_ARGUMENT, () -> putParents(parent(ids.get(1), ids.get(1))));
    assertThat(parentsOf(ids.get(0))).isEmpty();
    assertThat(parentsOf(ids.get(1))).extracting(Context::getId).containsExactly(ids.get(0));
  }

  /** Seven contexts linked as the DAG 0→1, 0→2, 2→3, 1→6, 4→5, 5→6 (MLMD's tests' DAG). */
  List<Context> sevenContextDag() {
    long typeId = put(contextType("name: 'context_type_name'"));
    List<Context> contexts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      contexts.add(context("type_id: %d name: 'context_%d'", typeId, i));
    }
    List<Long> ids = put(contexts.toArray(new Context[0]));
    for (int i = 0; i < 7; i++) {
      contexts.set(i, contexts.get(i).toBuilder().setId(ids.get(i)).setType("context_type_name")
          .build());
    }
    putParents(parent(ids.get(0), ids.get(1)), parent(ids.get(0), ids.get(2)),
        parent(ids.get(2), ids.get(3)), parent(ids.get(1), ids.get(6)),
        parent(ids.get(4), ids.get(5)), parent(ids.get(5), ids.get(6)));
    return contexts;
  }

  @StoreTest
  @DisplayName("#99 #100 seven-context DAG: parents and children of each, in link/id order")
  void parentsAndChildren() {
    List<Context> c = sevenContextDag();
    Map<Integer, List<Context>> parents = Map.of(
        1, List.of(c.get(0)), 2, List.of(c.get(0)), 3, List.of(c.get(2)),
        5, List.of(c.get(4)), 6, List.of(c.get(1), c.get(5)));
    Map<Integer, List<Context>> children = Map.of(
        0, List.of(c.get(1), c.get(2)), 1, List.of(c.get(6)), 2, List.of(c.get(3)),
        4, List.of(c.get(5)), 5, List.of(c.get(6)));
    for (int i = 0; i < 7; i++) {
      long id = c.get(i).getId();
      assertThat(without(parentsOf(id), TIMES)).as("parents of context_%d", i)
          .containsExactlyElementsOf(parents.getOrDefault(i, List.of()));
      assertThat(without(childrenOf(id), TIMES)).as("children of context_%d", i)
          .containsExactlyElementsOf(children.getOrDefault(i, List.of()));
    }
  }

  @StoreTest
  @DisplayName("#99 batch lookups: maps hold only the contexts that have parents / children")
  void parentsAndChildrenOfMany() {
    List<Context> c = sevenContextDag();
    List<Long> ids = c.stream().map(Context::getId).toList();
    GetParentContextsByContextsResponse parents = store.getParentContextsByContexts(
        GetParentContextsByContextsRequest.newBuilder().addAllContextIds(ids).build());
    GetChildrenContextsByContextsResponse children = store.getChildrenContextsByContexts(
        GetChildrenContextsByContextsRequest.newBuilder().addAllContextIds(ids).build());

    Map<Long, List<Context>> gotParents = new HashMap<>();
    parents.getContextsMap().forEach((k, v) ->
        gotParents.put(k, without(v.getParentContextsList(), TIMES)));
    Map<Long, List<Context>> gotChildren = new HashMap<>();
    children.getContextsMap().forEach((k, v) ->
        gotChildren.put(k, without(v.getChildrenContextsList(), TIMES)));

    assertThat(gotParents.keySet()).containsExactlyInAnyOrder(
        ids.get(1), ids.get(2), ids.get(3), ids.get(5), ids.get(6));
    assertThat(gotParents.get(ids.get(1))).containsExactly(c.get(0));
    assertThat(gotParents.get(ids.get(2))).containsExactly(c.get(0));
    assertThat(gotParents.get(ids.get(3))).containsExactly(c.get(2));
    assertThat(gotParents.get(ids.get(5))).containsExactly(c.get(4));
    assertThat(gotParents.get(ids.get(6))).containsExactlyInAnyOrder(c.get(1), c.get(5));

    assertThat(gotChildren.keySet()).containsExactlyInAnyOrder(
        ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(5));
    assertThat(gotChildren.get(ids.get(0))).containsExactlyInAnyOrder(c.get(1), c.get(2));
    assertThat(gotChildren.get(ids.get(1))).containsExactly(c.get(6));
    assertThat(gotChildren.get(ids.get(2))).containsExactly(c.get(3));
    assertThat(gotChildren.get(ids.get(4))).containsExactly(c.get(5));
    assertThat(gotChildren.get(ids.get(5))).containsExactly(c.get(6));

    // Only some ids, and ids without links.
    GetParentContextsByContextsResponse some = store.getParentContextsByContexts(
        GetParentContextsByContextsRequest.newBuilder().addContextIds(ids.get(0))
            .addContextIds(ids.get(3)).addContextIds(ids.get(6) + 100).build());
    assertThat(some.getContextsMap().keySet()).containsExactly(ids.get(3));

    assertFails(Code.INVALID_ARGUMENT, () -> store.getParentContextsByContexts(
        GetParentContextsByContextsRequest.getDefaultInstance()));
    assertFails(Code.INVALID_ARGUMENT, () -> store.getChildrenContextsByContexts(
        GetChildrenContextsByContextsRequest.getDefaultInstance()));
  }

  @StoreTest
  @DisplayName("#95 GetExecutionsByContext / GetArtifactsByContext without options return all 102")
  void allLinkedNodesWithoutOptions() {
    long contextId = put(context("type_id: %d name: 'tck_context'",
        put(contextType("name: 'context_type'")))).get(0);
    long executionTypeId = put(executionType("name: 'execution_type'"));
    long artifactTypeId = put(artifactType("name: 'artifact_type'"));
    List<Long> executionIds = put(LongStream.range(0, 102)
        .mapToObj(i -> execution("type_id: %d", executionTypeId)).toArray(Execution[]::new));
    List<Long> artifactIds = put(LongStream.range(0, 102)
        .mapToObj(i -> artifact("type_id: %d", artifactTypeId)).toArray(Artifact[]::new));
    link(artifactIds.stream().map(id -> attribution(contextId, id)).toList(),
        executionIds.stream().map(id -> association(contextId, id)).toList());
    assertThat(executionsByContext(contextId)).extracting(Execution::getId)
        .containsExactlyInAnyOrderElementsOf(executionIds);
    assertThat(artifactsByContext(contextId)).extracting(Artifact::getId)
        .containsExactlyInAnyOrderElementsOf(artifactIds);
  }
  @StoreTest
  @DisplayName("#96 GetExecutionsByContext with a filter returns only that context's executions")
  void executionsByContextWithFilter() {
    long contextTypeId = put(contextType("name: 'context_type'"));
    long executionTypeId = put(executionType("name: 'execution_type'"));
    List<Long> contextIds = put(context("type_id: %d name: 'context1'", contextTypeId),
        context("type_id: %d name: 'context2'", contextTypeId));
    List<Long> executionIds = put(
        execution("type_id: %d name: 'execution1' last_known_state: NEW", executionTypeId),
        execution("type_id: %d name: 'execution2' last_known_state: RUNNING", executionTypeId));
    link(List.of(), List.of(association(contextIds.get(0), executionIds.get(0)),
        association(contextIds.get(1), executionIds.get(1))));
    for (int i = 0; i < 2; i++) {
      List<Execution> found = store.getExecutionsByContext(GetExecutionsByContextRequest
          .newBuilder().setContextId(contextIds.get(i))
          .setOptions(ListOperationOptions.newBuilder()
              .setFilterQuery("last_known_state = NEW OR last_known_state = RUNNING"))
          .build()).getExecutionsList();
      assertThat(found).extracting(Execution::getId).containsExactly(executionIds.get(i));
    }
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByContextResponse;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsByTypeResponse;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetArtifactsResponse;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsByTypeResponse;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetContextsResponse;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByContextResponse;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsByTypeResponse;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetExecutionsResponse;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.ListOperationOptions.OrderByField;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;

/**
 * Listing with {@code ListOperationOptions}: page sizes and their cap, orders, tokens, and the
 * errors for bad options.
 */
class PagingTest extends TckTest {

  static ListOperationOptions options(String text, Object... args) {
    return parse(ListOperationOptions.getDefaultInstance(), text, args);
  }

  static final ListOperationOptions NEWEST_FIRST_ONE_A_PAGE =
      options("max_result_size: 1 order_by_field { field: CREATE_TIME is_asc: false }");

  GetArtifactsResponse artifacts(ListOperationOptions options) {
    return store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(options).build());
  }

  GetExecutionsResponse executions(ListOperationOptions options) {
    return store.getExecutions(GetExecutionsRequest.newBuilder().setOptions(options).build());
  }

  GetContextsResponse contexts(ListOperationOptions options) {
    return store.getContexts(GetContextsRequest.newBuilder().setOptions(options).build());
  }

  static List<Long> reversed(List<Long> ids, int from, int count) {
    return IntStream.range(0, count).mapToObj(i -> ids.get(from - i)).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Newest first, one a page

  @StoreTest
  @DisplayName("#40 GetArtifacts by CREATE_TIME desc, one a page: newer then older, then no token")
  void artifactsNewestFirst() {
    long typeId = put(artifactType(
        "name: 'tck_type' properties { key: 'property' value: STRING }"));
    Artifact artifact = artifact("type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property' value { string_value: '3' } }", typeId);
    List<Long> ids = put(artifact, artifact);
    GetArtifactsResponse first = artifacts(NEWEST_FIRST_ONE_A_PAGE);
    assertThat(first.getArtifactsList()).extracting(Artifact::getId).containsExactly(ids.get(1));
    assertThat(without(first.getArtifacts(0), andTimes("id", "type"))).isEqualTo(artifact);
    assertThat(first.getNextPageToken()).isNotEmpty();
    GetArtifactsResponse second = artifacts(NEWEST_FIRST_ONE_A_PAGE.toBuilder()
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(second.getArtifactsList()).extracting(Artifact::getId).containsExactly(ids.get(0));
    assertThat(without(second.getArtifacts(0), andTimes("id", "type"))).isEqualTo(artifact);
    assertThat(second.getNextPageToken()).isEmpty();
  }

  @StoreTest
  @DisplayName("#64 GetExecutions by CREATE_TIME desc, one a page: newer then older, then no token")
  void executionsNewestFirst() {
    long typeId = put(executionType(
        "name: 'tck_type' properties { key: 'property' value: STRING }"));
    Execution execution = execution("type_id: %d last_known_state: RUNNING"
        + " properties { key: 'property' value { string_value: '3' } }", typeId);
    List<Long> ids = put(execution, execution);
    GetExecutionsResponse first = executions(NEWEST_FIRST_ONE_A_PAGE);
    assertThat(first.getExecutionsList()).extracting(Execution::getId)
        .containsExactly(ids.get(1));
    assertThat(without(first.getExecutions(0), andTimes("id", "type"))).isEqualTo(execution);
    assertThat(first.getNextPageToken()).isNotEmpty();
    GetExecutionsResponse second = executions(NEWEST_FIRST_ONE_A_PAGE.toBuilder()
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(second.getExecutionsList()).extracting(Execution::getId)
        .containsExactly(ids.get(0));
    assertThat(second.getNextPageToken()).isEmpty();
  }

  @StoreTest
  @DisplayName("#85 GetContexts by CREATE_TIME desc, one a page: newer then older, then no token")
  void contextsNewestFirst() {
    long typeId = put(contextType(
        "name: 'tck_type' properties { key: 'property_1' value: STRING }"));
    Context c0 = context("type_id: %d name: 'tck_context_1'"
        + " properties { key: 'property_1' value { string_value: '3' } }", typeId);
    Context c1 = c0.toBuilder().setName("tck_context_2").build();
    List<Long> ids = put(c0, c1);
    GetContextsResponse first = contexts(NEWEST_FIRST_ONE_A_PAGE);
    assertThat(without(first.getContextsList(), andTimes("type")))
        .containsExactly(c1.toBuilder().setId(ids.get(1)).build());
    assertThat(first.getNextPageToken()).isNotEmpty();
    GetContextsResponse second = contexts(NEWEST_FIRST_ONE_A_PAGE.toBuilder()
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(without(second.getContextsList(), andTimes("type")))
        .containsExactly(c0.toBuilder().setId(ids.get(0)).build());
    assertThat(second.getNextPageToken()).isEmpty();
  }

  @StoreTest
  @DisplayName("#94 GetExecutionsByContext / GetArtifactsByContext by CREATE_TIME desc, paged")
  void byContextNewestFirst() {
    long contextId = put(context("type_id: %d name: 'context1'",
        put(contextType("name: 'context_type'")))).get(0);
    long executionTypeId = put(executionType("name: 'execution_type'"));
    long artifactTypeId = put(artifactType("name: 'artifact_type'"));
    List<Long> executionIds = put(execution("type_id: %d", executionTypeId),
        execution("type_id: %d", executionTypeId));
    List<Long> artifactIds = put(artifact("type_id: %d", artifactTypeId),
        artifact("type_id: %d", artifactTypeId));
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAllAttributions(artifactIds.stream().map(id -> LinksTest.attribution(contextId, id))
            .toList())
        .addAllAssociations(executionIds.stream().map(id -> LinksTest.association(contextId, id))
            .toList())
        .build());

    GetExecutionsByContextRequest executionsRequest = GetExecutionsByContextRequest.newBuilder()
        .setContextId(contextId).setOptions(NEWEST_FIRST_ONE_A_PAGE).build();
    GetExecutionsByContextResponse e1 = store.getExecutionsByContext(executionsRequest);
    assertThat(e1.getExecutionsList()).extracting(Execution::getId)
        .containsExactly(executionIds.get(1));
    assertThat(e1.getNextPageToken()).isNotEmpty();
    GetExecutionsByContextResponse e2 = store.getExecutionsByContext(executionsRequest.toBuilder()
        .setOptions(NEWEST_FIRST_ONE_A_PAGE.toBuilder().setNextPageToken(e1.getNextPageToken()))
        .build());
    assertThat(e2.getExecutionsList()).extracting(Execution::getId)
        .containsExactly(executionIds.get(0));
    assertThat(e2.getNextPageToken()).isEmpty();

    GetArtifactsByContextRequest artifactsRequest = GetArtifactsByContextRequest.newBuilder()
        .setContextId(contextId).setOptions(NEWEST_FIRST_ONE_A_PAGE).build();
    GetArtifactsByContextResponse a1 = store.getArtifactsByContext(artifactsRequest);
    assertThat(a1.getArtifactsList()).extracting(Artifact::getId)
        .containsExactly(artifactIds.get(1));
    assertThat(a1.getNextPageToken()).isNotEmpty();
    GetArtifactsByContextResponse a2 = store.getArtifactsByContext(artifactsRequest.toBuilder()
        .setOptions(NEWEST_FIRST_ONE_A_PAGE.toBuilder().setNextPageToken(a1.getNextPageToken()))
        .build());
    assertThat(a2.getArtifactsList()).extracting(Artifact::getId)
        .containsExactly(artifactIds.get(0));
    assertThat(a2.getNextPageToken()).isEmpty();
  }

  @StoreTest
  @DisplayName("#95 GetExecutionsByContext by ID asc, four a page: the four smallest ids")
  void byContextSmallestIds() {
    long contextId = put(context("type_id: %d name: 'context1'",
        put(contextType("name: 'context_type'")))).get(0);
    long executionTypeId = put(executionType("name: 'execution_type'"));
    List<Long> ids = put(LongStream.range(0, 5)
        .mapToObj(i -> execution("type_id: %d", executionTypeId)).toArray(Execution[]::new));
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAllAssociations(ids.stream().map(id -> LinksTest.association(contextId, id)).toList())
        .build());
    GetExecutionsByContextResponse page = store.getExecutionsByContext(
        GetExecutionsByContextRequest.newBuilder().setContextId(contextId)
            .setOptions(options("max_result_size: 4 order_by_field { field: ID is_asc: true }"))
            .build());
    assertThat(page.getExecutionsList()).extracting(Execution::getId)
        .containsExactlyElementsOf(ids.stream().sorted().limit(4).toList());
    assertThat(page.getNextPageToken()).isNotEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // The cap of 100 a page, and default options

  @StoreTest
  @DisplayName("#45 110 artifacts by type: all; 102 a page gives 100 and a token; 100 then 10")
  void artifactsByTypePageCap() {
    long typeId = put(artifactType("name: 'tck_type'"));
    List<Long> ids = put(IntStream.range(0, 110)
        .mapToObj(i -> artifact("type_id: %d", typeId)).toArray(Artifact[]::new));
    GetArtifactsByTypeRequest request = GetArtifactsByTypeRequest.newBuilder()
        .setTypeName("tck_type").build();

    GetArtifactsByTypeResponse all = store.getArtifactsByType(request);
    assertThat(all.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(all.getNextPageToken()).isEmpty();

    GetArtifactsByTypeResponse capped = store.getArtifactsByType(request.toBuilder()
        .setOptions(options("max_result_size: 102")).build());
    assertThat(capped.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyElementsOf(ids.subList(0, 100));
    assertThat(capped.getNextPageToken()).isNotEmpty();

    GetArtifactsByTypeResponse hundred = store.getArtifactsByType(request.toBuilder()
        .setOptions(options("max_result_size: 100")).build());
    assertThat(hundred.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyElementsOf(ids.subList(0, 100));
    assertThat(hundred.getNextPageToken()).isNotEmpty();

    GetArtifactsByTypeResponse rest = store.getArtifactsByType(request.toBuilder()
        .setOptions(ListOperationOptions.newBuilder()
            .setNextPageToken(hundred.getNextPageToken()))
        .build());
    assertThat(rest.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyElementsOf(ids.subList(100, 110));
    assertThat(rest.getNextPageToken()).isEmpty();
  }

  @StoreTest
  @DisplayName("#88 110 contexts by type: all; 102 a page gives 100 and a token; 100 then 10")
  void contextsByTypePageCap() {
    long typeId = put(contextType("name: 'tck_type'"));
    List<Long> ids = put(IntStream.range(0, 110)
        .mapToObj(i -> context("type_id: %d name: 'name_%d'", typeId, i))
        .toArray(Context[]::new));
    GetContextsByTypeRequest request = GetContextsByTypeRequest.newBuilder()
        .setTypeName("tck_type").build();

    GetContextsByTypeResponse all = store.getContextsByType(request);
    assertThat(all.getContextsList()).extracting(Context::getId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(all.getNextPageToken()).isEmpty();

    GetContextsByTypeResponse capped = store.getContextsByType(request.toBuilder()
        .setOptions(options("max_result_size: 102")).build());
    assertThat(capped.getContextsList()).extracting(Context::getId)
        .containsExactlyElementsOf(ids.subList(0, 100));
    assertThat(capped.getNextPageToken()).isNotEmpty();

    GetContextsByTypeResponse hundred = store.getContextsByType(request.toBuilder()
        .setOptions(options("max_result_size: 100")).build());
    assertThat(hundred.getContextsList()).extracting(Context::getId)
        .containsExactlyElementsOf(ids.subList(0, 100));
    assertThat(hundred.getNextPageToken()).isNotEmpty();

    GetContextsByTypeResponse rest = store.getContextsByType(request.toBuilder()
        .setOptions(ListOperationOptions.newBuilder()
            .setNextPageToken(hundred.getNextPageToken()))
        .build());
    assertThat(rest.getContextsList()).extracting(Context::getId)
        .containsExactlyElementsOf(ids.subList(100, 110));
    assertThat(rest.getNextPageToken()).isEmpty();
  }

  /** A listing call: a page of ids and the next page's token for these options. */
  private interface Listing {
    Page list(ListOperationOptions options);
  }

  private record Page(List<Long> ids, String token) {}

  /** The size of each kind's batch: several pages of 100, and more than a page of 1,000. */
  private static final int NODES = 1_050;

  @StoreTest
  @DisplayName("every listing call, pages of 1, 99, 100, 101 and 1,000: at most 100 a page, a"
      + " token until the last, every node once")
  void everyListingCallPagesToTheEnd() {
    long artifactType = put(artifactType("name: 'tck_artifact'"));
    long executionType = put(executionType("name: 'tck_execution'"));
    long contextType = put(contextType("name: 'tck_context'"));
    List<Long> artifacts = put(IntStream.range(0, NODES)
        .mapToObj(i -> artifact("type_id: %d", artifactType)).toArray(Artifact[]::new));
    List<Long> executions = put(IntStream.range(0, NODES)
        .mapToObj(i -> execution("type_id: %d", executionType)).toArray(Execution[]::new));
    List<Long> contexts = put(IntStream.range(0, NODES)
        .mapToObj(i -> context("type_id: %d name: 'c%d'", contextType, i))
        .toArray(Context[]::new));
    long holder = contexts.get(0);
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAllAttributions(artifacts.stream().map(id -> LinksTest.attribution(holder, id))
            .toList())
        .addAllAssociations(executions.stream().map(id -> LinksTest.association(holder, id))
            .toList())
        .build());

    Map<String, Listing> calls = new LinkedHashMap<>();
    calls.put("GetArtifacts", o -> {
      GetArtifactsResponse r = artifacts(o);
      return new Page(r.getArtifactsList().stream().map(Artifact::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetExecutions", o -> {
      GetExecutionsResponse r = executions(o);
      return new Page(r.getExecutionsList().stream().map(Execution::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetContexts", o -> {
      GetContextsResponse r = contexts(o);
      return new Page(r.getContextsList().stream().map(Context::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetArtifactsByType", o -> {
      GetArtifactsByTypeResponse r = store.getArtifactsByType(GetArtifactsByTypeRequest
          .newBuilder().setTypeName("tck_artifact").setOptions(o).build());
      return new Page(r.getArtifactsList().stream().map(Artifact::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetExecutionsByType", o -> {
      GetExecutionsByTypeResponse r = store.getExecutionsByType(GetExecutionsByTypeRequest
          .newBuilder().setTypeName("tck_execution").setOptions(o).build());
      return new Page(r.getExecutionsList().stream().map(Execution::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetContextsByType", o -> {
      GetContextsByTypeResponse r = store.getContextsByType(GetContextsByTypeRequest
          .newBuilder().setTypeName("tck_context").setOptions(o).build());
      return new Page(r.getContextsList().stream().map(Context::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetArtifactsByContext", o -> {
      GetArtifactsByContextResponse r = store.getArtifactsByContext(GetArtifactsByContextRequest
          .newBuilder().setContextId(holder).setOptions(o).build());
      return new Page(r.getArtifactsList().stream().map(Artifact::getId).toList(),
          r.getNextPageToken());
    });
    calls.put("GetExecutionsByContext", o -> {
      GetExecutionsByContextResponse r = store.getExecutionsByContext(
          GetExecutionsByContextRequest.newBuilder().setContextId(holder).setOptions(o).build());
      return new Page(r.getExecutionsList().stream().map(Execution::getId).toList(),
          r.getNextPageToken());
    });
    Map<String, List<Long>> expected = Map.of(
        "GetArtifacts", artifacts, "GetExecutions", executions, "GetContexts", contexts,
        "GetArtifactsByType", artifacts, "GetExecutionsByType", executions,
        "GetContextsByType", contexts, "GetArtifactsByContext", artifacts,
        "GetExecutionsByContext", executions);

    for (Map.Entry<String, Listing> call : calls.entrySet()) {
      for (int size : new int[] {1, 99, 100, 101, 1_000}) {
        int pageSize = Math.min(size, 100);
        ListOperationOptions options = ListOperationOptions.newBuilder().setMaxResultSize(size)
            .build();
        List<Long> listed = new ArrayList<>();
        Page page = call.getValue().list(options);
        listed.addAll(page.ids());
        while (!page.token().isEmpty()) {
          assertThat(page.ids()).as("%s, %d a page: a page before the last", call.getKey(), size)
              .hasSize(pageSize);
          page = call.getValue().list(options.toBuilder().setNextPageToken(page.token()).build());
          listed.addAll(page.ids());
        }
        assertThat(page.ids()).as("%s, %d a page: the last page", call.getKey(), size)
            .hasSize((NODES - 1) % pageSize + 1);
        assertThat(listed).as("%s, %d a page: every node", call.getKey(), size)
            .containsExactlyElementsOf(expected.get(call.getKey()));
      }
    }
  }

  @StoreTest
  @DisplayName("(§1.8) options with no size give pages of 20 in id order")
  void defaultPageSize() {
    long typeId = put(artifactType("name: 'tck_type'"));
    List<Long> ids = put(IntStream.range(0, 25)
        .mapToObj(i -> artifact("type_id: %d", typeId)).toArray(Artifact[]::new));
    GetArtifactsResponse first = artifacts(ListOperationOptions.getDefaultInstance());
    assertThat(first.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyElementsOf(ids.subList(0, 20));
    GetArtifactsResponse second = artifacts(ListOperationOptions.newBuilder()
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(second.getArtifactsList()).extracting(Artifact::getId)
        .containsExactlyElementsOf(ids.subList(20, 25));
    assertThat(second.getNextPageToken()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Descending ids, across pages

  @StoreTest
  @DisplayName("#48 GetArtifacts, is_asc false, two a page: the last two ids, newest first")
  void artifactsLastTwo() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    List<Long> ids = put(artifact("type_id: %d", typeId), artifact("type_id: %d", typeId),
        artifact("type_id: %d", typeId));
    GetArtifactsResponse page = artifacts(options(
        "max_result_size: 2 order_by_field { is_asc: false }"));
    assertThat(page.getArtifactsList()).extracting(Artifact::getId)
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(page.getNextPageToken()).isNotEmpty();
  }

  @StoreTest
  @DisplayName("#48 200 artifacts by ID desc: 100 a page, then 3 more: the 103 newest, in order")
  void artifactsAcrossPages() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    List<Long> ids = put(IntStream.range(0, 200)
        .mapToObj(i -> artifact("type_id: %d", typeId)).toArray(Artifact[]::new));
    for (String order : new String[] {"is_asc: false", "field: ID is_asc: false"}) {
      ListOperationOptions pageOf100 = options(
          "max_result_size: 100 order_by_field { %s }", order);
      GetArtifactsResponse first = artifacts(pageOf100);
      assertThat(first.getArtifactsList()).extracting(Artifact::getId)
          .containsExactlyElementsOf(reversed(ids, 199, 100));
      GetArtifactsResponse next = artifacts(pageOf100.toBuilder().setMaxResultSize(3)
          .setNextPageToken(first.getNextPageToken()).build());
      assertThat(next.getArtifactsList()).extracting(Artifact::getId)
          .containsExactlyElementsOf(reversed(ids, 99, 3));
      assertThat(next.getNextPageToken()).isNotEmpty();
    }
  }

  @StoreTest
  @DisplayName("#67 executions by ID desc: last two; 103 newest of 200 across pages")
  void executionsAcrossPages() {
    long typeId = put(executionType(TypesTest.exampleType("tck_type")));
    List<Long> ids = put(IntStream.range(0, 200)
        .mapToObj(i -> execution("type_id: %d", typeId)).toArray(Execution[]::new));
    assertThat(executions(options("max_result_size: 2 order_by_field { is_asc: false }"))
        .getExecutionsList()).extracting(Execution::getId)
        .containsExactly(ids.get(199), ids.get(198));
    ListOperationOptions pageOf100 = options(
        "max_result_size: 100 order_by_field { field: ID is_asc: false }");
    GetExecutionsResponse first = executions(pageOf100);
    assertThat(first.getExecutionsList()).extracting(Execution::getId)
        .containsExactlyElementsOf(reversed(ids, 199, 100));
    GetExecutionsResponse next = executions(pageOf100.toBuilder().setMaxResultSize(3)
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(next.getExecutionsList()).extracting(Execution::getId)
        .containsExactlyElementsOf(reversed(ids, 99, 3));
  }

  @StoreTest
  @DisplayName("#91 contexts by ID desc: last two; 103 newest of 200 across pages")
  void contextsAcrossPages() {
    long typeId = put(contextType(TypesTest.exampleType("tck_type")));
    List<Long> ids = put(IntStream.range(0, 200)
        .mapToObj(i -> context("type_id: %d name: 'context_%d'", typeId, i))
        .toArray(Context[]::new));
    assertThat(contexts(options("max_result_size: 2 order_by_field { is_asc: false }"))
        .getContextsList()).extracting(Context::getId)
        .containsExactly(ids.get(199), ids.get(198));
    ListOperationOptions pageOf100 = options(
        "max_result_size: 100 order_by_field { field: ID is_asc: false }");
    GetContextsResponse first = contexts(pageOf100);
    assertThat(first.getContextsList()).extracting(Context::getId)
        .containsExactlyElementsOf(reversed(ids, 199, 100));
    GetContextsResponse next = contexts(pageOf100.toBuilder().setMaxResultSize(3)
        .setNextPageToken(first.getNextPageToken()).build());
    assertThat(next.getContextsList()).extracting(Context::getId)
        .containsExactlyElementsOf(reversed(ids, 99, 3));
  }

  @StoreTest
  @DisplayName("(§0.14) LAST_UPDATE_TIME paging visits each node once, by (time, id) descending")
  void lastUpdateTimePaging() {
    long typeId = put(artifactType("name: 'tck_type'"));
    List<Long> ids = put(IntStream.range(0, 7)
        .mapToObj(i -> artifact("type_id: %d", typeId)).toArray(Artifact[]::new));
    put(artifact("id: %d type_id: %d uri: 'updated'", ids.get(2), typeId),
        artifact("id: %d type_id: %d uri: 'updated'", ids.get(5), typeId));
    List<Long> expected = store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList().stream()
        .sorted(Comparator.comparingLong(Artifact::getLastUpdateTimeSinceEpoch)
            .thenComparingLong(Artifact::getId).reversed())
        .map(Artifact::getId).toList();
    ListOperationOptions pageOf2 = options(
        "max_result_size: 2 order_by_field { field: LAST_UPDATE_TIME is_asc: false }");
    List<Long> visited = new ArrayList<>();
    GetArtifactsResponse page = artifacts(pageOf2);
    visited.addAll(page.getArtifactsList().stream().map(Artifact::getId).toList());
    while (!page.getNextPageToken().isEmpty()) {
      page = artifacts(pageOf2.toBuilder().setNextPageToken(page.getNextPageToken()).build());
      visited.addAll(page.getArtifactsList().stream().map(Artifact::getId).toList());
    }
    assertThat(visited).containsExactlyElementsOf(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Bad options

  @StoreTest
  @DisplayName("(§0.13) max_result_size 0 or negative: INVALID_ARGUMENT")
  void badPageSize() {
    assertFails(Code.INVALID_ARGUMENT, () -> artifacts(options("max_result_size: 0")));
    assertFails(Code.INVALID_ARGUMENT, () -> executions(options("max_result_size: -1")));
    assertFails(Code.INVALID_ARGUMENT, () -> contexts(options("max_result_size: 0")));
  }

  @StoreTest
  @DisplayName("(§0.14) a garbage token, or a token reused with another order: INVALID_ARGUMENT")
  void badTokens() {
    long typeId = put(artifactType("name: 'tck_type'"));
    put(artifact("type_id: %d", typeId), artifact("type_id: %d", typeId),
        artifact("type_id: %d", typeId));
    assertFails(Code.INVALID_ARGUMENT,
        () -> artifacts(options("next_page_token: 'not a token'")));
    ListOperationOptions byIdDesc = options(
        "max_result_size: 1 order_by_field { field: ID is_asc: false }");
    String token = artifacts(byIdDesc).getNextPageToken();
    assertThat(token).isNotEmpty();
    assertFails(Code.INVALID_ARGUMENT, () -> artifacts(byIdDesc.toBuilder()
        .setOrderByField(OrderByField.newBuilder().setField(OrderByField.Field.CREATE_TIME)
            .setIsAsc(false))
        .setNextPageToken(token).build()));
    assertFails(Code.INVALID_ARGUMENT, () -> artifacts(byIdDesc.toBuilder()
        .setOrderByField(OrderByField.newBuilder().setField(OrderByField.Field.ID).setIsAsc(true))
        .setNextPageToken(token).build()));
  }

  @StoreTest
  @DisplayName("(§1.8) ordering by FIELD_UNSPECIFIED explicitly: INVALID_ARGUMENT")
  void unspecifiedOrderField() {
    assertFails(Code.INVALID_ARGUMENT,
        () -> artifacts(options("order_by_field { field: FIELD_UNSPECIFIED }")));
  }
}

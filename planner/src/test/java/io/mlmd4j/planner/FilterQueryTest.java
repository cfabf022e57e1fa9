package io.mlmd4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetArtifactsResponse;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.ListOperationOptions.OrderByField;
import io.mlmd4j.testing.TestDatabases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter queries through the store API on all three backends, against {@link FilterFixture}
 * whose answers are known: every example of MLMD's filter documentation (spec §5.4), MLMD's
 * inner-join semantics, the enum NULL rule, the errors, and filters combined with paging, types
 * and contexts.
 */
class FilterQueryTest {

  private static final Map<Backend, MetadataStore> STORES = new EnumMap<>(Backend.class);
  private static final Map<Backend, FilterFixture> FIXTURES = new EnumMap<>(Backend.class);

  enum Kind { ARTIFACT, EXECUTION, CONTEXT }

  /** A filter on nodes of {@code kind} and the ids it selects in the fixture. */
  record Case(Kind kind, String filter, Function<FilterFixture, List<Long>> expected) {
    @Override
    public String toString() {
      return kind + ": " + filter;
    }
  }

  private static Case artifacts(String filter, Function<FilterFixture, List<Long>> expected) {
    return new Case(Kind.ARTIFACT, filter, expected);
  }

  private static Case executions(String filter, Function<FilterFixture, List<Long>> expected) {
    return new Case(Kind.EXECUTION, filter, expected);
  }

  private static Case contexts(String filter, Function<FilterFixture, List<Long>> expected) {
    return new Case(Kind.CONTEXT, filter, expected);
  }

  static List<Case> cases() {
    return List.of(
        // spec §5.4, in its order; ids are those of a fresh database (1, 2, ...)
        artifacts("id != 1", f -> List.of(f.a2, f.a3, f.a4, f.a5)),
        artifacts("id IN (1, 3)", f -> List.of(f.a1, f.a3)),
        artifacts("type = 'bar' AND name LIKE 'foo%'", f -> List.of()),
        artifacts("type = 'DataSet' AND name LIKE 'foo%'", f -> List.of(f.a1, f.a2)),
        artifacts("type = 'Model'", f -> List.of(f.a3, f.a4)),
        artifacts("name = 'foo'", f -> List.of(f.a1)),
        artifacts("external_id = 'my_external_id'", f -> List.of(f.a1)),
        artifacts("NOT(create_time_since_epoch < 1 OR last_update_time_since_epoch < 1)",
            f -> List.of(f.a1, f.a2, f.a3, f.a4, f.a5)),
        artifacts("uri = 'exact_path_string'", f -> List.of(f.a3)),
        artifacts("uri LIKE 'path_like_this%'", f -> List.of(f.a2)),
        artifacts("uri IS NOT NULL", f -> List.of(f.a1, f.a2, f.a3, f.a4, f.a5)),
        artifacts("state = LIVE", f -> List.of(f.a1)),
        artifacts("state IS NULL", f -> List.of(f.a3)),
        artifacts("state IN (PENDING, LIVE)", f -> List.of(f.a1, f.a2)),
        executions("last_known_state != RUNNING", f -> List.of(f.e2, f.e3, f.e4)),
        executions("last_known_state NOT IN (FAILED, CANCELED)",
            f -> List.of(f.e1, f.e3, f.e4)),
        artifacts("contexts_a.id = 1", f -> List.of(f.a1, f.a2)),
        artifacts("contexts_a.type = 'RunContext'", f -> List.of(f.a1, f.a2, f.a4)),
        artifacts("contexts_a.name = 'my_run' AND contexts_b.name = 'my_pipeline'",
            f -> List.of(f.a1)),
        contexts("artifacts_a.state IN (PENDING, LIVE)", f -> List.of(f.c1, f.c2)),
        contexts("executions_a.last_known_state = RUNNING", f -> List.of(f.c1)),
        artifacts("properties.accuracy.double_value > 0.95", f -> List.of(f.a3)),
        artifacts("custom_properties.my_param.string_value = \"foo\"", f -> List.of(f.a1)),
        artifacts("properties.`my property`.int_value > 0", f -> List.of(f.a1)),
        artifacts("custom_properties.`my:custom.property`.bool_value = true",
            f -> List.of(f.a3)),
        // a1 has span 1 but no custom span: the inner join on custom_properties.span drops it
        artifacts("type = 'DataSet' AND (contexts_a.type = 'RunContext' AND contexts_a.name ="
            + " 'my_run') AND (properties.span.int_value = 1 OR custom_properties.span.int_value"
            + " = 1)", f -> List.of(f.a2)),
        contexts("parent_contexts_a.id = 2", f -> List.of(f.c1, f.c3)),
        contexts("child_contexts_a.type = 'RunContext'", f -> List.of(f.c2)),
        artifacts("events_0.execution_id = 1", f -> List.of(f.a1, f.a3)),
        artifacts("events_0.type = INPUT", f -> List.of(f.a1)),
        artifacts("events_0.type IN (INPUT, INTERNAL_INPUT)", f -> List.of(f.a1, f.a2)),
        artifacts("events_0.milliseconds_since_epoch = 1", f -> List.of(f.a1)),
        executions("events_0.milliseconds_since_epoch = 1", f -> List.of(f.e1)),
        executions("events_0.artifact_id = 4", f -> List.of(f.e2)),
        artifacts("custom_properties.p.int_value < 21 AND name LIKE 'm%'", f -> List.of(f.a4)),
        artifacts("custom_properties.x.int_value IS NULL AND custom_properties.x.string_value"
            + " = 'foo'", f -> List.of(f.a4)),
        executions("(contexts_0.type = 'RunContext') AND (contexts_0.name ="
            + " 'properties.component.component')", f -> List.of()),
        executions("contexts_0.type = 'RunContext' AND contexts_0.name = 'my_run'",
            f -> List.of(f.e1, f.e2)),
        contexts("parent_contexts_c.type = 'PipelineContext' AND custom_properties.cp"
            + ".string_value = 'foo'", f -> List.of(f.c1)),
        contexts("executions_c.id = 1 and artifacts_a.id = 1", f -> List.of(f.c1)),
        // MLMD's inner joins: a5 has no context, so it is not selected even through OR or NOT
        artifacts("contexts_a.name = 'my_run' OR state = DELETED",
            f -> List.of(f.a1, f.a2, f.a4)),
        artifacts("NOT contexts_a.name = 'my_run'", f -> List.of(f.a1, f.a3, f.a4)),
        // enum names: != and NOT IN also select NULL; numbers and other operators do not
        artifacts("state != LIVE", f -> List.of(f.a2, f.a3, f.a4, f.a5)),
        artifacts("LIVE <> state", f -> List.of(f.a2, f.a3, f.a4, f.a5)),
        artifacts("state != 2", f -> List.of(f.a2, f.a4, f.a5)),
        artifacts("state NOT IN (LIVE, DELETED)", f -> List.of(f.a2, f.a3)),
        artifacts("state > LIVE", f -> List.of(f.a4, f.a5)),
        // arithmetic, as in MLMD's tests; division gives a double
        artifacts("(properties.span.int_value + 2) * 1 = 3", f -> List.of(f.a1)),
        artifacts("properties.accuracy.double_value > 2.0 / 4.0 - (-0.25)",
            f -> List.of(f.a3)),
        artifacts("5 / 2 = 2.5 AND -id < -4", f -> List.of(f.a5)),
        executions("name = \"exe_name_with_'\"", f -> List.of(f.e1)),
        executions("name = 'exe_name_with_\\''", f -> List.of(f.e1)),
        // text that looks like SQL stays a value
        artifacts("name = 'foo\\' OR \\'1\\'=\\'1'", f -> List.of()),
        artifacts("name = \"x' OR 1=1 --\"", f -> List.of()),
        artifacts("properties.`x' OR 1=1 --`.int_value = 1", f -> List.of()),
        artifacts("properties.done.bool_value OR type_id = 0", f -> List.of()),
        contexts("name LIKE '%run'", f -> List.of(f.c1, f.c3)));
  }

  static Stream<Arguments> backendsAndCases() {
    List<Arguments> all = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (Case c : cases()) {
        all.add(Arguments.of(backend, c));
      }
    }
    return all.stream();
  }

  static synchronized MetadataStore store(Backend backend) {
    return STORES.computeIfAbsent(backend, b -> {
      MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(b));
      FIXTURES.put(b, new FilterFixture(store));
      return store;
    });
  }

  static FilterFixture fixture(Backend backend) {
    store(backend);
    return FIXTURES.get(backend);
  }

  @AfterAll
  static synchronized void closeStores() {
    STORES.values().forEach(MetadataStore::close);
    STORES.clear();
    FIXTURES.clear();
  }

  static ListOperationOptions filter(String text) {
    return ListOperationOptions.newBuilder().setMaxResultSize(100).setFilterQuery(text).build();
  }

  static List<Long> list(Backend backend, Kind kind, ListOperationOptions options) {
    MetadataStore store = store(backend);
    return switch (kind) {
      case ARTIFACT -> store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(options)
          .build()).getArtifactsList().stream().map(Artifact::getId).toList();
      case EXECUTION -> store.getExecutions(GetExecutionsRequest.newBuilder()
          .setOptions(options).build()).getExecutionsList().stream().map(Execution::getId)
          .toList();
      case CONTEXT -> store.getContexts(GetContextsRequest.newBuilder().setOptions(options)
          .build()).getContextsList().stream().map(Context::getId).toList();
    };
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("backendsAndCases")
  void selects(Backend backend, Case c) {
    FilterFixture f = fixture(backend);
    assertThat(list(backend, c.kind(), filter(c.filter())))
        .isEqualTo(c.expected().apply(f));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fixtureHasTheIdsOfAFreshDatabase(Backend backend) {
    FilterFixture f = fixture(backend);
    assertThat(List.of(f.a1, f.a2, f.a3, f.a4, f.a5, f.e1, f.e2, f.c1, f.c2, f.c3))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 1L, 2L, 1L, 2L, 3L);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void invalidFiltersAreInvalidArgumentsWithTheirPosition(Backend backend) {
    assertThatThrownBy(() -> list(backend, Kind.ARTIFACT, filter("invalid syntax")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("line 1:9").contains("syntax");
        });
    assertThatThrownBy(() -> list(backend, Kind.EXECUTION, filter("unknown_field = 'x'")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("line 1:1").contains("unknown_field");
        });
    assertThatThrownBy(() -> list(backend, Kind.EXECUTION, filter("name = 'exe_name_with_''")))
        .isInstanceOfSatisfying(MlmdException.class, e ->
            assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT));
    assertThatThrownBy(() -> list(backend, Kind.CONTEXT, filter("contexts_a.id = 1")))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("contexts");
        });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void pagesThroughFilteredNodes(Backend backend) {
    MetadataStore store = store(backend);
    FilterFixture f = fixture(backend);
    ListOperationOptions first = ListOperationOptions.newBuilder().setMaxResultSize(2)
        .setFilterQuery("type = 'DataSet' OR contexts_a.name = 'other_run'").build();
    // DataSets a1, a2, a5; a5 has no context, so only a1, a2 and a4 (in other_run) match
    GetArtifactsResponse page1 = store.getArtifacts(GetArtifactsRequest.newBuilder()
        .setOptions(first).build());
    assertThat(page1.getArtifactsList()).extracting(Artifact::getId).containsExactly(f.a1, f.a2);
    assertThat(page1.getNextPageToken()).isNotEmpty();
    GetArtifactsResponse page2 = store.getArtifacts(GetArtifactsRequest.newBuilder()
        .setOptions(first.toBuilder().setNextPageToken(page1.getNextPageToken())).build());
    assertThat(page2.getArtifactsList()).extracting(Artifact::getId).containsExactly(f.a4);
    assertThat(page2.getNextPageToken()).isEmpty();

    ListOperationOptions newestFirst = ListOperationOptions.newBuilder().setMaxResultSize(1)
        .setOrderByField(OrderByField.newBuilder().setField(OrderByField.Field.CREATE_TIME)
            .setIsAsc(false)).setFilterQuery("last_known_state != RUNNING").build();
    List<Long> seen = new ArrayList<>();
    String token = "";
    do {
      var page = store.getExecutions(GetExecutionsRequest.newBuilder()
          .setOptions(newestFirst.toBuilder().setNextPageToken(token)).build());
      page.getExecutionsList().forEach(x -> seen.add(x.getId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    // all four were created in one call, in the same millisecond: ties go by id, descending
    assertThat(seen).containsExactlyInAnyOrder(f.e2, f.e3, f.e4);
    assertThat(seen).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void filtersByTypeAndByContext(Backend backend) {
    MetadataStore store = store(backend);
    FilterFixture f = fixture(backend);
    assertThat(store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
        .setTypeName("DataSet").setOptions(filter("state = LIVE OR state = DELETED")).build())
        .getArtifactsList()).extracting(Artifact::getId).containsExactly(f.a1, f.a5);
    assertThat(store.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
        .setTypeName("Trainer").setOptions(filter("contexts_a.name = 'other_run'")).build())
        .getExecutionsList()).extracting(Execution::getId).containsExactly(f.e3);
    assertThat(store.getContextsByType(GetContextsByTypeRequest.newBuilder()
        .setTypeName("RunContext").setOptions(filter("parent_contexts_p.name = 'my_pipeline'"
            + " AND name != 'my_run'")).build())
        .getContextsList()).extracting(Context::getId).containsExactly(f.c3);
    assertThat(store.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder()
        .setContextId(f.c1).setOptions(filter("state = PENDING")).build())
        .getArtifactsList()).extracting(Artifact::getId).containsExactly(f.a2);
    assertThat(store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
        .setContextId(f.c1).setOptions(filter("last_known_state = RUNNING OR"
            + " last_known_state = FAILED")).build())
        .getExecutionsList()).extracting(Execution::getId).containsExactly(f.e1, f.e2);
    assertThat(store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
        .setContextId(f.c3).setOptions(filter("last_known_state = RUNNING")).build())
        .getExecutionsList()).isEmpty();
  }
}

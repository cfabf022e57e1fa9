package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.mlmd4j.FixtureContents.Link;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetArtifactTypesByIDRequest;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsByIDResponse;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetArtifactsResponse;
import io.mlmd4j.proto.GetChildrenContextsByContextRequest;
import io.mlmd4j.proto.GetChildrenContextsByContextsRequest;
import io.mlmd4j.proto.GetContextTypeRequest;
import io.mlmd4j.proto.GetContextTypesByIDRequest;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetContextsByArtifactRequest;
import io.mlmd4j.proto.GetContextsByExecutionRequest;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetContextsResponse;
import io.mlmd4j.proto.GetEventsByArtifactIDsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionTypeRequest;
import io.mlmd4j.proto.GetExecutionTypesByIDRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByIDRequest;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetExecutionsResponse;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import io.mlmd4j.proto.GetParentContextsByContextsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.ListOperationOptions.OrderByField;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading real MLMD databases through the MetadataStore API gives exactly what their tables
 * hold. The store opens a copy of a fixture; the expectation is read from another copy with plain
 * SQL and built into MLMD's protos by {@link FixtureContents}, which follows MLMD's storage rules
 * (design spec §3.3) and shares no code with mlmd4j.
 *
 * <p>What {@code tfx-v10-lab.sqlite} exercises (a TFX 1.16 interactive pipeline, studied with
 * sqlite3):
 * <ul>
 *   <li>23 types: the 9 simple types (ids 1-9), 3 context types ({@code pipeline}, {@code run},
 *       {@code component_run}), 5 TFX execution types, 6 artifact types; two ParentType links
 *       ({@code Examples} is a {@code mlmd.Dataset}, {@code ExampleStatistics} a
 *       {@code mlmd.Statistics}); type properties of kind INT (4) and STRING (59); version,
 *       description, external_id, input_type and output_type are NULL on every type.
 *   <li>199 artifacts, 73 executions, 163 contexts; external_id is NULL on every node; 28
 *       artifacts have a NULL name; artifact state is NULL (146) or LIVE (53), execution state
 *       RUNNING (34) or COMPLETE (39); no uri is NULL or empty; create and last-update times
 *       differ on about half the nodes.
 *   <li>Property value kinds: int (declared {@code span}, custom {@code span}), string (declared
 *       and custom, including empty strings and multi-line JSON) and struct
 *       ({@code mlmd-struct::} strings in the custom properties {@code blessed} and
 *       {@code sample_rate_by_split}, nested structs of numbers and strings). No double, proto
 *       or bool value, no byte_value. Executions and contexts have declared properties only.
 *   <li>271 events: INPUT (72) and OUTPUT (199), each with a time and a two-step path
 *       {@code [key, index 0]}; every node has at least one event.
 *   <li>741 attributions and 219 associations; every artifact and execution is in at least one
 *       context (up to 19), so MLMD's NOT_FOUND for a node without context is checked with an id
 *       that has none. No ParentContext rows.
 * </ul>
 *
 * <p>{@code tfx-v7-passau.sqlite} (schema 7: no external_id, proto_value, bool_value) is read the
 * same way after the upgrade migration; it adds a CACHED execution state, an Importer execution
 * type, and has no ParentType rows and no struct values. Those tests need SqliteSchema's
 * migration steps and fail until they are merged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataTest {

  /** A fixture, how to open it, and facts about it that guard against a vacuous comparison. */
  enum Fixture {
    V10_LAB("tfx-v10-lab.sqlite", false, 23, 199, 73, 163, 271, 741, 219,
        EnumSet.of(Value.ValueCase.INT_VALUE, Value.ValueCase.STRING_VALUE,
            Value.ValueCase.STRUCT_VALUE)),
    V7_PASSAU_MIGRATED("tfx-v7-passau.sqlite", true, 23, 267, 80, 173, 369, 1007, 240,
        EnumSet.of(Value.ValueCase.INT_VALUE, Value.ValueCase.STRING_VALUE));

    final String file;
    final boolean migrate;
    final int types;
    final int artifacts;
    final int executions;
    final int contexts;
    final int events;
    final int attributions;
    final int associations;
    final Set<Value.ValueCase> valueKinds;

    Fixture(String file, boolean migrate, int types, int artifacts, int executions, int contexts,
        int events, int attributions, int associations, Set<Value.ValueCase> valueKinds) {
      this.file = file;
      this.migrate = migrate;
      this.types = types;
      this.artifacts = artifacts;
      this.executions = executions;
      this.contexts = contexts;
      this.events = events;
      this.attributions = attributions;
      this.associations = associations;
      this.valueKinds = valueKinds;
    }

    String url() {
      return "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture(file)
          + (migrate ? "?enableUpgradeMigration=true" : "");
    }
  }

  private final Map<Fixture, MetadataStore> stores = new EnumMap<>(Fixture.class);
  private final Map<Fixture, FixtureContents> contents = new EnumMap<>(Fixture.class);

  private MetadataStore store(Fixture fixture) {
    return stores.computeIfAbsent(fixture, f -> MetadataStore.open(f.url()));
  }

  private FixtureContents expected(Fixture fixture) {
    return contents.computeIfAbsent(fixture,
        f -> FixtureContents.read(TestDatabases.copyOfFixture(f.file)));
  }

  @AfterAll
  void closeStores() {
    stores.values().forEach(MetadataStore::close);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void fixtureHoldsWhatThisTestCompares(Fixture fixture) {
    FixtureContents data = expected(fixture);
    assertThat(data.artifactTypes.size() + data.executionTypes.size() + data.contextTypes.size())
        .isEqualTo(fixture.types);
    assertThat(data.artifacts).hasSize(fixture.artifacts);
    assertThat(data.executions).hasSize(fixture.executions);
    assertThat(data.contexts).hasSize(fixture.contexts);
    assertThat(data.events).hasSize(fixture.events)
        .allSatisfy(e -> assertThat(e.getPath().getStepsCount()).isEqualTo(2));
    assertThat(data.attributions).hasSize(fixture.attributions);
    assertThat(data.associations).hasSize(fixture.associations);
    assertThat(data.parentContexts).isEmpty();
    Set<Value.ValueCase> kinds = EnumSet.noneOf(Value.ValueCase.class);
    Stream.of(data.artifacts.values().stream().flatMap(a -> Stream.of(a.getPropertiesMap(),
                a.getCustomPropertiesMap())),
            data.executions.values().stream().flatMap(e -> Stream.of(e.getPropertiesMap(),
                e.getCustomPropertiesMap())),
            data.contexts.values().stream().flatMap(c -> Stream.of(c.getPropertiesMap(),
                c.getCustomPropertiesMap())))
        .flatMap(s -> s)
        .forEach(m -> m.values().forEach(v -> kinds.add(v.getValueCase())));
    assertThat(kinds).isEqualTo(fixture.valueKinds);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void typeListsHoldEveryTypeButTheSimpleOnes(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    // In id order (MLMD's suite: "sorted by id"); the 9 simple types are hidden, by name.
    assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
            .getArtifactTypesList())
        .containsExactlyElementsOf(withoutSimpleTypes(data.artifactTypes.values(),
            ArtifactType::getName));
    assertThat(store.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance())
            .getExecutionTypesList())
        .containsExactlyElementsOf(withoutSimpleTypes(data.executionTypes.values(),
            ExecutionType::getName));
    assertThat(store.getContextTypes(GetContextTypesRequest.getDefaultInstance())
            .getContextTypesList())
        .containsExactlyElementsOf(data.contextTypes.values());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void typesByIdAndByNameIncludeTheSimpleTypes(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertSameById("GetArtifactTypesByID", store.getArtifactTypesByID(
            GetArtifactTypesByIDRequest.newBuilder().addAllTypeIds(data.artifactTypes.keySet())
                .build()).getArtifactTypesList(),
        data.artifactTypes.values(), ArtifactType::getId);
    assertSameById("GetExecutionTypesByID", store.getExecutionTypesByID(
            GetExecutionTypesByIDRequest.newBuilder().addAllTypeIds(data.executionTypes.keySet())
                .build()).getExecutionTypesList(),
        data.executionTypes.values(), ExecutionType::getId);
    assertSameById("GetContextTypesByID", store.getContextTypesByID(
            GetContextTypesByIDRequest.newBuilder().addAllTypeIds(data.contextTypes.keySet())
                .build()).getContextTypesList(),
        data.contextTypes.values(), ContextType::getId);
    for (ArtifactType type : data.artifactTypes.values()) {
      assertThat(store.getArtifactType(GetArtifactTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getArtifactType())
          .as("GetArtifactType %s", type.getName()).isEqualTo(type);
    }
    for (ExecutionType type : data.executionTypes.values()) {
      assertThat(store.getExecutionType(GetExecutionTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getExecutionType())
          .as("GetExecutionType %s", type.getName()).isEqualTo(type);
    }
    for (ContextType type : data.contextTypes.values()) {
      assertThat(store.getContextType(GetContextTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getContextType())
          .as("GetContextType %s", type.getName()).isEqualTo(type);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void artifactsReadBackAsStored(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertSameById("GetArtifacts",
        store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList(),
        data.artifacts.values(), Artifact::getId);
    assertSameById("GetArtifactsByID", store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
            .addAllArtifactIds(data.artifacts.keySet()).build()).getArtifactsList(),
        data.artifacts.values(), Artifact::getId);
    for (ArtifactType type : data.artifactTypes.values()) {
      assertSameById("GetArtifactsByType " + type.getName(),
          store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getArtifactsList(),
          ofType(data.artifacts.values(), Artifact::getTypeId, type.getId()), Artifact::getId);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void artifactsByIdComeWithTheirTypes(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    GetArtifactsByIDResponse response = store.getArtifactsByID(GetArtifactsByIDRequest
        .newBuilder().addAllArtifactIds(data.artifacts.keySet()).setPopulateArtifactTypes(true)
        .build());
    assertSameById("GetArtifactsByID(populate_artifact_types)", response.getArtifactsList(),
        data.artifacts.values(), Artifact::getId);
    // Each type of a returned artifact once, with its properties but without base_type (MLMD
    // builds these types from the artifact rows, which carry no ParentType).
    List<ArtifactType> types = data.artifacts.values().stream().map(Artifact::getTypeId)
        .distinct().map(id -> data.artifactTypes.get(id).toBuilder().clearBaseType().build())
        .toList();
    assertSameById("GetArtifactsByID(populate_artifact_types) types",
        response.getArtifactTypesList(), types, ArtifactType::getId);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void executionsReadBackAsStored(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertSameById("GetExecutions",
        store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList(),
        data.executions.values(), Execution::getId);
    assertSameById("GetExecutionsByID", store.getExecutionsByID(GetExecutionsByIDRequest
            .newBuilder().addAllExecutionIds(data.executions.keySet()).build())
            .getExecutionsList(),
        data.executions.values(), Execution::getId);
    for (ExecutionType type : data.executionTypes.values()) {
      assertSameById("GetExecutionsByType " + type.getName(),
          store.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getExecutionsList(),
          ofType(data.executions.values(), Execution::getTypeId, type.getId()),
          Execution::getId);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void contextsReadBackAsStored(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertSameById("GetContexts",
        store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList(),
        data.contexts.values(), Context::getId);
    assertSameById("GetContextsByID", store.getContextsByID(GetContextsByIDRequest.newBuilder()
            .addAllContextIds(data.contexts.keySet()).build()).getContextsList(),
        data.contexts.values(), Context::getId);
    for (ContextType type : data.contextTypes.values()) {
      assertSameById("GetContextsByType " + type.getName(),
          store.getContextsByType(GetContextsByTypeRequest.newBuilder()
              .setTypeName(type.getName()).build()).getContextsList(),
          ofType(data.contexts.values(), Context::getTypeId, type.getId()), Context::getId);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void pagesListEveryNodeOnceInIdOrder(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertThat(allPages(options -> {
      GetArtifactsResponse r = store.getArtifacts(
          GetArtifactsRequest.newBuilder().setOptions(options).build());
      return new Page<>(r.getArtifactsList(), r.getNextPageToken());
    })).containsExactlyElementsOf(data.artifacts.values());
    assertThat(allPages(options -> {
      GetExecutionsResponse r = store.getExecutions(
          GetExecutionsRequest.newBuilder().setOptions(options).build());
      return new Page<>(r.getExecutionsList(), r.getNextPageToken());
    })).containsExactlyElementsOf(data.executions.values());
    assertThat(allPages(options -> {
      GetContextsResponse r = store.getContexts(
          GetContextsRequest.newBuilder().setOptions(options).build());
      return new Page<>(r.getContextsList(), r.getNextPageToken());
    })).containsExactlyElementsOf(data.contexts.values());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void eventsOfEachNodeInInsertionOrderWithTheirPaths(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    // One node at a time: MLMD returns a node's events in insertion order (its Python suite
    // checks that); the path steps in the order they were stored.
    for (long id : data.artifacts.keySet()) {
      assertThat(store.getEventsByArtifactIDs(GetEventsByArtifactIDsRequest.newBuilder()
              .addArtifactIds(id).build()).getEventsList())
          .as("GetEventsByArtifactIDs [%d]", id)
          .containsExactlyElementsOf(data.events.stream().filter(e -> e.getArtifactId() == id)
              .toList());
    }
    for (long id : data.executions.keySet()) {
      assertThat(store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
              .addExecutionIds(id).build()).getEventsList())
          .as("GetEventsByExecutionIDs [%d]", id)
          .containsExactlyElementsOf(data.events.stream().filter(e -> e.getExecutionId() == id)
              .toList());
    }
    // All nodes at once: every event once, in no promised order.
    assertThat(store.getEventsByArtifactIDs(GetEventsByArtifactIDsRequest.newBuilder()
            .addAllArtifactIds(data.artifacts.keySet()).build()).getEventsList())
        .as("GetEventsByArtifactIDs [all]").containsExactlyInAnyOrderElementsOf(data.events);
    assertThat(store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
            .addAllExecutionIds(data.executions.keySet()).build()).getEventsList())
        .as("GetEventsByExecutionIDs [all]").containsExactlyInAnyOrderElementsOf(data.events);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void contextsOfEachArtifactAndExecution(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    for (long id : data.artifacts.keySet()) {
      List<Context> linked = contextsLinkedTo(data, data.attributions, id);
      String what = "GetContextsByArtifact " + id;
      if (linked.isEmpty()) {
        assertNotFound(what, () -> store.getContextsByArtifact(
            GetContextsByArtifactRequest.newBuilder().setArtifactId(id).build()));
      } else {
        assertSameById(what, store.getContextsByArtifact(GetContextsByArtifactRequest
            .newBuilder().setArtifactId(id).build()).getContextsList(), linked, Context::getId);
      }
    }
    for (long id : data.executions.keySet()) {
      List<Context> linked = contextsLinkedTo(data, data.associations, id);
      String what = "GetContextsByExecution " + id;
      if (linked.isEmpty()) {
        assertNotFound(what, () -> store.getContextsByExecution(
            GetContextsByExecutionRequest.newBuilder().setExecutionId(id).build()));
      } else {
        assertSameById(what, store.getContextsByExecution(GetContextsByExecutionRequest
            .newBuilder().setExecutionId(id).build()).getContextsList(), linked, Context::getId);
      }
    }
    // Every node of the fixtures is in a context; a node without one is NOT_FOUND in MLMD.
    long noArtifact = data.artifacts.lastKey() + 1;
    assertNotFound("GetContextsByArtifact " + noArtifact, () -> store.getContextsByArtifact(
        GetContextsByArtifactRequest.newBuilder().setArtifactId(noArtifact).build()));
    long noExecution = data.executions.lastKey() + 1;
    assertNotFound("GetContextsByExecution " + noExecution, () -> store.getContextsByExecution(
        GetContextsByExecutionRequest.newBuilder().setExecutionId(noExecution).build()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void artifactsAndExecutionsOfEachContext(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    for (long id : data.contexts.keySet()) {
      List<Artifact> artifacts = FixtureContents.linked(data.attributions, Link::contextId,
          Link::nodeId, id).stream().map(data.artifacts::get).toList();
      assertSameById("GetArtifactsByContext " + id, store.getArtifactsByContext(
              GetArtifactsByContextRequest.newBuilder().setContextId(id).build())
              .getArtifactsList(),
          artifacts, Artifact::getId);
      List<Execution> executions = FixtureContents.linked(data.associations, Link::contextId,
          Link::nodeId, id).stream().map(data.executions::get).toList();
      assertSameById("GetExecutionsByContext " + id, store.getExecutionsByContext(
              GetExecutionsByContextRequest.newBuilder().setContextId(id).build())
              .getExecutionsList(),
          executions, Execution::getId);
    }
  }

  /**
   * The fixtures have no ParentContext row, so every context reads with no parent and no child.
   * Parent and child contexts are covered by the tck, with data of our own.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Fixture.class)
  void noContextHasParentsOrChildren(Fixture fixture) {
    MetadataStore store = store(fixture);
    FixtureContents data = expected(fixture);
    assertThat(data.parentContexts).isEmpty();
    for (long id : data.contexts.keySet()) {
      assertThat(store.getParentContextsByContext(GetParentContextsByContextRequest.newBuilder()
          .setContextId(id).build()).getContextsList()).as("parents of %d", id).isEmpty();
      assertThat(store.getChildrenContextsByContext(GetChildrenContextsByContextRequest
          .newBuilder().setContextId(id).build()).getContextsList())
          .as("children of %d", id).isEmpty();
    }
    assertThat(store.getParentContextsByContexts(GetParentContextsByContextsRequest.newBuilder()
        .addAllContextIds(data.contexts.keySet()).build()).getContextsMap()).isEmpty();
    assertThat(store.getChildrenContextsByContexts(GetChildrenContextsByContextsRequest
        .newBuilder().addAllContextIds(data.contexts.keySet()).build()).getContextsMap())
        .isEmpty();
  }

  /** One page of a listing: its nodes and the token of the next page ("" on the last). */
  private record Page<M>(List<M> nodes, String nextPageToken) {}

  /** Every node a listing returns, page after page of 50, in ascending id order. */
  private static <M> List<M> allPages(Function<ListOperationOptions, Page<M>> list) {
    List<M> nodes = new ArrayList<>();
    String token = "";
    for (int pages = 0; pages < 100; pages++) {
      ListOperationOptions.Builder options = ListOperationOptions.newBuilder()
          .setMaxResultSize(50)
          .setOrderByField(OrderByField.newBuilder().setField(OrderByField.Field.ID)
              .setIsAsc(true));
      if (!token.isEmpty()) {
        options.setNextPageToken(token);
      }
      Page<M> page = list.apply(options.build());
      assertThat(page.nodes()).as("page %d", pages).hasSizeLessThanOrEqualTo(50);
      nodes.addAll(page.nodes());
      token = page.nextPageToken();
      if (token.isEmpty()) {
        return nodes;
      }
    }
    throw new AssertionError("Still a next page token after 100 pages of 50");
  }

  private static List<Context> contextsLinkedTo(FixtureContents data, List<Link> links,
      long nodeId) {
    return FixtureContents.linked(links, Link::nodeId, Link::contextId, nodeId).stream()
        .map(data.contexts::get).toList();
  }

  private static <T> List<T> withoutSimpleTypes(Collection<T> types, Function<T, String> name) {
    return types.stream().filter(t -> !FixtureContents.isSimpleType(name.apply(t))).toList();
  }

  private static <M> List<M> ofType(Collection<M> nodes, ToLongFunction<M> typeId, long type) {
    return nodes.stream().filter(n -> typeId.applyAsLong(n) == type).toList();
  }

  /**
   * Asserts {@code actual} holds each expected message once, in any order, comparing message by
   * message so a failure names the id whose fields differ.
   */
  private static <M extends Message> void assertSameById(String what, List<M> actual,
      Collection<M> expected, ToLongFunction<M> id) {
    Map<Long, M> got = new TreeMap<>();
    for (M m : actual) {
      assertThat(got.put(id.applyAsLong(m), m)).as("%s: id %d returned twice", what,
          id.applyAsLong(m)).isNull();
    }
    Map<Long, M> want = new TreeMap<>();
    expected.forEach(m -> want.put(id.applyAsLong(m), m));
    assertThat(got.keySet()).as("%s: ids", what).containsExactlyElementsOf(want.keySet());
    want.forEach((key, m) -> assertThat(got.get(key)).as("%s: id %d", what, key).isEqualTo(m));
  }

  private static void assertNotFound(String what, Runnable call) {
    assertThatThrownBy(call::run).as(what).isInstanceOfSatisfying(MlmdException.class,
        e -> assertThat(e.code()).as(what).isEqualTo(MlmdException.Code.NOT_FOUND));
  }
}

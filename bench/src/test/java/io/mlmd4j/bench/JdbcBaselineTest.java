package io.mlmd4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.TfxComponent;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetContextsByIDRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByIDRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutContextsRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.storage.Dialect;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-written baselines write and read exactly what the store's calls write and read, so
 * that the benchmarks compare like with like. (Not on the fake backend: plain JDBC cannot reach
 * its in-memory database.)
 */
class JdbcBaselineTest {

  private final TfxWorkload workload = new TfxWorkload("taxi", 11);

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void insertedArtifactsAreThoseThatPutArtifactsStores(Backend backend) throws Exception {
    List<Artifact> viaStore;
    List<Artifact> viaBaseline;
    String url = TestDatabases.freshUrl(backend);
    try (MetadataStore store = MetadataStore.open(url)) {
      List<Artifact> artifacts = workload.artifacts(TfxTypes.register(store), 50);
      List<Long> ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addAllArtifacts(artifacts).build()).getArtifactIdsList();
      viaStore = read(store, ids);
    }
    url = TestDatabases.freshUrl(backend);
    try (MetadataStore store = MetadataStore.open(url)) {
      List<Artifact> artifacts = workload.artifacts(TfxTypes.register(store), 50);
      List<Long> ids;
      try (Connection c = BenchDatabases.openJdbc(url)) {
        ids = JdbcBaseline.insertArtifacts(c, BenchDatabases.dialect(url), artifacts);
      }
      viaBaseline = read(store, ids);
    }
    assertThat(withoutTimes(viaBaseline)).isEqualTo(withoutTimes(viaStore));
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void readsReturnWhatTheStoreReturns(Backend backend) throws Exception {
    String url = TestDatabases.freshUrl(backend);
    Dialect dialect = BenchDatabases.dialect(url);
    try (MetadataStore store = MetadataStore.open(url);
        Connection c = BenchDatabases.openJdbc(url)) {
      TfxTypes types = TfxTypes.register(store);
      List<Long> ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addAllArtifacts(workload.artifacts(types, JdbcBaseline.IN_LIST + 30)).build())
          .getArtifactIdsList();
      long context = store.putContexts(PutContextsRequest.newBuilder()
          .addContexts(workload.runContext(types, "r")).build()).getContextIds(0);
      PutAttributionsAndAssociationsRequest.Builder links =
          PutAttributionsAndAssociationsRequest.newBuilder();
      for (long id : ids.subList(0, 40)) {
        links.addAttributions(Attribution.newBuilder().setContextId(context).setArtifactId(id));
      }
      store.putAttributionsAndAssociations(links.build());

      assertThat(sorted(JdbcBaseline.artifactsByIds(c, dialect, ids)))
          .hasSize(ids.size()).isEqualTo(read(store, ids));
      assertThat(sorted(JdbcBaseline.artifactsByContext(c, dialect, context)))
          .hasSize(40).isEqualTo(sorted(store.getArtifactsByContext(
              GetArtifactsByContextRequest.newBuilder().setContextId(context).build())
              .getArtifactsList()));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void stepWriterWritesWhatPutExecutionWrites(Backend backend) throws Exception {
    Recorded viaStore = recordSteps(backend, false);
    Recorded viaBaseline = recordSteps(backend, true);
    assertThat(viaBaseline).isEqualTo(viaStore);
  }

  /** What two Trainer steps left in a store, ids and times aside. */
  private record Recorded(List<Execution> executions, List<List<Event>> events,
      List<Artifact> attributed, int associated) {}

  private Recorded recordSteps(Backend backend, boolean baseline) throws Exception {
    String url = TestDatabases.freshUrl(backend);
    try (MetadataStore store = MetadataStore.open(url)) {
      TfxTypes types = TfxTypes.register(store);
      List<Context> contexts = store.getContextsByID(GetContextsByIDRequest.newBuilder()
          .addAllContextIds(store.putContexts(PutContextsRequest.newBuilder()
              .addContexts(workload.pipelineContext(types))
              .addContexts(workload.runContext(types, "r")).build()).getContextIdsList())
          .build()).getContextsList();
      Map<String, Artifact> upstream = workload.upstreamArtifacts(types, TfxComponent.TRAINER);
      List<Long> inputIds = store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addAllArtifacts(upstream.values()).build()).getArtifactIdsList();
      List<Artifact> stored = read(store, inputIds);
      Map<String, Artifact> inputs = new LinkedHashMap<>();
      int i = 0;
      for (String key : upstream.keySet()) {
        inputs.put(key, stored.get(i++));
      }

      List<PutExecutionRequest> requests = List.of(
          workload.completedStep(types, TfxComponent.TRAINER, 0, inputs, contexts),
          workload.completedStep(types, TfxComponent.TRAINER, 1, inputs, contexts));
      List<Long> executionIds = new ArrayList<>();
      if (baseline) {
        try (Connection c = BenchDatabases.openJdbc(url);
            JdbcStepWriter writer = new JdbcStepWriter(c, BenchDatabases.dialect(url))) {
          for (PutExecutionRequest request : requests) {
            executionIds.add(writer.put(request));
          }
        }
      } else {
        for (PutExecutionRequest request : requests) {
          executionIds.add(store.putExecution(request).getExecutionId());
        }
      }
      List<Execution> executions = store.getExecutionsByID(GetExecutionsByIDRequest.newBuilder()
          .addAllExecutionIds(executionIds).build()).getExecutionsList().stream()
          .map(e -> e.toBuilder().clearId().clearCreateTimeSinceEpoch()
              .clearLastUpdateTimeSinceEpoch().build())
          .toList();
      List<List<Event>> events = new ArrayList<>();
      for (long id : executionIds) {
        events.add(store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest.newBuilder()
            .addExecutionIds(id).build()).getEventsList().stream()
            .map(e -> e.toBuilder().clearArtifactId().clearExecutionId()
                .clearMillisecondsSinceEpoch().build())
            .sorted(Comparator.comparing(Event::toString))
            .toList());
      }
      long run = contexts.get(1).getId();
      List<Artifact> attributed = withoutTimes(sorted(store.getArtifactsByContext(
          GetArtifactsByContextRequest.newBuilder().setContextId(run).build())
          .getArtifactsList()));
      int associated = store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
          .setContextId(run).build()).getExecutionsCount();
      return new Recorded(executions, events, attributed, associated);
    }
  }

  private static List<Artifact> read(MetadataStore store, List<Long> ids) {
    return sorted(store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
        .addAllArtifactIds(ids).build()).getArtifactsList());
  }

  private static List<Artifact> sorted(List<Artifact> artifacts) {
    return artifacts.stream().sorted(Comparator.comparingLong(Artifact::getId)).toList();
  }

  private static List<Artifact> withoutTimes(List<Artifact> artifacts) {
    return artifacts.stream().map(a -> a.toBuilder().clearId().clearCreateTimeSinceEpoch()
        .clearLastUpdateTimeSinceEpoch().build()).toList();
  }
}

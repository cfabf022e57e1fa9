package io.mlmd4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.PutExecutionRequest.ArtifactAndEvent;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many threads share one store: every call lands whole, none is lost. */
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 25;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void threadsSharingOneStoreLoseNothing(Backend backend) throws Exception {
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(backend))) {
      long artifactType = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Examples")).build()).getTypeId();
      long executionType = store.putExecutionType(PutExecutionTypeRequest.newBuilder()
          .setExecutionType(ExecutionType.newBuilder().setName("Trainer")).build()).getTypeId();
      long contextType = store.putContextType(PutContextTypeRequest.newBuilder()
          .setContextType(ContextType.newBuilder().setName("pipeline")).build()).getTypeId();

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            // Every call reuses the one shared context: the threads race to create it.
            store.putExecution(PutExecutionRequest.newBuilder()
                .setExecution(Execution.newBuilder().setTypeId(executionType)
                    .setName("run-" + thread + "-" + i))
                .addArtifactEventPairs(ArtifactAndEvent.newBuilder()
                    .setArtifact(Artifact.newBuilder().setTypeId(artifactType)
                        .setUri("/data/" + thread + "/" + i))
                    .setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)))
                .addContexts(Context.newBuilder().setTypeId(contextType).setName("shared"))
                .setOptions(PutExecutionRequest.Options.newBuilder()
                    .setReuseContextIfAlreadyExist(true))
                .build());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();

      int total = THREADS * CALLS_PER_THREAD;
      assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsCount())
          .isEqualTo(total);
      assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
          .getExecutionsCount()).isEqualTo(total);
      List<Context> contexts =
          store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList();
      assertThat(contexts).hasSize(1);
      assertThat(store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
          .setContextId(contexts.get(0).getId()).build()).getExecutionsCount())
          .isEqualTo(total);
    }
  }
}

package io.mlmd4j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactByTypeAndNameRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextByTypeAndNameRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo store's history: the story its class comment tells, the same in every store. */
class TfxDemoTest {

  private static final int RUNS = 5;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void runsTellTheDemosStory(Backend backend) {
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(backend))) {
      TfxDemo.populate(store, RUNS);
      Map<String, String> states = new LinkedHashMap<>();
      for (int run = 1; run <= RUNS; run++) {
        String runId = String.format("taxi-run-%02d", run);
        Context context = store.getContextByTypeAndName(GetContextByTypeAndNameRequest
            .newBuilder().setTypeName("pipeline_run").setContextName(runId).build())
            .getContext();
        assertThat(store.getParentContextsByContext(GetParentContextsByContextRequest
            .newBuilder().setContextId(context.getId()).build()).getContextsList())
            .extracting(Context::getName).containsExactly("taxi");
        StringBuilder s = new StringBuilder();
        for (Execution e : store.getExecutionsByContext(GetExecutionsByContextRequest
            .newBuilder().setContextId(context.getId()).build()).getExecutionsList()) {
          assertThat(e.getName()).startsWith(runId + ".");
          s.append(e.getName().substring(runId.length() + 1)).append('=')
              .append(e.getLastKnownState()).append(' ');
        }
        states.put(runId, s.toString().trim());
      }
      String rest = "StatisticsGen=COMPLETE SchemaGen=COMPLETE Transform=COMPLETE";
      String tail = " Trainer=COMPLETE Evaluator=COMPLETE Pusher=COMPLETE";
      assertThat(states).containsExactly(
          Map.entry("taxi-run-01", "CsvExampleGen=COMPLETE " + rest + tail),
          Map.entry("taxi-run-02", "CsvExampleGen=CACHED " + rest + tail),
          Map.entry("taxi-run-03", "CsvExampleGen=CACHED " + rest + tail),
          Map.entry("taxi-run-04", "CsvExampleGen=COMPLETE " + rest + " Trainer=FAILED"),
          Map.entry("taxi-run-05", "CsvExampleGen=CACHED " + rest + tail));

      assertThat(store.getExecutions(GetExecutionsRequest.getDefaultInstance())
          .getExecutionsCount()).isEqualTo(7 * 4 + 5);
      // Ten outputs a full run, nine when ExampleGen is cached, five up to the failed Trainer.
      assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
          .getArtifactsCount()).isEqualTo(10 + 9 + 9 + 5 + 9);
      assertThat(store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList())
          .extracting(Context::getName).hasSize(1 + RUNS + 7).contains("taxi", "taxi.Trainer");

      assertThat(property(store, "ModelBlessing", "taxi-run-01.Evaluator.blessing", "blessed"))
          .isEqualTo(1);
      assertThat(property(store, "ModelBlessing", "taxi-run-02.Evaluator.blessing", "blessed"))
          .isZero();
      assertThat(property(store, "PushedModel", "taxi-run-02.Pusher.pushed_model", "pushed"))
          .isZero();
      assertThat(property(store, "ModelBlessing", "taxi-run-03.Evaluator.blessing", "blessed"))
          .isEqualTo(1);
      // Run 5's cached ExampleGen hands run 4's examples on to run 5's StatisticsGen.
      Execution statistics = store.getExecutions(GetExecutionsRequest.getDefaultInstance())
          .getExecutionsList().stream()
          .filter(e -> e.getName().equals("taxi-run-05.StatisticsGen")).findFirst().orElseThrow();
      List<Long> inputs = store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest
          .newBuilder().addExecutionIds(statistics.getId()).build()).getEventsList().stream()
          .filter(e -> e.getType() == Event.Type.INPUT).map(Event::getArtifactId).toList();
      assertThat(store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addAllArtifactIds(inputs).build()).getArtifactsList()).extracting(Artifact::getName)
          .containsExactly("taxi-run-04.CsvExampleGen.examples");
    }
  }

  @Test
  void everyStoreGetsTheSameHistory() {
    try (MetadataStore a = MetadataStore.open("jdbc:mlmd:fake");
        MetadataStore b = MetadataStore.open("jdbc:mlmd:fake")) {
      TfxDemo.populate(a, 3);
      TfxDemo.populate(b, 3);
      List<Artifact> artifacts = withoutTimes(a);
      assertThat(artifacts).hasSize(28).isEqualTo(withoutTimes(b));
      Execution trainer = a.getExecutions(GetExecutionsRequest.getDefaultInstance())
          .getExecutionsList().stream().filter(e -> e.getName().equals("taxi-run-01.Trainer"))
          .findFirst().orElseThrow();
      assertThat(trainer.getPropertiesOrThrow("learning_rate").getValueCase())
          .isEqualTo(Value.ValueCase.DOUBLE_VALUE);
      assertThat(trainer.getPropertiesMap()).containsOnlyKeys("component_id", "pipeline_name",
          "run_id", "train_steps", "learning_rate");
    }
  }

  private static List<Artifact> withoutTimes(MetadataStore store) {
    return store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList()
        .stream().map(x -> x.toBuilder().clearCreateTimeSinceEpoch()
            .clearLastUpdateTimeSinceEpoch().build()).toList();
  }

  private static long property(MetadataStore store, String type, String name, String property) {
    Artifact a = store.getArtifactByTypeAndName(GetArtifactByTypeAndNameRequest.newBuilder()
        .setTypeName(type).setArtifactName(name).build()).getArtifact();
    return a.getPropertiesOrThrow(property).getIntValue();
  }
}

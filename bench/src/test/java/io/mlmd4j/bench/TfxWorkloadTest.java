package io.mlmd4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.demo.PipelineRun;
import io.mlmd4j.demo.RunPlan;
import io.mlmd4j.demo.TfxArtifactType;
import io.mlmd4j.demo.TfxComponent;
import io.mlmd4j.demo.TfxPipeline;
import io.mlmd4j.demo.TfxTypes;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByContextRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetContextsByExecutionRequest;
import io.mlmd4j.proto.GetEventsByExecutionIDsRequest;
import io.mlmd4j.proto.GetExecutionsByContextRequest;
import io.mlmd4j.proto.GetExecutionsByIDRequest;
import io.mlmd4j.proto.GetParentContextsByContextRequest;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutExecutionRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TFX-shaped workload: deterministic, TFX's shapes, and whole runs recorded in a store. */
class TfxWorkloadTest {

  /** Run 0 and the first later runs that are partly cached, and that fail, for seed 42. */
  private static final int RUNS = 12;

  @Test
  void plansAreAFunctionOfSeedAndIndex() {
    TfxWorkload a = new TfxWorkload("taxi", 42);
    TfxWorkload b = new TfxWorkload("taxi", 42);
    TfxWorkload other = new TfxWorkload("taxi", 43);
    List<RunPlan> plans = IntStream.range(0, 50).mapToObj(a::plan).toList();
    assertThat(IntStream.range(0, 50).mapToObj(b::plan).toList()).isEqualTo(plans);
    assertThat(IntStream.range(0, 50).mapToObj(other::plan).toList()).isNotEqualTo(plans);
    assertThat(plans.get(0).cachedComponents()).isZero();
    assertThat(plans).anyMatch(p -> p.cachedComponents() > 0);
    assertThat(plans).anyMatch(p -> p.failed() != null);
    assertThat(plans).anyMatch(p -> p.failed() == null && p.cachedComponents() == 0);
    for (RunPlan p : plans) {
      assertThat(p.cachedComponents()).isBetween(0, TfxComponent.TRANSFORM.ordinal() + 1);
      if (p.failed() != null) {
        assertThat(p.failed().ordinal()).isGreaterThanOrEqualTo(p.cachedComponents());
      }
    }
    assertThat(plans.stream().map(RunPlan::runId).distinct()).hasSize(50);
  }

  @Test
  void bulkArtifactsHaveFivePropertiesOfTheirDeclaredKinds() {
    TfxWorkload workload = new TfxWorkload("taxi", 7);
    try (MetadataStore store = MetadataStore.open("jdbc:mlmd:fake")) {
      TfxTypes types = TfxTypes.register(store);
      assertThat(TfxTypes.register(store).artifactTypeId(TfxArtifactType.MODEL))
          .isEqualTo(types.artifactTypeId(TfxArtifactType.MODEL));
      List<Artifact> artifacts = workload.artifacts(types, 500);
      assertThat(workload.artifacts(types, 500)).isEqualTo(artifacts);
      assertThat(artifacts.stream().map(Artifact::getName).distinct()).hasSize(500);
      assertThat(artifacts.stream().map(Artifact::getTypeId).distinct())
          .hasSize(TfxArtifactType.values().length);
      Map<Long, TfxArtifactType> byId = new HashMap<>();
      for (TfxArtifactType t : TfxArtifactType.values()) {
        byId.put(types.artifactTypeId(t), t);
      }
      for (Artifact a : artifacts) {
        assertThat(a.getPropertiesCount() + a.getCustomPropertiesCount()).isEqualTo(5);
        TfxArtifactType type = byId.get(a.getTypeId());
        assertThat(a.getPropertiesMap().keySet()).isEqualTo(type.properties().keySet());
        a.getPropertiesMap().forEach((name, value) ->
            assertThat(kind(value)).as(name).isEqualTo(type.properties().get(name)));
        assertThat(a.getCustomPropertiesMap()).containsKeys("tfx_version", "producer_component");
      }
    }
  }

  @Test
  void aTrainerStepHasThreeInputsTwoOutputsAndTwoStepPaths() {
    TfxWorkload workload = new TfxWorkload("taxi", 7);
    try (MetadataStore store = MetadataStore.open("jdbc:mlmd:fake")) {
      TfxTypes types = TfxTypes.register(store);
      Map<String, Artifact> inputs = new LinkedHashMap<>();
      long id = 1;
      for (Map.Entry<String, Artifact> e :
          workload.upstreamArtifacts(types, TfxComponent.TRAINER).entrySet()) {
        inputs.put(e.getKey(), e.getValue().toBuilder().setId(id++).build());
      }
      assertThat(inputs.keySet()).containsExactly("examples", "transform_graph", "schema");
      List<Context> contexts = List.of(workload.pipelineContext(types).toBuilder().setId(1).build(),
          workload.runContext(types, "r").toBuilder().setId(2).build());
      PutExecutionRequest step =
          workload.completedStep(types, TfxComponent.TRAINER, 3, inputs, contexts);

      assertThat(step.getExecution().getTypeId())
          .isEqualTo(types.executionTypeId(TfxComponent.TRAINER));
      assertThat(step.getExecution().getPropertiesCount()).isEqualTo(5);
      assertThat(step.getExecution().getLastKnownState()).isEqualTo(Execution.State.COMPLETE);
      assertThat(step.getContextsList()).isEqualTo(contexts);
      assertThat(step.getArtifactEventPairsList()).extracting(p -> p.getEvent().getType())
          .containsExactly(Event.Type.INPUT, Event.Type.INPUT, Event.Type.INPUT,
              Event.Type.OUTPUT, Event.Type.OUTPUT);
      assertThat(step.getArtifactEventPairsList()).extracting(p -> p.getArtifact().hasId())
          .containsExactly(true, true, true, false, false);
      assertThat(step.getArtifactEventPairs(3).getEvent().getPath()).isEqualTo(
          TfxPipeline.event(Event.Type.OUTPUT, "model", 0).getPath());
      assertThat(step.getArtifactEventPairs(4).getArtifact().getTypeId())
          .isEqualTo(types.artifactTypeId(TfxArtifactType.MODEL_RUN));
      assertThat(workload.completedStep(types, TfxComponent.TRAINER, 4, inputs, contexts)
          .getArtifactEventPairs(3).getArtifact().getName())
          .isNotEqualTo(step.getArtifactEventPairs(3).getArtifact().getName());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void pipelineRunsAreRecordedAsTfxRecordsThem(Backend backend) {
    TfxWorkload workload = new TfxWorkload("taxi", 42);
    try (MetadataStore store = MetadataStore.open(TestDatabases.freshUrl(backend))) {
      Map<Long, Long> outputProducers = new HashMap<>();
      boolean sawCached = false;
      boolean sawFailed = false;
      for (int i = 0; i < RUNS; i++) {
        PipelineRun run = workload.pipelineRun(store, i);
        RunPlan plan = run.plan();
        assertThat(plan).isEqualTo(workload.plan(i));
        List<TfxComponent> ran = run.steps().stream().map(PipelineRun.Step::component).toList();
        int last = plan.failed() == null ? TfxComponent.values().length - 1
            : plan.failed().ordinal();
        assertThat(ran).containsExactly(
            List.of(TfxComponent.values()).subList(0, last + 1).toArray(TfxComponent[]::new));

        for (PipelineRun.Step step : run.steps()) {
          Execution e = store.getExecutionsByID(GetExecutionsByIDRequest.newBuilder()
              .addExecutionIds(step.executionId()).build()).getExecutions(0);
          assertThat(e.getLastKnownState()).isEqualTo(step.state());
          assertThat(e.getName()).isEqualTo(plan.runId() + "." + step.component().nodeId());
          assertThat(e.getPropertiesCount()).isEqualTo(5);
          assertThat(e.getPropertiesOrThrow("run_id").getStringValue()).isEqualTo(plan.runId());
          assertThat(step.inputIds()).hasSize(step.component().inputs().size());
          List<Event> events = store.getEventsByExecutionIDs(GetEventsByExecutionIDsRequest
              .newBuilder().addExecutionIds(step.executionId()).build()).getEventsList();
          assertThat(events).allSatisfy(ev -> {
            assertThat(ev.getPath().getStepsCount()).isEqualTo(2);
            assertThat(ev.getPath().getSteps(0).hasKey()).isTrue();
            assertThat(ev.getPath().getSteps(1).getIndex()).isZero();
          });
          assertThat(events).hasSize(step.inputIds().size() + step.outputIds().size());
          assertThat(store.getContextsByExecution(GetContextsByExecutionRequest.newBuilder()
              .setExecutionId(step.executionId()).build()).getContextsList())
              .extracting(Context::getName).containsExactlyInAnyOrder("taxi", plan.runId(),
                  "taxi." + step.component().nodeId());
          switch (step.state()) {
            case COMPLETE -> {
              assertThat(step.outputIds()).hasSize(step.component().outputs().size());
              for (long out : step.outputIds()) {
                assertThat(outputProducers.put(out, step.executionId())).isNull();
              }
            }
            case CACHED -> {
              sawCached = true;
              assertThat(step.component().ordinal()).isLessThan(plan.cachedComponents());
              // A cached step's outputs are those an earlier run of the component produced.
              for (long out : step.outputIds()) {
                assertThat(outputProducers).containsKey(out);
              }
            }
            case FAILED -> {
              sawFailed = true;
              assertThat(step.component()).isEqualTo(plan.failed());
              assertThat(step.outputIds()).isEmpty();
            }
            default -> throw new AssertionError("Unexpected state " + step.state());
          }
        }
        assertThat(store.getExecutionsByContext(GetExecutionsByContextRequest.newBuilder()
            .setContextId(run.runContextId()).build()).getExecutionsCount())
            .isEqualTo(run.steps().size());
        assertThat(store.getParentContextsByContext(GetParentContextsByContextRequest.newBuilder()
            .setContextId(run.runContextId()).build()).getContextsList())
            .extracting(Context::getId).containsExactly(run.pipelineContextId());
      }
      assertThat(sawCached).as("seed 42 has a cached step in its first runs").isTrue();
      assertThat(sawFailed).as("seed 42 has a failed step in its first runs").isTrue();

      List<Artifact> all = store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addAllArtifactIds(outputProducers.keySet()).build()).getArtifactsList();
      assertThat(all).hasSize(outputProducers.size()).allSatisfy(a ->
          assertThat(a.getPropertiesCount() + a.getCustomPropertiesCount()).isEqualTo(5));
      long pipeline = workload.pipelineRun(store, RUNS).pipelineContextId();
      assertThat(store.getArtifactsByContext(GetArtifactsByContextRequest.newBuilder()
          .setContextId(pipeline).build()).getArtifactsCount())
          .isGreaterThanOrEqualTo(all.size());
      assertThatThrownBy(() -> workload.pipelineRun(store, 0))
          .isInstanceOf(MlmdException.class)
          .extracting(e -> ((MlmdException) e).code())
          .isEqualTo(MlmdException.Code.ALREADY_EXISTS);
    }
  }

  private static PropertyType kind(Value v) {
    return switch (v.getValueCase()) {
      case INT_VALUE -> PropertyType.INT;
      case DOUBLE_VALUE -> PropertyType.DOUBLE;
      case STRING_VALUE -> PropertyType.STRING;
      default -> PropertyType.UNKNOWN;
    };
  }
}

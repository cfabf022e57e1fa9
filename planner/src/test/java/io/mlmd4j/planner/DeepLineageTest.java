package io.mlmd4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.LqlResult;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.planner.LqlQueryTest.Target;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A walk longer than the 1000 rounds of recursion that MySQL 8 and MariaDB allow by default:
 * a chain of {@value #STEPS} executions, each taking the previous one's output, so that the
 * last artifact is 1,200 hops from the first.
 */
class DeepLineageTest {

  static final int STEPS = 600;

  static List<Target> targets() {
    return LqlQueryTest.targets();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void walksFartherThanAThousandHops(Target target) {
    try (MetadataStore store = target.open()) {
      long artifactType = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Data")).build()).getTypeId();
      long executionType = store.putExecutionType(PutExecutionTypeRequest.newBuilder()
          .setExecutionType(ExecutionType.newBuilder().setName("Step")).build()).getTypeId();
      PutArtifactsRequest.Builder artifacts = PutArtifactsRequest.newBuilder();
      PutExecutionsRequest.Builder executions = PutExecutionsRequest.newBuilder();
      for (int i = 0; i <= STEPS; i++) {
        artifacts.addArtifacts(Artifact.newBuilder().setTypeId(artifactType).setName("a" + i));
      }
      for (int i = 0; i < STEPS; i++) {
        executions.addExecutions(Execution.newBuilder().setTypeId(executionType)
            .setName("x" + i));
      }
      List<Long> a = store.putArtifacts(artifacts.build()).getArtifactIdsList();
      List<Long> x = store.putExecutions(executions.build()).getExecutionIdsList();
      PutEventsRequest.Builder events = PutEventsRequest.newBuilder();
      for (int i = 0; i < STEPS; i++) {
        events.addEvents(Event.newBuilder().setArtifactId(a.get(i)).setExecutionId(x.get(i))
            .setType(Event.Type.INPUT));
        events.addEvents(Event.newBuilder().setArtifactId(a.get(i + 1))
            .setExecutionId(x.get(i)).setType(Event.Type.OUTPUT));
      }
      store.putEvents(events.build());

      String walk = "LINEAGE UPSTREAM OF ARTIFACTS WHERE name = 'a" + STEPS + "'";
      // Only nodes: the walk that carries distances is cut, and run again to the end.
      List<LqlResult.Reached<Artifact>> reached = store.query(walk + " RETURN ARTIFACTS")
          .artifacts("artifacts");
      assertThat(reached).hasSize(STEPS + 1);
      assertThat(reached.get(STEPS).node().getName()).isEqualTo("a0");
      assertThat(reached.get(STEPS).distance()).isEqualTo(2 * STEPS);
      // With events: the walk that returns them.
      LqlResult withEvents = store.query(walk + " RETURN EXECUTIONS, EVENTS");
      assertThat(withEvents.executions("executions")).hasSize(STEPS);
      assertThat(withEvents.events("events")).hasSize(2 * STEPS);
      // A limit past the cut.
      assertThat(store.query(walk + " MAX HOPS 1100 RETURN ARTIFACTS").artifacts("artifacts"))
          .hasSize(551);
    }
  }
}

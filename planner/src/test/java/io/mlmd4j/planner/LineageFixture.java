package io.mlmd4j.planner;

import io.mlmd4j.MetadataStore;
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
import io.mlmd4j.proto.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built pipeline whose lineage answers are worked out by hand in the tests:
 *
 * <pre>
 * e0 ExampleGen -OUTPUT-> a1 Examples -INPUT-> e1 Trainer -OUTPUT-> a2 Model -INPUT-> e2 Pusher
 *                         a4 Schema   -INPUT-> e1                                -OUTPUT-> a3 PushedModel
 * a1 -INPUT-> e3 Evaluator, a2 -INPUT-> e3, e3 -OUTPUT-> a5 Evaluation
 * a6 Examples, alone;  a7 Examples -INPUT-> e4 Trainer -OUTPUT-> a7 (a cycle)
 * e5 Trainer: inputs a1, a4 (like e1, newer);  e6 Trainer: inputs a1, a4, a2
 * </pre>
 *
 * Trainers e1 and e5 are COMPLETE with custom property train_steps 1000 and 2000; e6 FAILED.
 */
final class LineageFixture {

  final Map<String, Long> ids = new HashMap<>();

  LineageFixture(MetadataStore store) {
    Map<String, Long> artifactTypes = new HashMap<>();
    for (String t : List.of("Examples", "Schema", "Model", "PushedModel", "Evaluation")) {
      artifactTypes.put(t, store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName(t)).build()).getTypeId());
    }
    Map<String, Long> executionTypes = new HashMap<>();
    for (String t : List.of("ExampleGen", "Trainer", "Pusher", "Evaluator")) {
      executionTypes.put(t, store.putExecutionType(PutExecutionTypeRequest.newBuilder()
          .setExecutionType(ExecutionType.newBuilder().setName(t)).build()).getTypeId());
    }
    String[][] artifacts = {{"a1", "Examples"}, {"a2", "Model"}, {"a3", "PushedModel"},
        {"a4", "Schema"}, {"a5", "Evaluation"}, {"a6", "Examples"}, {"a7", "Examples"}};
    PutArtifactsRequest.Builder putArtifacts = PutArtifactsRequest.newBuilder();
    for (String[] a : artifacts) {
      putArtifacts.addArtifacts(Artifact.newBuilder().setName(a[0]).setUri("uri/" + a[0])
          .setTypeId(artifactTypes.get(a[1])).setState(Artifact.State.LIVE));
    }
    List<Long> artifactIds = store.putArtifacts(putArtifacts.build()).getArtifactIdsList();
    for (int i = 0; i < artifacts.length; i++) {
      ids.put(artifacts[i][0], artifactIds.get(i));
    }
    String[][] executions = {{"e0", "ExampleGen"}, {"e1", "Trainer"}, {"e2", "Pusher"},
        {"e3", "Evaluator"}, {"e4", "Trainer"}, {"e5", "Trainer"}, {"e6", "Trainer"}};
    PutExecutionsRequest.Builder putExecutions = PutExecutionsRequest.newBuilder();
    for (String[] x : executions) {
      Execution.Builder b = Execution.newBuilder().setName(x[0])
          .setTypeId(executionTypes.get(x[1])).setLastKnownState(Execution.State.COMPLETE);
      if (x[0].equals("e1") || x[0].equals("e5")) {
        b.putCustomProperties("train_steps", Value.newBuilder()
            .setIntValue(x[0].equals("e1") ? 1000 : 2000).build());
      }
      if (x[0].equals("e6")) {
        b.setLastKnownState(Execution.State.FAILED);
      }
      putExecutions.addExecutions(b);
    }
    List<Long> executionIds = store.putExecutions(putExecutions.build()).getExecutionIdsList();
    for (int i = 0; i < executions.length; i++) {
      ids.put(executions[i][0], executionIds.get(i));
    }
    PutEventsRequest.Builder events = PutEventsRequest.newBuilder();
    String[][] edges = {{"a1", "e0", "OUTPUT"}, {"a1", "e1", "INPUT"}, {"a4", "e1", "INPUT"},
        {"a2", "e1", "OUTPUT"}, {"a2", "e2", "INPUT"}, {"a3", "e2", "OUTPUT"},
        {"a1", "e3", "INPUT"}, {"a2", "e3", "INPUT"}, {"a5", "e3", "OUTPUT"},
        {"a7", "e4", "INPUT"}, {"a7", "e4", "OUTPUT"},
        {"a1", "e5", "INPUT"}, {"a4", "e5", "DECLARED_INPUT"},
        {"a1", "e6", "INPUT"}, {"a4", "e6", "INPUT"}, {"a2", "e6", "INPUT"}};
    for (String[] e : edges) {
      events.addEvents(Event.newBuilder().setArtifactId(ids.get(e[0]))
          .setExecutionId(ids.get(e[1])).setType(Event.Type.valueOf(e[2])));
    }
    store.putEvents(events.build());
  }

  long id(String name) {
    return ids.get(name);
  }
}

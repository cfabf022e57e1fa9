package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Association;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** The filter-query items of MLMD's test suites (§7, 101 to 104). */
class FilterQueriesTest extends TckTest {

  static ListOperationOptions filter(String text) {
    return ListOperationOptions.newBuilder().setMaxResultSize(100).setFilterQuery(text).build();
  }

  List<Execution> executions(String filter) {
    return store.getExecutions(GetExecutionsRequest.newBuilder().setOptions(filter(filter))
        .build()).getExecutionsList();
  }

  List<Artifact> artifacts(String filter) {
    return store.getArtifacts(GetArtifactsRequest.newBuilder().setOptions(filter(filter))
        .build()).getArtifactsList();
  }

  List<Context> contexts(String filter) {
    return store.getContexts(GetContextsRequest.newBuilder().setOptions(filter(filter))
        .build()).getContextsList();
  }

  void associate(long contextId, long executionId) {
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAssociations(Association.newBuilder().setContextId(contextId)
            .setExecutionId(executionId)).build());
  }

  @StoreTest
  @DisplayName("#101 quotes inside string literals; '' ends a string and is INVALID_ARGUMENT")
  void specialCharacters() {
    long executionType = put(executionType("name: 'execution_type'"));
    long contextType = put(contextType("name: 'context_type'"));
    long execution = put(execution("type_id: %d name: \"exe_name_with_'\"", executionType))
        .get(0);
    put(execution("type_id: %d name: 'other'", executionType));
    long context = put(context("type_id: %d name: \"context_name_with_'\"", contextType)).get(0);
    associate(context, execution);

    assertThat(executions("name = \"exe_name_with_'\"")).extracting(Execution::getId)
        .containsExactly(execution);
    assertThat(executions("contexts_1.name = \"context_name_with_'\""))
        .extracting(Execution::getId).containsExactly(execution);
    assertThat(executions("name = \"exe_name_with_'\" AND contexts_1.name ="
        + " \"context_name_with_'\"")).extracting(Execution::getId).containsExactly(execution);
    assertFails(Code.INVALID_ARGUMENT, () -> executions("name = 'exe_name_with_''"));
  }

  @StoreTest
  @DisplayName("#102 a string literal that looks like a property path stays a string")
  void stringLooksLikePropertyPath() {
    long executionType = put(executionType("name: 'execution_type'"));
    long contextType = put(contextType("name: 'context_type'"));
    long execution = put(execution("type_id: %d name: 'e'", executionType)).get(0);
    long context = put(context("type_id: %d name: 'properties.component.component'",
        contextType)).get(0);
    associate(context, execution);
    assertThat(executions("(contexts_0.type = 'context_type') AND (contexts_0.name ="
        + " 'properties.component.component')")).extracting(Execution::getId)
        .containsExactly(execution);
  }

  @StoreTest
  @DisplayName("#103 a custom property and LIKE over 200 nodes of each kind: node_2, node_20")
  void propertyAndLikeOverManyNodes() {
    long artifactType = put(artifactType("name: 'artifact_type'"));
    long executionType = put(executionType("name: 'execution_type'"));
    long contextType = put(contextType("name: 'context_type'"));
    List<Artifact> artifacts = new ArrayList<>();
    List<Execution> executions = new ArrayList<>();
    List<Context> contexts = new ArrayList<>();
    String node = "type_id: %d name: 'node_%d' custom_properties { key: 'p' value { int_value:"
        + " %d } }";
    for (int i = 0; i < 200; i++) {
      artifacts.add(artifact(node, artifactType, i, i));
      executions.add(execution(node, executionType, i, i));
      contexts.add(context(node, contextType, i, i));
    }
    put(artifacts.toArray(Artifact[]::new));
    put(executions.toArray(Execution[]::new));
    put(contexts.toArray(Context[]::new));
    String filter = "custom_properties.p.int_value < 21 AND name LIKE 'node_2%'";
    assertThat(artifacts(filter)).extracting(Artifact::getName)
        .containsExactly("node_2", "node_20");
    assertThat(executions(filter)).extracting(Execution::getName)
        .containsExactly("node_2", "node_20");
    assertThat(contexts(filter)).extracting(Context::getName)
        .containsExactly("node_2", "node_20");
  }

  @StoreTest
  @DisplayName("#104 a filter that does not parse is INVALID_ARGUMENT for every kind")
  void invalidSyntax() {
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> artifacts("invalid syntax"))
        .getMessage()).contains("line 1:9");
    assertFails(Code.INVALID_ARGUMENT, () -> executions("invalid syntax"));
    assertFails(Code.INVALID_ARGUMENT, () -> contexts("invalid syntax"));
  }

  @StoreTest
  @DisplayName("(issue item 7) a filter nested more than 100 deep is INVALID_ARGUMENT at the"
      + " level too deep; 100 deep runs")
  void deepNesting() {
    long typeId = put(artifactType("name: 'tck_type'"));
    long id = put(artifact("type_id: %d uri: 'a'", typeId)).get(0);
    for (int depth : new int[] {1_000, 100_000}) {
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> artifacts(
          "(".repeat(depth) + "uri = 'a'" + ")".repeat(depth))).getMessage())
          .contains("line 1:101: nested more than 100 levels deep");
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> artifacts(
          "NOT ".repeat(depth) + "uri = 'a'")).getMessage())
          .contains("line 1:401: nested more than 100 levels deep");
    }
    assertThat(artifacts("(".repeat(100) + "uri = 'a'" + ")".repeat(100)))
        .extracting(Artifact::getId).containsExactly(id);
    assertThat(artifacts("NOT (".repeat(50) + "uri = 'a'" + ")".repeat(50)))
        .extracting(Artifact::getId).containsExactly(id);
  }
}

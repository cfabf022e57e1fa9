package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetExecutionTypeRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.MigrationOptions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Opening a store: the schema and MLMD's built-in types, reopening, bad configs, downgrades. */
class InitTest extends TckTest {

  static final List<String> SIMPLE_ARTIFACT_TYPES =
      List.of("mlmd.Dataset", "mlmd.Model", "mlmd.Metrics", "mlmd.Statistics");
  static final List<String> SIMPLE_EXECUTION_TYPES =
      List.of("mlmd.Train", "mlmd.Transform", "mlmd.Process", "mlmd.Evaluate", "mlmd.Deploy");

  /** Asserts that the nine simple types exist as bare named types, and returns the first id. */
  static void assertSimpleTypes(MetadataStore store) {
    for (String name : SIMPLE_ARTIFACT_TYPES) {
      ArtifactType type = store.getArtifactType(
          GetArtifactTypeRequest.newBuilder().setTypeName(name).build()).getArtifactType();
      assertThat(type.getId()).as(name).isPositive();
      assertThat(without(type, "id")).isEqualTo(artifactType("name: '%s'", name));
    }
    for (String name : SIMPLE_EXECUTION_TYPES) {
      ExecutionType type = store.getExecutionType(
          GetExecutionTypeRequest.newBuilder().setTypeName(name).build()).getExecutionType();
      assertThat(type.getId()).as(name).isPositive();
      assertThat(without(type, "id")).isEqualTo(executionType("name: '%s'", name));
    }
  }

  @StoreTest
  @DisplayName("#1 a new store holds MLMD's nine simple types, and lists none of them")
  void simpleTypesExistAfterOpen() {
    assertSimpleTypes(store);
    assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
        .getArtifactTypesList()).isEmpty();
    assertThat(store.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance())
        .getExecutionTypesList()).isEmpty();
  }

  @StoreTest(reopens = true)
  @DisplayName("#1 opening an initialized store again keeps its types and their ids")
  void reopeningIsIdempotent() {
    long typeId = put(artifactType("name: 'tck_type' properties { key: 'p' value: STRING }"));
    long datasetId = store.getArtifactType(
        GetArtifactTypeRequest.newBuilder().setTypeName("mlmd.Dataset").build())
        .getArtifactType().getId();
    store.close();

    MetadataStore reopened = database.open();
    assertSimpleTypes(reopened);
    assertThat(reopened.getArtifactType(
        GetArtifactTypeRequest.newBuilder().setTypeName("mlmd.Dataset").build())
        .getArtifactType().getId()).isEqualTo(datasetId);
    assertThat(reopened.getArtifactType(
        GetArtifactTypeRequest.newBuilder().setTypeName("tck_type").build()).getArtifactType())
        .isEqualTo(artifactType("id: %d name: 'tck_type' properties { key: 'p' value: STRING }",
            typeId));
    // A third store opened while the second is open sees the same.
    assertSimpleTypes(database.open());
  }

  @StoreTest
  @DisplayName("#2 a connection config that names no backend is refused, every time")
  void unsetConnectionConfigIsRefused() {
    for (int i = 0; i < 3; i++) {
      assertFails(Code.INVALID_ARGUMENT, () -> MetadataStore.open(
          ConnectionConfig.getDefaultInstance(), MigrationOptions.getDefaultInstance()));
    }
  }

  @StoreTest(reopens = true)
  @DisplayName("#4 downgrade: out of range refused; to 0 cancels; reopening needs upgrade")
  void downgradeThenUpgrade() {
    long typeId = put(artifactType("name: 'tck_type'"));
    store.close();

    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> database.open(
        MigrationOptions.newBuilder().setDowngradeToSchemaVersion(999999).build())))
        .hasMessageContaining("MLMD cannot be downgraded to schema_version");

    assertFails(Code.CANCELLED, () -> database.open(
        MigrationOptions.newBuilder().setDowngradeToSchemaVersion(0).build()));

    assertThat(assertFails(Code.FAILED_PRECONDITION,
        () -> database.open(MigrationOptions.getDefaultInstance())))
        .hasMessageContaining("Schema migration is disabled");

    MetadataStore upgraded = database.open(
        MigrationOptions.newBuilder().setEnableUpgradeMigration(true).build());
    assertSimpleTypes(upgraded);
    assertThat(upgraded.getArtifactType(
        GetArtifactTypeRequest.newBuilder().setTypeName("tck_type").build())
        .getArtifactType().getId()).isEqualTo(typeId);
  }
}

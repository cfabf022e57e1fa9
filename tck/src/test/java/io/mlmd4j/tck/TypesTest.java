package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetArtifactTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetArtifactTypesByIDRequest;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.GetArtifactTypesResponse;
import io.mlmd4j.proto.GetContextTypeRequest;
import io.mlmd4j.proto.GetContextTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetContextTypesByIDRequest;
import io.mlmd4j.proto.GetContextTypesRequest;
import io.mlmd4j.proto.GetContextTypesResponse;
import io.mlmd4j.proto.GetExecutionTypeRequest;
import io.mlmd4j.proto.GetExecutionTypesByExternalIdsRequest;
import io.mlmd4j.proto.GetExecutionTypesByIDRequest;
import io.mlmd4j.proto.GetExecutionTypesRequest;
import io.mlmd4j.proto.GetExecutionTypesResponse;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutContextTypeRequest;
import io.mlmd4j.proto.PutExecutionTypeRequest;
import io.mlmd4j.proto.PutTypesRequest;
import io.mlmd4j.proto.PutTypesResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** Types: upsert, evolution flags, versions, base types, lookups and PutTypes. */
class TypesTest extends TckTest {

  // ---------------------------------------------------------------------------------------------
  // Helpers: the three kinds of type, by name and version

  ArtifactType getArtifactType(String name) {
    return store.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name).build())
        .getArtifactType();
  }

  ArtifactType getArtifactType(String name, String version) {
    return store.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName(name)
        .setTypeVersion(version).build()).getArtifactType();
  }

  ExecutionType getExecutionType(String name) {
    return store.getExecutionType(GetExecutionTypeRequest.newBuilder().setTypeName(name).build())
        .getExecutionType();
  }

  ExecutionType getExecutionType(String name, String version) {
    return store.getExecutionType(GetExecutionTypeRequest.newBuilder().setTypeName(name)
        .setTypeVersion(version).build()).getExecutionType();
  }

  ContextType getContextType(String name) {
    return store.getContextType(GetContextTypeRequest.newBuilder().setTypeName(name).build())
        .getContextType();
  }

  ContextType getContextType(String name, String version) {
    return store.getContextType(GetContextTypeRequest.newBuilder().setTypeName(name)
        .setTypeVersion(version).build()).getContextType();
  }

  List<ArtifactType> artifactTypes() {
    return store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
        .getArtifactTypesList();
  }

  List<ExecutionType> executionTypes() {
    return store.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance())
        .getExecutionTypesList();
  }

  List<ContextType> contextTypes() {
    return store.getContextTypes(GetContextTypesRequest.getDefaultInstance())
        .getContextTypesList();
  }

  long putArtifactType(String request) {
    return store.putArtifactType(parse(PutArtifactTypeRequest.getDefaultInstance(), request))
        .getTypeId();
  }

  long putExecutionType(String request) {
    return store.putExecutionType(parse(PutExecutionTypeRequest.getDefaultInstance(), request))
        .getTypeId();
  }

  long putContextType(String request) {
    return store.putContextType(parse(PutContextTypeRequest.getDefaultInstance(), request))
        .getTypeId();
  }

  /** The example type of MLMD's Python tests: properties foo INT, bar STRING, baz DOUBLE. */
  static String exampleType(String name) {
    return "name: '" + name + "' properties { key: 'foo' value: INT }"
        + " properties { key: 'bar' value: STRING } properties { key: 'baz' value: DOUBLE }";
  }

  // ---------------------------------------------------------------------------------------------
  // Put and get

  @StoreTest
  @DisplayName("#5 PutArtifactType then GetArtifactType by name: same id, name and base_type")
  void putArtifactTypeThenGetByName() {
    long id = putArtifactType("all_fields_match: true artifact_type { name: 'tck_type'"
        + " properties { key: 'property_1' value: STRING } base_type: MODEL }");
    assertThat(id).isPositive();
    assertThat(getArtifactType("tck_type")).isEqualTo(artifactType("id: %d name: 'tck_type'"
        + " properties { key: 'property_1' value: STRING } base_type: MODEL", id));
  }

  @StoreTest
  @DisplayName("#6 artifact base_type can't change or go (UNIMPLEMENTED); omitting it is OK")
  void artifactBaseTypeCannotChange() {
    ArtifactType type = artifactType("name: 'tck_type'"
        + " properties { key: 'property_1' value: STRING } base_type: MODEL");
    long id = put(type);
    assertThat(assertFails(Code.UNIMPLEMENTED,
        () -> put(type.toBuilder().setBaseType(ArtifactType.SystemDefinedBaseType.DATASET)
            .build())))
        .hasMessageContaining("base_type update is not supported yet");
    assertThat(put(type.toBuilder().clearBaseType().build())).isEqualTo(id);
    assertThat(assertFails(Code.UNIMPLEMENTED,
        () -> put(type.toBuilder().setBaseType(ArtifactType.SystemDefinedBaseType.UNSET).build())))
        .hasMessageContaining("base_type deletion is not supported yet");
    assertThat(getArtifactType("tck_type")).isEqualTo(type.toBuilder().setId(id).build());
  }

  @StoreTest
  @DisplayName("#6 #58 execution base_type can't be changed or deleted (UNIMPLEMENTED)")
  void executionBaseTypeCannotChange() {
    ExecutionType type = executionType("name: 'tck_type'"
        + " properties { key: 'property_1' value: STRING } base_type: TRAIN");
    long id = put(type);
    assertThat(getExecutionType("tck_type")).isEqualTo(type.toBuilder().setId(id).build());
    assertThat(assertFails(Code.UNIMPLEMENTED, () -> put(
        type.toBuilder().setBaseType(ExecutionType.SystemDefinedBaseType.EVALUATE).build())))
        .hasMessageContaining("base_type update is not supported yet");
    assertThat(put(type.toBuilder().clearBaseType().build())).isEqualTo(id);
    assertThat(assertFails(Code.UNIMPLEMENTED, () -> put(
        type.toBuilder().setBaseType(ExecutionType.SystemDefinedBaseType.UNSET).build())))
        .hasMessageContaining("base_type deletion is not supported yet");
    assertThat(getExecutionType("tck_type")).isEqualTo(type.toBuilder().setId(id).build());
  }

  @StoreTest
  @DisplayName("#7 GetArtifactTypes/GetExecutionTypes list exactly the user's types, in id order")
  void listsHideSimpleTypes() {
    ArtifactType a1 = artifactType(
        "name: 'tck_type_1' properties { key: 'property_1' value: STRING } base_type: DATASET");
    ArtifactType a2 = artifactType(
        "name: 'tck_type_2' properties { key: 'property_2' value: INT } base_type: MODEL");
    a1 = a1.toBuilder().setId(put(a1)).build();
    a2 = a2.toBuilder().setId(put(a2)).build();
    assertThat(artifactTypes()).containsExactly(a1, a2);

    ExecutionType e1 = executionType(
        "name: 'tck_type_1' properties { key: 'property_1' value: STRING }");
    ExecutionType e2 = executionType(
        "name: 'tck_type_2' properties { key: 'property_2' value: INT } base_type: PROCESS");
    e1 = e1.toBuilder().setId(put(e1)).build();
    e2 = e2.toBuilder().setId(put(e2)).build();
    assertThat(executionTypes()).containsExactly(e1, e2);
  }

  @StoreTest
  @DisplayName("#7 GetContextTypes returns the context types in insertion order")
  void contextTypesInInsertionOrder() {
    ContextType c1 = contextType(
        "name: 'tck_type_1' properties { key: 'property_1' value: STRING }");
    ContextType c2 = contextType("name: 'tck_type_2' properties { key: 'property_2' value: INT }");
    c1 = c1.toBuilder().setId(put(c1)).build();
    c2 = c2.toBuilder().setId(put(c2)).build();
    assertThat(store.getContextTypes(GetContextTypesRequest.getDefaultInstance()))
        .isEqualTo(GetContextTypesResponse.newBuilder().addContextTypes(c1).addContextTypes(c2)
            .build());
  }

  @StoreTest
  @DisplayName("#8 Get*Types on an empty store: OK and empty responses")
  void typeListsOfEmptyStore() {
    assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance()))
        .isEqualTo(GetArtifactTypesResponse.getDefaultInstance());
    assertThat(store.getExecutionTypes(GetExecutionTypesRequest.getDefaultInstance()))
        .isEqualTo(GetExecutionTypesResponse.getDefaultInstance());
    assertThat(store.getContextTypes(GetContextTypesRequest.getDefaultInstance()))
        .isEqualTo(GetContextTypesResponse.getDefaultInstance());
  }

  // ---------------------------------------------------------------------------------------------
  // Evolution

  @StoreTest
  @DisplayName("#9 re-put adding a property without can_add_fields: ALREADY_EXISTS, type unchanged")
  void addedPropertyNeedsCanAddFields() {
    ArtifactType stored = artifactType("name: 'tck_type' properties { key: 'p1' value: STRING }");
    long id = put(stored);
    assertFails(Code.ALREADY_EXISTS, () -> put(artifactType("name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } properties { key: 'p2' value: STRING }")));
    assertThat(getArtifactType("tck_type")).isEqualTo(stored.toBuilder().setId(id).build());
  }

  @StoreTest
  @DisplayName("#10 #66 re-put omitting a property without can_omit_fields: ALREADY_EXISTS")
  void omittedPropertyNeedsCanOmitFields() {
    String both = "name: 'tck_type' properties { key: 'p1' value: STRING }"
        + " properties { key: 'p2' value: STRING }";
    String one = "name: 'tck_type' properties { key: 'p1' value: STRING }";
    long artifactTypeId = put(artifactType(both));
    assertFails(Code.ALREADY_EXISTS, () -> put(artifactType(one)));
    assertThat(getArtifactType("tck_type"))
        .isEqualTo(artifactType(both).toBuilder().setId(artifactTypeId).build());

    long executionTypeId = put(executionType(both));
    assertFails(Code.ALREADY_EXISTS, () -> put(executionType(one)));
    assertThat(getExecutionType("tck_type"))
        .isEqualTo(executionType(both).toBuilder().setId(executionTypeId).build());
  }

  @StoreTest
  @DisplayName("#11 #59 re-put retyping a property: ALREADY_EXISTS, even with can_add_fields")
  void changedPropertyTypeIsRefused() {
    long id = putArtifactType("artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }");
    assertFails(Code.ALREADY_EXISTS, () -> putArtifactType(
        "artifact_type { name: 'tck_type' properties { key: 'p1' value: INT } }"));
    assertFails(Code.ALREADY_EXISTS, () -> putArtifactType("can_add_fields: true"
        + " artifact_type { id: " + id + " name: 'tck_type'"
        + " properties { key: 'p1' value: DOUBLE } }"));
    assertThat(getArtifactType("tck_type").getPropertiesMap())
        .containsExactlyEntriesOf(Map.of("p1", PropertyType.STRING));

    putExecutionType("execution_type { name: 'tck_type' properties { key: 'p1' value: STRING } }");
    assertFails(Code.ALREADY_EXISTS, () -> putExecutionType(
        "execution_type { name: 'tck_type' properties { key: 'p1' value: INT } }"));
  }

  @StoreTest
  @DisplayName("#12 #59 re-put with can_add_fields adds the property and keeps the id")
  void canAddFieldsAddsProperty() {
    long id = putArtifactType("artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }");
    assertThat(putArtifactType("can_add_fields: true artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } properties { key: 'p2' value: INT } }"))
        .isEqualTo(id);
    assertThat(getArtifactType("tck_type")).isEqualTo(artifactType("id: %d name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } properties { key: 'p2' value: INT }", id));

    long executionTypeId = putExecutionType("execution_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }");
    // The id in the request is ignored: lookup is by name and version.
    assertThat(putExecutionType("can_add_fields: true execution_type { id: " + executionTypeId
        + " name: 'tck_type' properties { key: 'p1' value: STRING }"
        + " properties { key: 'p2' value: INT } }")).isEqualTo(executionTypeId);
  }

  @StoreTest
  @DisplayName("#13 a type without a name: INVALID_ARGUMENT, as a re-put (id set) or a new one")
  void typeNeedsName() {
    long id = putArtifactType("artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }");
    assertFails(Code.INVALID_ARGUMENT, () -> putArtifactType("can_add_fields: true"
        + " artifact_type { id: " + id + " properties { key: 'p2' value: INT } }"));
    assertFails(Code.INVALID_ARGUMENT,
        () -> put(executionType("properties { key: 'p' value: INT }")));
    assertFails(Code.INVALID_ARGUMENT, () -> put(contextType("name: ''")));
    assertThat(artifactTypes()).hasSize(1);
    assertThat(executionTypes()).isEmpty();
    assertThat(contextTypes()).isEmpty();
  }

  @StoreTest
  @DisplayName("#13 (§4.3) a property of type UNKNOWN is INVALID_ARGUMENT and stores nothing")
  void unknownPropertyTypeIsRefused() {
    assertFails(Code.INVALID_ARGUMENT,
        () -> put(artifactType("name: 'tck_type' properties { key: 'p' value: UNKNOWN }")));
    assertFails(Code.NOT_FOUND, () -> getArtifactType("tck_type"));
  }

  @StoreTest
  @DisplayName("#13 re-put where all stored fields are not matched: ALREADY_EXISTS")
  void reputMustMatchStoredFields() {
    long id = putArtifactType("artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }");
    assertFails(Code.ALREADY_EXISTS, () -> putArtifactType("can_add_fields: true"
        + " artifact_type { id: " + id + " name: 'tck_type'"
        + " properties { key: 'p2' value: INT } }"));
  }

  @StoreTest
  @DisplayName("#14 re-putting an identical type returns the same id")
  void identicalReputSameId() {
    String request = "all_fields_match: true artifact_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } }";
    long id = putArtifactType(request);
    assertThat(putArtifactType(request)).isEqualTo(id);
    assertThat(artifactTypes()).hasSize(1);

    String execution = "execution_type { name: 'tck_type' properties { key: 'p1' value: STRING } }";
    long executionTypeId = putExecutionType(execution);
    assertThat(putExecutionType(execution)).isEqualTo(executionTypeId);
  }

  @StoreTest
  @DisplayName("#15 can_omit_fields: subset OK, unchanged; new properties also need can_add_fields")
  void canOmitFields() {
    ArtifactType stored = artifactType("name: 'tck_type'"
        + " properties { key: 'p1' value: INT } properties { key: 'p2' value: STRING }");
    long id = put(stored);
    ArtifactType want = stored.toBuilder().setId(id).build();

    assertFails(Code.ALREADY_EXISTS, () -> putArtifactType(
        "artifact_type { name: 'tck_type' properties { key: 'p2' value: STRING } }"));
    assertThat(artifactTypes()).containsExactly(want);

    assertThat(putArtifactType("can_omit_fields: true"
        + " artifact_type { name: 'tck_type' properties { key: 'p2' value: STRING } }"))
        .isEqualTo(id);
    assertThat(artifactTypes()).containsExactly(want);

    assertFails(Code.ALREADY_EXISTS, () -> putArtifactType("can_omit_fields: true"
        + " artifact_type { name: 'tck_type' properties { key: 'p3' value: DOUBLE } }"));
    assertThat(artifactTypes()).containsExactly(want);

    assertThat(putArtifactType("can_add_fields: true can_omit_fields: true"
        + " artifact_type { name: 'tck_type' properties { key: 'p3' value: DOUBLE } }"))
        .isEqualTo(id);
    assertThat(artifactTypes()).containsExactly(
        want.toBuilder().putProperties("p3", PropertyType.DOUBLE).build());
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups

  @StoreTest
  @DisplayName("#16 GetArtifactType/GetExecutionType/GetContextType of a missing name: NOT_FOUND")
  void missingTypeIsNotFound() {
    assertFails(Code.NOT_FOUND, () -> getArtifactType("not_found_type"));
    assertFails(Code.NOT_FOUND, () -> getExecutionType("not_found_type"));
    assertFails(Code.NOT_FOUND, () -> getContextType("not_found_type"));
    put(artifactType("name: 'tck_type'"));
    // A type of another kind, or another version, is not a match.
    assertFails(Code.NOT_FOUND, () -> getExecutionType("tck_type"));
    assertFails(Code.NOT_FOUND, () -> getArtifactType("tck_type", "v1"));
  }

  @StoreTest
  @DisplayName("#17 GetArtifactTypesByID: exact type, unknown id skipped, several ids")
  void artifactTypesById() {
    ArtifactType t1 = artifactType("name: 'tck_type_1'"
        + " properties { key: 'property_1' value: STRING } base_type: MODEL");
    ArtifactType t2 = artifactType("name: 'tck_type_2'"
        + " properties { key: 'property_1' value: STRING }");
    t1 = t1.toBuilder().setId(put(t1)).build();
    t2 = t2.toBuilder().setId(put(t2)).build();
    long unknown = t1.getId() + t2.getId() + 100;
    assertThat(artifactTypesById(t1.getId())).containsExactly(t1);
    assertThat(artifactTypesById(unknown)).isEmpty();
    assertThat(artifactTypesById(t1.getId(), t2.getId())).containsExactlyInAnyOrder(t1, t2);
    assertThat(artifactTypesById(unknown, t2.getId())).containsExactly(t2);
  }

  List<ArtifactType> artifactTypesById(Long... ids) {
    return store.getArtifactTypesByID(GetArtifactTypesByIDRequest.newBuilder()
        .addAllTypeIds(List.of(ids)).build()).getArtifactTypesList();
  }

  @StoreTest
  @DisplayName("#17 GetExecutionTypesByID / GetContextTypesByID: exact types, unknown ids skipped")
  void executionAndContextTypesById() {
    ExecutionType e1 = executionType("name: 'tck_type_1'"
        + " properties { key: 'property_1' value: STRING }");
    ExecutionType e2 = executionType("name: 'tck_type_2'"
        + " properties { key: 'property_1' value: STRING } base_type: TRAIN");
    e1 = e1.toBuilder().setId(put(e1)).build();
    e2 = e2.toBuilder().setId(put(e2)).build();
    assertThat(store.getExecutionTypesByID(GetExecutionTypesByIDRequest.newBuilder()
        .addTypeIds(e1.getId()).addTypeIds(e2.getId()).build()).getExecutionTypesList())
        .containsExactlyInAnyOrder(e1, e2);
    assertThat(store.getExecutionTypesByID(GetExecutionTypesByIDRequest.newBuilder()
        .addTypeIds(e2.getId() + 100).build()).getExecutionTypesList()).isEmpty();

    ContextType c = contextType("name: 'tck_type' properties { key: 'property_1' value: STRING }");
    c = c.toBuilder().setId(put(c)).build();
    assertThat(store.getContextTypesByID(GetContextTypesByIDRequest.newBuilder()
        .addTypeIds(c.getId()).addTypeIds(c.getId() + 100).build()).getContextTypesList())
        .containsExactly(c);
  }

  @StoreTest
  @DisplayName("#18 GetArtifactTypesByExternalIds: one, absent (NOT_FOUND), partial, '' (INVALID)")
  void artifactTypesByExternalIds() {
    ArtifactType t1 = artifactType("name: 'tck_type_1' external_id: 'type_external_id_1'"
        + " properties { key: 'property' value: STRING }");
    ArtifactType t2 = artifactType("name: 'tck_type_2' external_id: 'type_external_id_2'"
        + " properties { key: 'property' value: STRING }");
    t1 = t1.toBuilder().setId(put(t1)).build();
    t2 = t2.toBuilder().setId(put(t2)).build();
    assertThat(artifactTypesByExternalIds("type_external_id_1")).containsExactly(t1);
    assertFails(Code.NOT_FOUND, () -> artifactTypesByExternalIds("type_external_id_absent"));
    assertThat(artifactTypesByExternalIds("type_external_id_1", "type_external_id_2"))
        .containsExactlyInAnyOrder(t1, t2);
    assertThat(artifactTypesByExternalIds(
        "type_external_id_1", "type_external_id_2", "type_external_id_absent"))
        .containsExactlyInAnyOrder(t1, t2);
    assertFails(Code.INVALID_ARGUMENT, () -> artifactTypesByExternalIds(""));
  }

  List<ArtifactType> artifactTypesByExternalIds(String... ids) {
    return store.getArtifactTypesByExternalIds(GetArtifactTypesByExternalIdsRequest.newBuilder()
        .addAllExternalIds(List.of(ids)).build()).getArtifactTypesList();
  }

  @StoreTest
  @DisplayName("#18 GetExecutionTypesByExternalIds / GetContextTypesByExternalIds: same rules")
  void executionAndContextTypesByExternalIds() {
    ExecutionType e1 = executionType("name: 'tck_type_1' external_id: 'type_external_id_1'");
    ExecutionType e2 = executionType("name: 'tck_type_2' external_id: 'type_external_id_2'");
    e1 = e1.toBuilder().setId(put(e1)).build();
    e2 = e2.toBuilder().setId(put(e2)).build();
    assertThat(executionTypesByExternalIds("type_external_id_1")).containsExactly(e1);
    assertFails(Code.NOT_FOUND, () -> executionTypesByExternalIds("absent"));
    assertThat(executionTypesByExternalIds("type_external_id_2", "absent", "type_external_id_1"))
        .containsExactlyInAnyOrder(e1, e2);
    assertFails(Code.INVALID_ARGUMENT, () -> executionTypesByExternalIds(""));

    // External ids are unique across all types, whatever their kind.
    ContextType c1 = contextType("name: 'tck_type_1' external_id: 'context_type_id_1'");
    ContextType c2 = contextType("name: 'tck_type_2' external_id: 'context_type_id_2'");
    c1 = c1.toBuilder().setId(put(c1)).build();
    c2 = c2.toBuilder().setId(put(c2)).build();
    assertThat(contextTypesByExternalIds("context_type_id_1")).containsExactly(c1);
    assertFails(Code.NOT_FOUND, () -> contextTypesByExternalIds("type_external_id_1"));
    assertThat(contextTypesByExternalIds("context_type_id_1", "context_type_id_2", "absent"))
        .containsExactlyInAnyOrder(c1, c2);
    assertFails(Code.INVALID_ARGUMENT, () -> contextTypesByExternalIds(""));
  }

  List<ExecutionType> executionTypesByExternalIds(String... ids) {
    return store.getExecutionTypesByExternalIds(GetExecutionTypesByExternalIdsRequest.newBuilder()
        .addAllExternalIds(List.of(ids)).build()).getExecutionTypesList();
  }

  List<ContextType> contextTypesByExternalIds(String... ids) {
    return store.getContextTypesByExternalIds(GetContextTypesByExternalIdsRequest.newBuilder()
        .addAllExternalIds(List.of(ids)).build()).getContextTypesList();
  }

  @StoreTest
  @DisplayName("#18 re-putting a stored type with an external_id sets it; lookup then finds it")
  void reputSetsExternalId() {
    ArtifactType a0 = artifactType(exampleType("tck_type_0"));
    ArtifactType a1 = artifactType(exampleType("tck_type_1"));
    long id0 = put(a0);
    long id1 = put(a1);
    assertThat(store.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanAddFields(true)
        .setArtifactType(a0.toBuilder().setExternalId("artifact_type_0")).build()).getTypeId())
        .isEqualTo(id0);
    assertThat(store.putArtifactType(PutArtifactTypeRequest.newBuilder().setCanAddFields(true)
        .setArtifactType(a1.toBuilder().setExternalId("artifact_type_1")).build()).getTypeId())
        .isEqualTo(id1);
    assertThat(artifactTypesByExternalIds("artifact_type_0", "artifact_type_1"))
        .extracting(ArtifactType::getId).containsExactlyInAnyOrder(id0, id1);

    ExecutionType e = executionType(exampleType("tck_type"));
    long executionTypeId = put(e);
    store.putExecutionType(PutExecutionTypeRequest.newBuilder().setCanAddFields(true)
        .setExecutionType(e.toBuilder().setExternalId("execution_type_0")).build());
    assertThat(executionTypesByExternalIds("execution_type_0"))
        .extracting(ExecutionType::getId).containsExactly(executionTypeId);

    ContextType c = contextType(exampleType("tck_type"));
    long contextTypeId = put(c);
    store.putContextType(PutContextTypeRequest.newBuilder().setCanAddFields(true)
        .setContextType(c.toBuilder().setExternalId("context_type_0")).build());
    assertThat(contextTypesByExternalIds("context_type_0"))
        .extracting(ContextType::getId).containsExactly(contextTypeId);
  }

  @StoreTest
  @DisplayName("(§0.10) a type external_id used by a type of the same kind: ALREADY_EXISTS")
  void duplicateTypeExternalId() {
    put(artifactType("name: 'tck_type_1' external_id: 'same'"));
    assertFails(Code.ALREADY_EXISTS,
        () -> put(artifactType("name: 'tck_type_2' external_id: 'same'")));
    assertFails(Code.NOT_FOUND, () -> getArtifactType("tck_type_2"));
  }

  // ---------------------------------------------------------------------------------------------
  // Versions

  @StoreTest
  @DisplayName("#19 same name without version, version '1' and '2': three types, each by version")
  void versionsAreDistinctTypes() {
    ArtifactType none = artifactType("name: 'tck_type' properties { key: 'p1' value: STRING }");
    ArtifactType v1 = artifactType(
        "name: 'tck_type' version: '1' properties { key: 'p1' value: INT }");
    ArtifactType v2 = artifactType(
        "name: 'tck_type' version: '2' properties { key: 'p1' value: DOUBLE }");
    none = none.toBuilder().setId(put(none)).build();
    v1 = v1.toBuilder().setId(put(v1)).build();
    v2 = v2.toBuilder().setId(put(v2)).build();
    assertThat(List.of(none.getId(), v1.getId(), v2.getId())).doesNotHaveDuplicates();
    assertThat(getArtifactType("tck_type")).isEqualTo(none);
    assertThat(getArtifactType("tck_type", "1")).isEqualTo(v1);
    assertThat(getArtifactType("tck_type", "2")).isEqualTo(v2);
    assertThat(artifactTypes()).containsExactly(none, v1, v2);
  }

  @StoreTest
  @DisplayName("#20 evolving a versioned type needs can_add_fields / can_omit_fields; union stored")
  void evolveVersionedType() {
    ExecutionType first = executionType(
        "name: 'tck_type' version: '1' properties { key: 'p1' value: STRING }");
    long id = put(first);
    assertThat(executionTypes()).containsExactly(first.toBuilder().setId(id).build());

    String added = "name: 'tck_type' version: '1' properties { key: 'p1' value: STRING }"
        + " properties { key: 'p2' value: INT }";
    assertFails(Code.ALREADY_EXISTS, () -> putExecutionType("execution_type {" + added + "}"));
    assertThat(putExecutionType("can_add_fields: true execution_type {" + added + "}"))
        .isEqualTo(id);
    assertThat(executionTypes())
        .containsExactly(executionType(added).toBuilder().setId(id).build());

    String omitted = "name: 'tck_type' version: '1' properties { key: 'p3' value: DOUBLE }";
    assertFails(Code.ALREADY_EXISTS,
        () -> putExecutionType("can_add_fields: true execution_type {" + omitted + "}"));
    assertThat(putExecutionType(
        "can_add_fields: true can_omit_fields: true execution_type {" + omitted + "}"))
        .isEqualTo(id);
    assertThat(executionTypes()).containsExactly(executionType("id: %d name: 'tck_type'"
        + " version: '1' properties { key: 'p1' value: STRING }"
        + " properties { key: 'p2' value: INT } properties { key: 'p3' value: DOUBLE }", id));
  }

  @StoreTest
  @DisplayName("#21 version '' and no version are the same type; read back without a version")
  void emptyVersionIsNoVersion() {
    String p = " properties { key: 'p1' value: STRING }";
    long id1 = put(contextType("name: 'tck_type'" + p));
    assertThat(put(contextType("name: 'tck_type' version: ''" + p))).isEqualTo(id1);
    long id2 = put(contextType("name: 'tck_type_2' version: ''" + p));
    assertThat(put(contextType("name: 'tck_type_2'" + p))).isEqualTo(id2);
    assertThat(contextTypes()).containsExactlyInAnyOrder(
        contextType("id: %d name: 'tck_type'" + p, id1),
        contextType("id: %d name: 'tck_type_2'" + p, id2));
    assertThat(contextTypes()).noneMatch(ContextType::hasVersion);
    assertThat(getContextType("tck_type_2", "")).isEqualTo(
        contextType("id: %d name: 'tck_type_2'" + p, id2));
  }

  @StoreTest
  @DisplayName("#27 put/get with a version for all three kinds; can_add_fields keeps the id")
  void versionedTypesOfAllKinds() {
    String version = "tck_version_1";
    ArtifactType a = artifactType(exampleType("tck_type")).toBuilder().setVersion(version).build();
    long artifactTypeId = put(a);
    assertThat(getArtifactType("tck_type", version)).isEqualTo(a.toBuilder()
        .setId(artifactTypeId).build());
    ArtifactType a2 = a.toBuilder().putProperties("new_property", PropertyType.INT)
        .build();
    assertThat(store.putArtifactType(PutArtifactTypeRequest.newBuilder().setArtifactType(a2)
        .setCanAddFields(true).build()).getTypeId()).isEqualTo(artifactTypeId);
    assertThat(getArtifactType("tck_type", version)).isEqualTo(a2.toBuilder()
        .setId(artifactTypeId).build());

    ExecutionType e = executionType(exampleType("tck_type")).toBuilder().setVersion(version)
        .build();
    long executionTypeId = put(e);
    assertThat(getExecutionType("tck_type", version)).isEqualTo(e.toBuilder()
        .setId(executionTypeId).build());
    ExecutionType e2 = e.toBuilder()
        .putProperties("new_property", PropertyType.INT).build();
    assertThat(store.putExecutionType(PutExecutionTypeRequest.newBuilder().setExecutionType(e2)
        .setCanAddFields(true).build()).getTypeId()).isEqualTo(executionTypeId);
    assertThat(getExecutionType("tck_type", version)).isEqualTo(e2.toBuilder()
        .setId(executionTypeId).build());

    ContextType c = contextType(exampleType("tck_type")).toBuilder().setVersion(version).build();
    long contextTypeId = put(c);
    assertThat(getContextType("tck_type", version)).isEqualTo(c.toBuilder()
        .setId(contextTypeId).build());
    ContextType c2 = c.toBuilder()
        .putProperties("new_property", PropertyType.INT).build();
    assertThat(store.putContextType(PutContextTypeRequest.newBuilder().setContextType(c2)
        .setCanAddFields(true).build()).getTypeId()).isEqualTo(contextTypeId);
    assertThat(getContextType("tck_type", version)).isEqualTo(c2.toBuilder()
        .setId(contextTypeId).build());
    assertFails(Code.NOT_FOUND, () -> getContextType("tck_type"));
  }

  @StoreTest
  @DisplayName("#28 Get*Types return what was put (proto-equal), sorted by id, for all kinds")
  void typeListsEqualWhatWasPut() {
    ArtifactType a1 = artifactType(exampleType("tck_type_1"));
    ArtifactType a2 = artifactType(exampleType("tck_type_2"));
    a1 = a1.toBuilder().setId(put(a1)).build();
    a2 = a2.toBuilder().setId(put(a2)).build();
    assertThat(artifactTypes()).containsExactly(a1, a2);

    ExecutionType e1 = executionType(exampleType("tck_type_1"));
    ExecutionType e2 = executionType(exampleType("tck_type_2"));
    e1 = e1.toBuilder().setId(put(e1)).build();
    e2 = e2.toBuilder().setId(put(e2)).build();
    assertThat(executionTypes()).containsExactly(e1, e2);

    ContextType c1 = contextType(exampleType("tck_type_1"));
    ContextType c2 = contextType(exampleType("tck_type_2"));
    c1 = c1.toBuilder().setId(put(c1)).build();
    c2 = c2.toBuilder().setId(put(c2)).build();
    assertThat(contextTypes()).containsExactly(c1, c2);
  }

  @StoreTest
  @DisplayName("#29 omitted fields on all kinds, without and with version: flags decide")
  void omittedFieldsOnAllKinds() {
    for (String version : new String[] {null, "tck_version"}) {
      String name = version == null ? "tck_type" : "tck_versioned_type";
      String v = version == null ? "" : " version: '" + version + "'";
      String stored = exampleType(name) + v + " properties { key: 'p1' value: INT }";
      String omitting = exampleType(name) + v;
      String omittingAndAdding = omitting + " properties { key: 'p2' value: DOUBLE }";
      String union = stored + " properties { key: 'p2' value: DOUBLE }";

      long a = putArtifactType("artifact_type {" + stored + "}");
      assertFails(Code.ALREADY_EXISTS, () -> putArtifactType("artifact_type {" + omitting + "}"));
      assertThat(putArtifactType("can_omit_fields: true artifact_type {" + omitting + "}"))
          .isEqualTo(a);
      assertFails(Code.ALREADY_EXISTS,
          () -> putArtifactType("artifact_type {" + omittingAndAdding + "}"));
      assertFails(Code.ALREADY_EXISTS, () -> putArtifactType(
          "can_omit_fields: true artifact_type {" + omittingAndAdding + "}"));
      assertThat(putArtifactType("can_add_fields: true can_omit_fields: true artifact_type {"
          + omittingAndAdding + "}")).isEqualTo(a);
      assertThat(version == null ? getArtifactType(name) : getArtifactType(name, version))
          .isEqualTo(artifactType(union).toBuilder().setId(a).build());

      long e = putExecutionType("execution_type {" + stored + "}");
      assertFails(Code.ALREADY_EXISTS, () -> putExecutionType("execution_type {" + omitting + "}"));
      assertThat(putExecutionType("can_omit_fields: true execution_type {" + omitting + "}"))
          .isEqualTo(e);
      assertFails(Code.ALREADY_EXISTS, () -> putExecutionType(
          "can_omit_fields: true execution_type {" + omittingAndAdding + "}"));
      assertThat(putExecutionType("can_add_fields: true can_omit_fields: true execution_type {"
          + omittingAndAdding + "}")).isEqualTo(e);
      assertThat(version == null ? getExecutionType(name) : getExecutionType(name, version))
          .isEqualTo(executionType(union).toBuilder().setId(e).build());

      long c = putContextType("context_type {" + stored + "}");
      assertFails(Code.ALREADY_EXISTS, () -> putContextType("context_type {" + omitting + "}"));
      assertThat(putContextType("can_omit_fields: true context_type {" + omitting + "}"))
          .isEqualTo(c);
      assertFails(Code.ALREADY_EXISTS, () -> putContextType(
          "can_omit_fields: true context_type {" + omittingAndAdding + "}"));
      assertThat(putContextType("can_add_fields: true can_omit_fields: true context_type {"
          + omittingAndAdding + "}")).isEqualTo(c);
      assertThat(version == null ? getContextType(name) : getContextType(name, version))
          .isEqualTo(contextType(union).toBuilder().setId(c).build());
    }
  }

  @StoreTest
  @DisplayName("#26 PutContextType upsert: same id twice; can_add_fields adds; any change refused")
  void contextTypeUpsert() {
    String stored = "name: 'tck_type' properties { key: 'p1' value: STRING }"
        + " properties { key: 'p2' value: INT }";
    long id = putContextType("all_fields_match: true context_type {" + stored + "}");
    assertThat(putContextType("all_fields_match: true context_type {" + stored + "}"))
        .isEqualTo(id);
    String added = stored + " properties { key: 'new_property' value: DOUBLE }";
    assertThat(putContextType("can_add_fields: true context_type {" + added + "}")).isEqualTo(id);

    assertFails(Code.ALREADY_EXISTS, () -> putContextType(
        "context_type {" + added + " properties { key: 'p3' value: DOUBLE } }"));
    assertFails(Code.ALREADY_EXISTS, () -> putContextType(
        "context_type { name: 'tck_type' properties { key: 'p1' value: STRING } }"));
    assertFails(Code.ALREADY_EXISTS, () -> putContextType("context_type { name: 'tck_type'"
        + " properties { key: 'p1' value: STRING } properties { key: 'p2' value: STRING }"
        + " properties { key: 'new_property' value: DOUBLE } }"));
    assertThat(getContextType("tck_type")).isEqualTo(contextType(added).toBuilder().setId(id)
        .build());
  }

  @StoreTest
  @DisplayName("(§2) all_fields_match: false is UNIMPLEMENTED")
  void allFieldsMatchFalseIsUnimplemented() {
    assertThat(assertFails(Code.UNIMPLEMENTED, () -> putArtifactType(
        "all_fields_match: false artifact_type { name: 'tck_type' }")))
        .hasMessageContaining("Must match all fields.");
  }

  // ---------------------------------------------------------------------------------------------
  // PutTypes

  @StoreTest
  @DisplayName("#22 PutTypes: identical entries share an id, different ones don't; all three kinds")
  void putTypesIds() {
    PutTypesResponse response = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'tck_type_1' properties { key: 'p1' value: STRING } }"
        + "artifact_types { name: 'tck_type_1' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'tck_type_1' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'tck_type_2' properties { key: 'p1' value: DOUBLE } }"
        + "context_types { name: 'tck_type_1' properties { key: 'p1' value: INT } }"));
    assertThat(response.getArtifactTypeIdsList()).hasSize(2);
    assertThat(response.getArtifactTypeIds(0)).isEqualTo(response.getArtifactTypeIds(1));
    assertThat(response.getExecutionTypeIdsList()).hasSize(2);
    assertThat(response.getExecutionTypeIds(0)).isNotEqualTo(response.getExecutionTypeIds(1));
    assertThat(response.getContextTypeIdsList()).hasSize(1);
    assertThat(getArtifactType("tck_type_1").getId()).isEqualTo(response.getArtifactTypeIds(0));
    assertThat(getExecutionType("tck_type_1").getId()).isEqualTo(response.getExecutionTypeIds(0));
    assertThat(getExecutionType("tck_type_2").getId()).isEqualTo(response.getExecutionTypeIds(1));
    assertThat(getContextType("tck_type_1")).isEqualTo(contextType(
        "id: %d name: 'tck_type_1' properties { key: 'p1' value: INT }",
        response.getContextTypeIds(0)));
  }

  @StoreTest
  @DisplayName("#23 PutTypes: the first same-name entry's base_type is kept; the second is a no-op")
  void putTypesBaseTypes() {
    PutTypesRequest request = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'tck_type_1' properties { key: 'p1' value: STRING }"
        + "  base_type: MODEL }"
        + "artifact_types { name: 'tck_type_1' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'tck_type_1' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'tck_type_2' properties { key: 'p1' value: DOUBLE }"
        + "  base_type: TRAIN }");
    PutTypesResponse response = store.putTypes(request);
    assertThat(response.getArtifactTypeIds(0)).isEqualTo(response.getArtifactTypeIds(1));
    assertThat(response.getExecutionTypeIds(0)).isNotEqualTo(response.getExecutionTypeIds(1));
    assertThat(getArtifactType("tck_type_1")).isEqualTo(request.getArtifactTypes(0).toBuilder()
        .setId(response.getArtifactTypeIds(0)).build());
    assertThat(getExecutionType("tck_type_2")).isEqualTo(request.getExecutionTypes(1).toBuilder()
        .setId(response.getExecutionTypeIds(1)).build());
    assertThat(getExecutionType("tck_type_1")).isEqualTo(request.getExecutionTypes(0).toBuilder()
        .setId(response.getExecutionTypeIds(0)).build());
  }

  @StoreTest
  @DisplayName("#24 PutTypes with can_add_fields evolves all three kinds, keeping their ids")
  void putTypesEvolves() {
    PutTypesResponse first = store.putTypes(parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'artifact_type' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'execution_type' properties { key: 'p1' value: STRING } }"
        + "context_types { name: 'context_type' properties { key: 'p1' value: STRING } }"));
    String props = " properties { key: 'p1' value: STRING } properties { key: 'p2' value: STRING }";
    PutTypesRequest update = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'artifact_type'" + props + "}"
        + "execution_types { name: 'execution_type'" + props + "}"
        + "context_types { name: 'context_type'" + props + "}"
        + "can_add_fields: true");
    PutTypesResponse second = store.putTypes(update);
    assertThat(second).isEqualTo(first);
    assertThat(getArtifactType("artifact_type")).isEqualTo(update.getArtifactTypes(0).toBuilder()
        .setId(first.getArtifactTypeIds(0)).build());
    assertThat(getExecutionType("execution_type")).isEqualTo(update.getExecutionTypes(0)
        .toBuilder().setId(first.getExecutionTypeIds(0)).build());
    assertThat(getContextType("context_type")).isEqualTo(update.getContextTypes(0).toBuilder()
        .setId(first.getContextTypeIds(0)).build());
  }

  @StoreTest
  @DisplayName("#25 PutTypes failing on any type: ALREADY_EXISTS and no type of the call is stored")
  void putTypesIsAtomic() {
    PutTypesRequest initial = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'artifact_type' properties { key: 'p1' value: STRING } }"
        + "execution_types { name: 'execution_type' properties { key: 'p1' value: STRING } }"
        + "context_types { name: 'context_type' properties { key: 'p1' value: STRING } }");
    PutTypesResponse ids = store.putTypes(initial);
    String props = " properties { key: 'p1' value: STRING } properties { key: 'p2' value: STRING }";
    // A new artifact type comes first, then execution and context types that add a property.
    PutTypesRequest adding = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'new_type'" + props + "}"
        + "execution_types { name: 'execution_type'" + props + "}"
        + "context_types { name: 'context_type'" + props + "}");
    assertFails(Code.ALREADY_EXISTS, () -> store.putTypes(adding));

    String one = " properties { key: 'p2' value: STRING }";
    PutTypesRequest omitting = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'new_type'" + one + "}"
        + "execution_types { name: 'execution_type'" + one + "}"
        + "context_types { name: 'context_type'" + one + "}"
        + "can_add_fields: true");
    assertFails(Code.ALREADY_EXISTS, () -> store.putTypes(omitting));

    String changed = " properties { key: 'p1' value: INT }";
    PutTypesRequest retyping = parse(PutTypesRequest.getDefaultInstance(), ""
        + "artifact_types { name: 'new_type'" + changed + "}"
        + "execution_types { name: 'execution_type'" + changed + "}"
        + "context_types { name: 'context_type'" + changed + "}"
        + "can_add_fields: true");
    assertFails(Code.ALREADY_EXISTS, () -> store.putTypes(retyping));

    assertFails(Code.NOT_FOUND, () -> getArtifactType("new_type"));
    assertThat(artifactTypes()).containsExactly(initial.getArtifactTypes(0).toBuilder()
        .setId(ids.getArtifactTypeIds(0)).build());
    assertThat(executionTypes()).containsExactly(initial.getExecutionTypes(0).toBuilder()
        .setId(ids.getExecutionTypeIds(0)).build());
    assertThat(contextTypes()).containsExactly(initial.getContextTypes(0).toBuilder()
        .setId(ids.getContextTypeIds(0)).build());
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UnknownFieldSet;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactByTypeAndNameRequest;
import io.mlmd4j.proto.GetArtifactsByExternalIdsRequest;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsByIDResponse;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsByURIRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Artifacts: put, update (full and masked), lookups by id, type, name, uri and external id. */
class ArtifactsTest extends TckTest {

  static final String TYPE = "name: 'tck_type' properties { key: 'property' value: STRING }";

  List<Artifact> allArtifacts() {
    return store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
  }

  List<Artifact> byType(String name, String version) {
    GetArtifactsByTypeRequest.Builder request = GetArtifactsByTypeRequest.newBuilder()
        .setTypeName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getArtifactsByType(request.build()).getArtifactsList();
  }

  Artifact byTypeAndName(String type, String version, String name) {
    GetArtifactByTypeAndNameRequest.Builder request = GetArtifactByTypeAndNameRequest.newBuilder()
        .setTypeName(type).setArtifactName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getArtifactByTypeAndName(request.build()).getArtifact();
  }

  List<Artifact> byUris(String... uris) {
    return store.getArtifactsByURI(
        GetArtifactsByURIRequest.newBuilder().addAllUris(List.of(uris)).build())
        .getArtifactsList();
  }

  List<Artifact> byExternalIds(String... ids) {
    return store.getArtifactsByExternalIds(
        GetArtifactsByExternalIdsRequest.newBuilder().addAllExternalIds(List.of(ids)).build())
        .getArtifactsList();
  }

  void putMasked(String request, Object... args) {
    store.putArtifacts(parse(PutArtifactsRequest.getDefaultInstance(), request, args));
  }

  // ---------------------------------------------------------------------------------------------
  // Put and get by id

  @StoreTest
  @DisplayName("#30 PutArtifacts then GetArtifactsByID: the input plus id and type name; no types")
  void putThenGetById() {
    long typeId = put(artifactType(TYPE));
    String template = "type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property' value { string_value: '%s' } }";
    Artifact a1 = artifact(template, typeId, "1");
    Artifact a2 = artifact(template, typeId, "2");
    List<Long> ids = put(a1, a2);
    assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    a1 = a1.toBuilder().setId(ids.get(0)).setType("tck_type").build();

    GetArtifactsByIDResponse response = store.getArtifactsByID(
        GetArtifactsByIDRequest.newBuilder().addArtifactIds(ids.get(0)).build());
    assertThat(without(response.getArtifactsList(), TIMES)).containsExactly(a1);
    assertThat(response.getArtifactTypesList()).isEmpty();
    Artifact stored = response.getArtifacts(0);
    assertThat(stored.getCreateTimeSinceEpoch()).isPositive()
        .isEqualTo(stored.getLastUpdateTimeSinceEpoch());
  }

  @StoreTest
  @DisplayName("#31 GetArtifactsByID: an unknown id is skipped; mixed ids give the known ones")
  void getByIdSkipsUnknown() {
    long typeId = put(artifactType(TYPE));
    Artifact a1 = artifact("type_id: %d uri: 'uri_1'", typeId);
    Artifact a2 = artifact("type_id: %d uri: 'uri_2'", typeId);
    List<Long> ids = put(a1, a2);
    a1 = a1.toBuilder().setId(ids.get(0)).setType("tck_type").build();
    a2 = a2.toBuilder().setId(ids.get(1)).setType("tck_type").build();
    long unknown = ids.get(0) + ids.get(1) + 1;
    GetArtifactsByIDResponse none = store.getArtifactsByID(
        GetArtifactsByIDRequest.newBuilder().addArtifactIds(unknown).build());
    assertThat(none.getArtifactsList()).isEmpty();
    assertThat(none.getArtifactTypesList()).isEmpty();
    assertThat(without(artifactsById(unknown, ids.get(0), ids.get(1)), TIMES))
        .containsExactlyInAnyOrder(a1, a2);
    assertThat(artifactsById()).isEmpty();
  }

  @StoreTest
  @DisplayName("#32 populate_artifact_types: each returned artifact's type once, all its fields")
  void getByIdPopulatesTypes() {
    ArtifactType t1 = artifactType("name: 'tck_type_1' version: 'v1'"
        + " description: 'artifact_type_description' external_id: 'tck_type_1'"
        + " properties { key: 'property_1' value: STRING }");
    ArtifactType t2 = artifactType("name: 'tck_type_2' version: 'v1'"
        + " description: 'artifact_type_description' external_id: 'tck_type_2'"
        + " properties { key: 'property_2' value: STRING }");
    ArtifactType t3 = artifactType("name: 'tck_type_3'");
    t1 = t1.toBuilder().setId(put(t1)).build();
    t2 = t2.toBuilder().setId(put(t2)).build();
    t3 = t3.toBuilder().setId(put(t3)).build();

    String template = "type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property_%d' value { string_value: '%s' } }";
    Artifact a1 = artifact(template, t1.getId(), 1, "1");
    Artifact a2 = artifact(template, t1.getId(), 1, "2");
    List<Long> ids = put(a1, a2);
    GetArtifactsByIDResponse sameType = store.getArtifactsByID(GetArtifactsByIDRequest
        .newBuilder().addAllArtifactIds(ids).setPopulateArtifactTypes(true).build());
    assertThat(without(sameType.getArtifactsList(), TIMES)).containsExactlyInAnyOrder(
        a1.toBuilder().setId(ids.get(0)).setType("tck_type_1").build(),
        a2.toBuilder().setId(ids.get(1)).setType("tck_type_1").build());
    assertThat(sameType.getArtifactTypesList()).containsExactly(t1);

    Artifact b1 = artifact(template, t1.getId(), 1, "1");
    Artifact b2 = artifact(template, t2.getId(), 2, "2");
    Artifact b3 = artifact("type_id: %d uri: 'testuri://testing/uri'", t3.getId());
    List<Long> more = put(b1, b2, b3);
    long unknown = more.get(2) + 100;
    GetArtifactsByIDResponse threeTypes = store.getArtifactsByID(GetArtifactsByIDRequest
        .newBuilder().addArtifactIds(unknown).addAllArtifactIds(more)
        .setPopulateArtifactTypes(true).build());
    assertThat(without(threeTypes.getArtifactsList(), TIMES)).containsExactlyInAnyOrder(
        b1.toBuilder().setId(more.get(0)).setType("tck_type_1").build(),
        b2.toBuilder().setId(more.get(1)).setType("tck_type_2").build(),
        b3.toBuilder().setId(more.get(2)).setType("tck_type_3").build());
    assertThat(threeTypes.getArtifactTypesList()).containsExactlyInAnyOrder(t1, t2, t3);
  }

  @StoreTest
  @DisplayName("#56 artifacts and their types by id: the type's name is the artifact's type")
  void artifactsAndTypesById() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    long id = put(artifact("type_id: %d properties { key: 'foo' value { int_value: 3 } }"
        + " properties { key: 'bar' value { string_value: 'Hello' } }", typeId)).get(0);
    GetArtifactsByIDResponse response = store.getArtifactsByID(GetArtifactsByIDRequest
        .newBuilder().addArtifactIds(id).setPopulateArtifactTypes(true).build());
    assertThat(response.getArtifactsList()).hasSize(1);
    assertThat(response.getArtifactTypesList()).hasSize(1);
    Artifact a = response.getArtifacts(0);
    assertThat(a.getPropertiesOrThrow("bar").getStringValue()).isEqualTo("Hello");
    assertThat(a.getPropertiesOrThrow("foo").getIntValue()).isEqualTo(3);
    assertThat(response.getArtifactTypes(0).getId()).isEqualTo(typeId);
    assertThat(response.getArtifactTypes(0).getName()).isEqualTo(a.getType());
  }

  @StoreTest
  @DisplayName("#33 GetArtifactsByExternalIds: one, absent (NOT_FOUND), several + absent, ''")
  void getByExternalIds() {
    long typeId = put(artifactType(TYPE));
    String template = "type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property' value { string_value: '%s' } } external_id: '%s'";
    Artifact a1 = artifact(template, typeId, "1", "artifact_1");
    Artifact a2 = artifact(template, typeId, "2", "artifact_2");
    List<Long> ids = put(a1, a2);
    a1 = a1.toBuilder().setId(ids.get(0)).setType("tck_type").build();
    a2 = a2.toBuilder().setId(ids.get(1)).setType("tck_type").build();
    assertThat(without(byExternalIds("artifact_1"), TIMES)).containsExactly(a1);
    assertFails(Code.NOT_FOUND, () -> byExternalIds("artifact_absent"));
    assertThat(without(byExternalIds("artifact_1", "artifact_2"), TIMES))
        .containsExactlyInAnyOrder(a1, a2);
    assertThat(without(byExternalIds("artifact_1", "artifact_2", "artifact_absent"), TIMES))
        .containsExactlyInAnyOrder(a1, a2);
    assertFails(Code.INVALID_ARGUMENT, () -> byExternalIds(""));
    assertFails(Code.INVALID_ARGUMENT, () -> byExternalIds("artifact_1", ""));
    assertThat(byExternalIds()).isEmpty();
  }

  @StoreTest
  @DisplayName("#47 properties round-trip; GetArtifacts grows by the two artifacts put")
  void propertiesRoundTrip() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    assertThat(allArtifacts()).isEmpty();
    Artifact a0 = artifact("type_id: %d properties { key: 'foo' value { int_value: 3 } }"
        + " properties { key: 'bar' value { string_value: 'Hello' } }", typeId);
    Artifact a1 = artifact("type_id: %d", typeId);
    List<Long> ids = put(a0, a1);
    List<Artifact> all = allArtifacts();
    assertThat(all).extracting(Artifact::getId).containsExactlyInAnyOrderElementsOf(ids);
    Artifact got = artifactById(ids.get(0));
    assertThat(got.getPropertiesMap()).containsExactlyInAnyOrderEntriesOf(a0.getPropertiesMap());
    assertThat(artifactById(ids.get(1)).getPropertiesMap()).isEmpty();
  }

  @StoreTest
  @DisplayName("#43 (§0.4) an artifact of only a type_id is listed, by type too, and reads uri ''")
  void emptyArtifact() {
    long typeId = put(artifactType("name: 'tck_type'"));
    long id = put(artifact("type_id: %d", typeId)).get(0);
    assertThat(without(allArtifacts(), TIMES))
        .containsExactly(artifact("id: %d type_id: %d type: 'tck_type' uri: ''", id, typeId));
    assertThat(byType("tck_type", null)).extracting(Artifact::getId).containsExactly(id);
    assertThat(byType("not_exist_type", null)).isEmpty();
  }

  @StoreTest
  @DisplayName("#52 two artifacts of one type and name in one put: ALREADY_EXISTS, none stored")
  void duplicateNameInOnePut() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    assertFails(Code.ALREADY_EXISTS, () -> put(
        artifact("type_id: %d name: 'the_same_name'", typeId),
        artifact("type_id: %d name: 'the_same_name'", typeId)));
    assertThat(allArtifacts()).isEmpty();
  }

  @StoreTest
  @DisplayName("(§0.10) an artifact with a name or external_id already stored: ALREADY_EXISTS")
  void duplicateNameOrExternalId() {
    long typeId = put(artifactType("name: 'tck_type'"));
    long otherTypeId = put(artifactType("name: 'tck_other_type'"));
    put(artifact("type_id: %d name: 'a' external_id: 'x'", typeId));
    assertFails(Code.ALREADY_EXISTS, () -> put(artifact("type_id: %d name: 'a'", typeId)));
    assertFails(Code.ALREADY_EXISTS,
        () -> put(artifact("type_id: %d name: 'b' external_id: 'x'", otherTypeId)));
    // The same name under another type, and artifacts without names, are fine.
    put(artifact("type_id: %d name: 'a'", otherTypeId), artifact("type_id: %d", typeId),
        artifact("type_id: %d", typeId));
    assertThat(allArtifacts()).hasSize(4);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  @StoreTest
  @DisplayName("#55 a declared property with an empty Value: 'Found unmatched property type: foo'")
  void emptyValueIsUnmatched() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    Artifact a = artifact("type_id: %d uri: 'testuri'", typeId).toBuilder()
        .putProperties("foo", Value.getDefaultInstance()).build();
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(a)))
        .hasMessageContaining("Found unmatched property type: foo");
    assertThat(allArtifacts()).isEmpty();
  }

  @StoreTest
  @DisplayName("(§4.4) undeclared property, wrong kind, missing or unknown type_id are refused")
  void createValidation() {
    long typeId = put(artifactType(TYPE));
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(artifact(
        "type_id: %d properties { key: 'undeclared' value { string_value: 'x' } }", typeId))))
        .hasMessageContaining("Found unknown property: undeclared");
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(artifact(
        "type_id: %d properties { key: 'property' value { int_value: 1 } }", typeId))))
        .hasMessageContaining("Found unmatched property type: property");
    assertFails(Code.INVALID_ARGUMENT, () -> put(artifact("uri: 'no type'")));
    assertFails(Code.NOT_FOUND, () -> put(artifact("type_id: %d", typeId + 1000)));
    // Custom properties are free-form.
    put(artifact("type_id: %d custom_properties { key: 'any' value { double_value: 1.5 } }",
        typeId));
    assertThat(allArtifacts()).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Updates

  @StoreTest
  @DisplayName("#34 a full update changes a property and adds state; read back equals the request")
  void fullUpdate() {
    long typeId = put(artifactType(TYPE));
    long id = put(artifact("type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property' value { string_value: '3' } }", typeId)).get(0);
    Artifact update = artifact("id: %d type_id: %d uri: 'testuri://testing/uri'"
        + " properties { key: 'property' value { string_value: '2' } } state: LIVE", id, typeId);
    assertThat(put(update)).containsExactly(id);
    assertThat(without(artifactById(id), andTimes("type"))).isEqualTo(update);
  }

  @StoreTest
  @DisplayName("#53 update by id changes and adds properties and external_id; id alone keeps type")
  void updateById() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    long id = put(artifact("type_id: %d properties { key: 'bar' value { string_value: 'Hello' } }",
        typeId)).get(0);
    assertThat(put(artifact("id: %d type_id: %d external_id: 'artifact_2'"
        + " properties { key: 'foo' value { int_value: %d } }"
        + " properties { key: 'bar' value { string_value: 'Goodbye' } }", id, typeId, id)))
        .containsExactly(id);
    Artifact got = artifactById(id);
    assertThat(got.getPropertiesOrThrow("bar").getStringValue()).isEqualTo("Goodbye");
    assertThat(got.getPropertiesOrThrow("foo").getIntValue()).isEqualTo(id);
    assertThat(got.getExternalId()).isEqualTo("artifact_2");

    // An update without type_id keeps the type, and (full replace) clears the rest.
    assertThat(put(artifact("id: %d", id))).containsExactly(id);
    assertThat(without(artifactById(id), TIMES))
        .isEqualTo(artifact("id: %d type_id: %d type: 'tck_type' uri: ''", id, typeId));
  }

  @StoreTest
  @DisplayName("(§4.4) update of an unknown id or with another type_id: INVALID_ARGUMENT")
  void updateValidation() {
    long typeId = put(artifactType(TYPE));
    long otherTypeId = put(artifactType("name: 'tck_other_type'"));
    long id = put(artifact("type_id: %d uri: 'u'", typeId)).get(0);
    assertThat(assertFails(Code.INVALID_ARGUMENT,
        () -> put(artifact("id: %d type_id: %d", id + 100, typeId))))
        .hasMessageContaining("Cannot find the given id");
    assertFails(Code.INVALID_ARGUMENT,
        () -> put(artifact("id: %d type_id: %d uri: 'u'", id, otherTypeId)));
    assertThat(without(artifactById(id), TIMES))
        .isEqualTo(artifact("id: %d type_id: %d type: 'tck_type' uri: 'u'", id, typeId));
  }

  @StoreTest
  @DisplayName("(§0.3) an artifact's name can't change by update; other fields are replaced")
  void nameIsImmutable() {
    long typeId = put(artifactType("name: 'tck_type'"));
    long id = put(artifact("type_id: %d name: 'first' uri: 'u' state: LIVE", typeId)).get(0);
    put(artifact("id: %d type_id: %d name: 'second' uri: 'v'", id, typeId));
    assertThat(without(artifactById(id), TIMES))
        .isEqualTo(artifact("id: %d type_id: %d type: 'tck_type' name: 'first' uri: 'v'",
            id, typeId));
  }

  /** Two artifacts: the first with uri1 and property '3', the second with uri2 only. */
  List<Long> twoArtifactsForMasking(long typeId) {
    return put(
        artifact("type_id: %d uri: 'testuri://testing/uri1'"
            + " properties { key: 'property' value { string_value: '3' } }", typeId),
        artifact("type_id: %d uri: 'testuri://testing/uri2'", typeId));
  }

  @StoreTest
  @DisplayName("#35 masked update {properties.property, state, invalid path}: uri untouched")
  void maskedUpdatePropertyAndState() {
    long typeId = put(artifactType(TYPE));
    List<Long> ids = twoArtifactsForMasking(typeId);
    putMasked("artifacts { id: %d type_id: %d state: LIVE"
        + "  properties { key: 'property' value { string_value: '1' } } }"
        + "artifacts { id: %d type_id: %d state: LIVE"
        + "  properties { key: 'property' value { string_value: '2' } } }"
        + "update_mask { paths: 'properties.property' paths: 'state'"
        + "  paths: 'an_invalid_field_path_having_no_effect' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(artifactsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri1' state: LIVE"
                + " properties { key: 'property' value { string_value: '1' } }",
                    ids.get(0), typeId),
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri2' state: LIVE"
                + " properties { key: 'property' value { string_value: '2' } }",
                    ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#36 masked update {external_id, uri} sets them; properties untouched")
  void maskedUpdateExternalIdAndUri() {
    long typeId = put(artifactType(TYPE));
    List<Long> ids = twoArtifactsForMasking(typeId);
    putMasked("artifacts { id: %d type_id: %d external_id: 'artifact_3'"
        + "  uri: 'testuri://testing/uri3' }"
        + "artifacts { id: %d type_id: %d external_id: 'artifact_4'"
        + "  uri: 'testuri://testing/uri4' }"
        + "update_mask { paths: 'external_id' paths: 'uri' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(artifactsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri3' external_id: 'artifact_3'"
                + " properties { key: 'property' value { string_value: '3' } }",
                    ids.get(0), typeId),
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri4' external_id: 'artifact_4'",
                ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#37 masked property absent from the request is deleted; custom bools round-trip")
  void maskedUpdateDeletesAndAddsProperties() {
    long typeId = put(artifactType(TYPE));
    List<Long> ids = twoArtifactsForMasking(typeId);
    putMasked("artifacts { id: %d type_id: %d"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "artifacts { id: %d type_id: %d"
        + "  custom_properties { key: 'custom_property' value { bool_value: false } } }"
        + "update_mask { paths: 'properties.property'"
        + "  paths: 'custom_properties.custom_property' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(artifactsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri1'"
                + " custom_properties { key: 'custom_property' value { bool_value: true } }",
                ids.get(0), typeId),
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri2'"
                + " custom_properties { key: 'custom_property' value { bool_value: false } }",
                ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#38 a masked put updating one artifact and inserting one: the mask is for updates")
  void maskedUpsert() {
    long typeId = put(artifactType(TYPE));
    long id = put(artifact("type_id: %d uri: 'testuri://testing/uri6'"
        + " custom_properties { key: 'custom_property' value { bool_value: false } }", typeId))
        .get(0);
    PutArtifactsRequest request = parse(PutArtifactsRequest.getDefaultInstance(), ""
        + "artifacts { id: %d type_id: %d external_id: 'artifact_6'"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "artifacts { type_id: %d uri: 'testuri://testing/uri7' external_id: 'artifact_7'"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "update_mask { paths: 'external_id' }", id, typeId, typeId);
    List<Long> ids = store.putArtifacts(request).getArtifactIdsList();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).isEqualTo(id);
    assertThat(without(artifactsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            artifact("id: %d type_id: %d uri: 'testuri://testing/uri6' external_id: 'artifact_6'"
                + " custom_properties { key: 'custom_property' value { bool_value: false } }",
                id, typeId),
            request.getArtifacts(1).toBuilder().setId(ids.get(1)).build());
  }

  @StoreTest
  @DisplayName("#39 a mask of only invalid paths: OK, and the artifact does not change")
  void maskOfInvalidPathsChangesNothing() {
    long typeId = put(artifactType(TYPE));
    long id = put(artifact("type_id: %d uri: 'testuri://testing/uri' external_id: 'artifact_6'"
        + " properties { key: 'property' value { string_value: '3' } }"
        + " custom_properties { key: 'custom_property' value { bool_value: false } }", typeId))
        .get(0);
    Artifact before = artifactById(id);
    putMasked("artifacts { id: %d type_id: %d external_id: 'unimportant_external_id_value'"
        + "  custom_properties { key: 'unimportant_property_key' value { bool_value: true } } }"
        + "update_mask { paths: 'an_invalid_field_path' }", id, typeId);
    assertThat(without(artifactById(id), TIMES)).isEqualTo(without(before, TIMES));
  }

  @StoreTest
  @DisplayName("#54 mask [external_id, properties.foo, custom_properties.hello, '', invalid]")
  void maskedUpdateKeepsUnmaskedProperty() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    long id = put(artifact("type_id: %d uri: 'test_uri'"
        + " properties { key: 'bar' value { string_value: 'Hello' } }", typeId)).get(0);
    putMasked("artifacts { id: %d type_id: %d external_id: 'new_external_id'"
        + "  properties { key: 'foo' value { int_value: %d } }"
        + "  properties { key: 'bar' value { string_value: 'Goodbye' } }"
        + "  custom_properties { key: 'hello' value { string_value: 'World' } } }"
        + "update_mask { paths: 'external_id' paths: 'properties.foo'"
        + "  paths: 'custom_properties.hello' paths: '' paths: 'invalid_field_mask_path' }",
        id, typeId, id);
    assertThat(without(artifactById(id), TIMES)).isEqualTo(artifact(
        "id: %d type_id: %d type: 'tck_type' uri: 'test_uri' external_id: 'new_external_id'"
            + " properties { key: 'foo' value { int_value: %d } }"
            + " properties { key: 'bar' value { string_value: 'Hello' } }"
            + " custom_properties { key: 'hello' value { string_value: 'World' } }",
        id, typeId, id));
  }

  @StoreTest
  @DisplayName("#41 abort_if_latest_updated_time_changed: current time OK; stale replay refused")
  void optimisticUpdate() {
    long typeId = put(artifactType("name: 'tck_type'"));
    put(artifact("type_id: %d", typeId));
    List<Artifact> all = allArtifacts();
    assertThat(all).hasSize(1);
    Artifact stored = all.get(0);
    assertThat(stored.getLastUpdateTimeSinceEpoch()).isPositive();
    PutArtifactsRequest update = PutArtifactsRequest.newBuilder()
        .addArtifacts(stored.toBuilder().setState(Artifact.State.LIVE))
        .setOptions(PutArtifactsRequest.Options.newBuilder()
            .setAbortIfLatestUpdatedTimeChanged(true))
        .build();
    assertThat(store.putArtifacts(update).getArtifactIdsList()).containsExactly(stored.getId());
    Artifact updated = artifactById(stored.getId());
    assertThat(updated.getState()).isEqualTo(Artifact.State.LIVE);
    assertThat(updated.getLastUpdateTimeSinceEpoch())
        .isGreaterThan(stored.getLastUpdateTimeSinceEpoch());

    assertFails(Code.FAILED_PRECONDITION, () -> store.putArtifacts(update));
    assertThat(artifactById(stored.getId())).isEqualTo(updated);
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups by uri, type and name

  @StoreTest
  @DisplayName("#42 GetArtifactsByURI: exact matches, '' for uri-less ones, duplicates deduped")
  void getByUri() {
    long typeId = put(artifactType("name: 'artifact_type'"));
    assertThat(byUris()).isEmpty();
    put(artifact("type_id: %d uri: 'testuri://with_one_artifact'", typeId),
        artifact("type_id: %d uri: 'testuri://with_multiple_artifacts'", typeId),
        artifact("type_id: %d uri: 'testuri://with_multiple_artifacts'", typeId),
        artifact("type_id: %d", typeId),
        artifact("type_id: %d", typeId),
        artifact("type_id: %d", typeId));
    assertThat(byUris("testuri://with_one_artifact")).hasSize(1);
    assertThat(byUris("testuri://with_multiple_artifacts")).hasSize(2)
        .allMatch(a -> a.getUri().equals("testuri://with_multiple_artifacts"));
    assertThat(byUris("")).hasSize(3).allMatch(a -> a.hasUri() && a.getUri().isEmpty());
    assertThat(byUris("unknown_uri")).isEmpty();
    assertThat(byUris("unknown_uri", "testuri://with_one_artifact", "testuri://with_one_artifact",
        "unknown_uri_2", "testuri://with_multiple_artifacts", "")).hasSize(6)
        .extracting(Artifact::getId).doesNotHaveDuplicates();
  }

  @StoreTest
  @DisplayName("#42 GetArtifactsByURI with the deprecated field 1 set: INVALID_ARGUMENT")
  void getByUriDeprecatedField() {
    GetArtifactsByURIRequest request = GetArtifactsByURIRequest.newBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(1, UnknownFieldSet.Field.newBuilder()
                .addLengthDelimited(ByteString.copyFromUtf8("deprecated_uri_field_value"))
                .build())
            .build())
        .build();
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> store.getArtifactsByURI(request)))
        .hasMessageContaining("The request contains deprecated field");
  }

  @StoreTest
  @DisplayName("#51 GetArtifactsByURI returns only the matching artifact; by external ids both")
  void getByUriAndExternalIds() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    List<Long> ids = put(artifact("type_id: %d uri: 'test_uri'", typeId),
        artifact("type_id: %d uri: 'other_uri'", typeId));
    assertThat(byUris("test_uri")).extracting(Artifact::getId).containsExactly(ids.get(0));
    put(artifact("type_id: %d external_id: 'want_artifact_0'", typeId),
        artifact("type_id: %d external_id: 'want_artifact_1'", typeId));
    assertThat(byExternalIds("want_artifact_0", "want_artifact_1"))
        .extracting(Artifact::getExternalId)
        .containsExactlyInAnyOrder("want_artifact_0", "want_artifact_1");
  }

  @StoreTest
  @DisplayName("#44 #49 GetArtifactsByType and ByTypeAndName honour the type version")
  void getByTypeWithVersions() {
    long unversioned = put(artifactType(
        "name: 'tck_type' properties { key: 'test_property' value: STRING }"));
    long v1 = put(artifactType(
        "name: 'tck_type' version: 'v1' properties { key: 'test_property' value: STRING }"));
    Artifact n0 = artifact("type_id: %d name: 'shared_name'"
        + " properties { key: 'test_property' value { string_value: 'foo' } }", unversioned);
    Artifact n1 = artifact("type_id: %d name: 'other_name'"
        + " properties { key: 'test_property' value { string_value: 'bar' } }", v1);
    Artifact n2 = artifact("type_id: %d name: 'shared_name'"
        + " properties { key: 'test_property' value { string_value: 'foo' } }", v1);
    List<Long> ids = put(n0, n1, n2);
    n0 = n0.toBuilder().setId(ids.get(0)).build();
    n1 = n1.toBuilder().setId(ids.get(1)).build();
    n2 = n2.toBuilder().setId(ids.get(2)).build();
    String[] ignored = andTimes("type", "uri");

    assertThat(without(byType("tck_type", null), ignored)).containsExactly(n0);
    assertThat(without(byType("tck_type", "v1"), ignored)).containsExactlyInAnyOrder(n1, n2);
    assertThat(without(byTypeAndName("tck_type", null, "shared_name"), ignored)).isEqualTo(n0);
    assertThat(without(byTypeAndName("tck_type", "v1", "shared_name"), ignored)).isEqualTo(n2);
    assertThat(byType("Unknown_type_name", "Unknown_type_version")).isEmpty();
    assertThat(byType("tck_type", "random_version")).isEmpty();
    assertThat(byType("random_name", "v1")).isEmpty();
    assertThat(byTypeAndName("Unknown_type_name", "Unknown_type_version", "shared_name"))
        .isEqualTo(Artifact.getDefaultInstance());
    assertThat(byTypeAndName("tck_type", "random_version", "shared_name"))
        .isEqualTo(Artifact.getDefaultInstance());
    assertThat(byTypeAndName("tck_type", "v1", "random_name"))
        .isEqualTo(Artifact.getDefaultInstance());
  }

  @StoreTest
  @DisplayName("#49 GetArtifactsByType returns only that type's artifacts")
  void getByTypeOnlyThatType() {
    long t1 = put(artifactType(TypesTest.exampleType("tck_type_1")));
    long t2 = put(artifactType(TypesTest.exampleType("tck_type_2")));
    List<Long> ids = put(artifact("type_id: %d properties { key: 'foo' value { int_value: 3 } }"
        + " properties { key: 'bar' value { string_value: 'Hello' } }", t1),
        artifact("type_id: %d", t2));
    assertThat(byType("tck_type_2", null)).extracting(Artifact::getId)
        .containsExactly(ids.get(1));
  }

  @StoreTest
  @DisplayName("#50 GetArtifactByTypeAndName: found, and unset for unknown type, name or both")
  void getByTypeAndName() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    long id = put(artifact("type_id: %d name: 'tck_artifact'", typeId)).get(0);
    Artifact found = byTypeAndName("tck_type", null, "tck_artifact");
    assertThat(found.getId()).isEqualTo(id);
    assertThat(found.getTypeId()).isEqualTo(typeId);
    assertThat(found.getName()).isEqualTo("tck_artifact");
    assertThat(byTypeAndName("random_name", null, "tck_artifact")).isEqualTo(
        Artifact.getDefaultInstance());
    assertThat(byTypeAndName("tck_type", null, "random_name")).isEqualTo(
        Artifact.getDefaultInstance());
    assertThat(byTypeAndName("random_name", null, "random_name")).isEqualTo(
        Artifact.getDefaultInstance());
  }

  @StoreTest
  @DisplayName("#46 GetArtifactsByType on an empty store, and for a type without artifacts: empty")
  void getByTypeWithoutArtifacts() {
    assertThat(byType("artifact_type", null)).isEmpty();
    put(artifactType("name: 'empty_artifact_type'"));
    assertThat(byType("empty_artifact_type", null)).isEmpty();
  }

  @StoreTest
  @DisplayName("(§0.5) explicitly set state UNKNOWN reads back as set; unset state reads unset")
  void statePresence() {
    long typeId = put(artifactType("name: 'tck_type'"));
    List<Long> ids = put(artifact("type_id: %d state: UNKNOWN", typeId),
        artifact("type_id: %d", typeId));
    assertThat(artifactById(ids.get(0)).hasState()).isTrue();
    assertThat(artifactById(ids.get(0)).getState()).isEqualTo(Artifact.State.UNKNOWN);
    assertThat(artifactById(ids.get(1)).hasState()).isFalse();
  }
  @StoreTest
  @DisplayName("(§3.3) every kind of Value round-trips: int, double, string, struct, proto, bool")
  void valueKindsRoundTrip() {
    long typeId = put(artifactType("name: 'tck_type' properties { key: 'i' value: INT }"
        + " properties { key: 'd' value: DOUBLE } properties { key: 's' value: STRING }"
        + " properties { key: 'st' value: STRUCT } properties { key: 'p' value: PROTO }"
        + " properties { key: 'b' value: BOOLEAN }"));
    Struct struct = Struct.newBuilder()
        .putFields("n", com.google.protobuf.Value.newBuilder().setNumberValue(1.5).build())
        .putFields("t", com.google.protobuf.Value.newBuilder().setStringValue("text").build())
        .putFields("l", com.google.protobuf.Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(com.google.protobuf.Value.newBuilder().setBoolValue(true))).build())
        .build();
    Any proto = Any.pack(artifactType("name: 'packed' properties { key: 'x' value: INT }"));
    Artifact artifact = Artifact.newBuilder().setTypeId(typeId).setUri("u")
        .putProperties("i", Value.newBuilder().setIntValue(-9).build())
        .putProperties("d", Value.newBuilder().setDoubleValue(1.2345).build())
        .putProperties("s", Value.newBuilder().setStringValue("Hello, 'world'").build())
        .putProperties("st", Value.newBuilder().setStructValue(struct).build())
        .putProperties("p", Value.newBuilder().setProtoValue(proto).build())
        .putProperties("b", Value.newBuilder().setBoolValue(false).build())
        .putCustomProperties("ci", Value.newBuilder().setIntValue(2147483647).build())
        .putCustomProperties("cd", Value.newBuilder().setDoubleValue(-0.25).build())
        .putCustomProperties("cs", Value.newBuilder().setStringValue("").build())
        .putCustomProperties("cst", Value.newBuilder().setStructValue(struct).build())
        .putCustomProperties("cp", Value.newBuilder().setProtoValue(proto).build())
        .putCustomProperties("cb", Value.newBuilder().setBoolValue(true).build())
        .build();
    long id = put(artifact).get(0);
    assertThat(without(artifactById(id), andTimes("type")))
        .isEqualTo(artifact.toBuilder().setId(id).build());
  }

  @StoreTest
  @DisplayName("(§4.5) the mask path 'properties' reconciles the whole map; others untouched")
  void maskOfWholePropertyMap() {
    long typeId = put(artifactType(TypesTest.exampleType("tck_type")));
    long id = put(artifact("type_id: %d uri: 'u'"
        + " properties { key: 'foo' value { int_value: 1 } }"
        + " properties { key: 'bar' value { string_value: 'old' } }"
        + " custom_properties { key: 'c' value { int_value: 1 } }", typeId)).get(0);
    putMasked("artifacts { id: %d type_id: %d uri: 'not_masked'"
        + "  properties { key: 'bar' value { string_value: 'new' } }"
        + "  properties { key: 'baz' value { double_value: 2.5 } } }"
        + "update_mask { paths: 'properties' }", id, typeId);
    assertThat(without(artifactById(id), TIMES)).isEqualTo(artifact(
        "id: %d type_id: %d type: 'tck_type' uri: 'u'"
            + " properties { key: 'bar' value { string_value: 'new' } }"
            + " properties { key: 'baz' value { double_value: 2.5 } }"
            + " custom_properties { key: 'c' value { int_value: 1 } }", id, typeId));
  }

  @StoreTest
  @DisplayName("(§0.6) re-putting an artifact as read back changes nothing, not even its time")
  void noOpUpdateKeepsTime() {
    long typeId = put(artifactType(TYPE));
    long id = put(artifact("type_id: %d uri: 'u' state: LIVE external_id: 'x'"
        + " properties { key: 'property' value { string_value: 'v' } }"
        + " custom_properties { key: 'c' value { bool_value: true } }", typeId)).get(0);
    Artifact stored = artifactById(id);
    assertThat(put(stored)).containsExactly(id);
    assertThat(artifactById(id)).isEqualTo(stored);
  }
}

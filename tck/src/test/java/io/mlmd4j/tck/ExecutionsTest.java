package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetExecutionByTypeAndNameRequest;
import io.mlmd4j.proto.GetExecutionsByExternalIdsRequest;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.GetExecutionsRequest;
import io.mlmd4j.proto.PutExecutionsRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Executions: put, update (full and masked), lookups by id, type, name and external id. */
class ExecutionsTest extends TckTest {

  static final String TYPE = "name: 'tck_type' properties { key: 'property' value: STRING }";

  List<Execution> allExecutions() {
    return store.getExecutions(GetExecutionsRequest.getDefaultInstance()).getExecutionsList();
  }

  List<Execution> byType(String name, String version) {
    GetExecutionsByTypeRequest.Builder request = GetExecutionsByTypeRequest.newBuilder()
        .setTypeName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getExecutionsByType(request.build()).getExecutionsList();
  }

  Execution byTypeAndName(String type, String version, String name) {
    GetExecutionByTypeAndNameRequest.Builder request = GetExecutionByTypeAndNameRequest
        .newBuilder().setTypeName(type).setExecutionName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getExecutionByTypeAndName(request.build()).getExecution();
  }

  List<Execution> byExternalIds(String... ids) {
    return store.getExecutionsByExternalIds(
        GetExecutionsByExternalIdsRequest.newBuilder().addAllExternalIds(List.of(ids)).build())
        .getExecutionsList();
  }

  void putMasked(String request, Object... args) {
    store.putExecutions(parse(PutExecutionsRequest.getDefaultInstance(), request, args));
  }

  @StoreTest
  @DisplayName("#57 a full update that omits last_known_state clears it")
  void fullUpdateClearsState() {
    long typeId = put(executionType(TYPE));
    long id = put(execution("type_id: %d last_known_state: RUNNING"
        + " properties { key: 'property' value { string_value: '3' } }", typeId)).get(0);
    Execution update = execution("id: %d type_id: %d"
        + " properties { key: 'property' value { string_value: '2' } }", id, typeId);
    assertThat(put(update)).containsExactly(id);
    Execution got = executionById(id);
    assertThat(without(got, andTimes("type"))).isEqualTo(update);
    assertThat(got.hasLastKnownState()).isFalse();
  }

  @StoreTest
  @DisplayName("#60 GetExecutionsByID: single, unknown, mixed; RUNNING and CANCELED; type set")
  void getById() {
    long typeId = put(executionType(TYPE));
    Execution e1 = execution("type_id: %d last_known_state: RUNNING"
        + " properties { key: 'property' value { string_value: '3' } }", typeId);
    Execution e2 = execution("type_id: %d last_known_state: CANCELED"
        + " properties { key: 'property' value { string_value: '2' } }", typeId);
    List<Long> ids = put(e1, e2);
    e1 = e1.toBuilder().setId(ids.get(0)).setType("tck_type").build();
    e2 = e2.toBuilder().setId(ids.get(1)).setType("tck_type").build();
    long unknown = ids.get(0) + ids.get(1) + 1;
    assertThat(without(executionsById(ids.get(0)), TIMES)).containsExactly(e1);
    assertThat(executionsById(unknown)).isEmpty();
    assertThat(without(executionsById(ids.get(0), ids.get(1), unknown), TIMES))
        .containsExactlyInAnyOrder(e1, e2);
    Execution stored = executionById(ids.get(0));
    assertThat(stored.getCreateTimeSinceEpoch()).isPositive()
        .isEqualTo(stored.getLastUpdateTimeSinceEpoch());
  }

  @StoreTest
  @DisplayName("#68 GetExecutionsByID with no ids: empty")
  void getByNoIds() {
    assertThat(executionsById()).isEmpty();
  }

  @StoreTest
  @DisplayName("#61 GetExecutionsByExternalIds: one, absent (NOT_FOUND), several + absent, ''")
  void getByExternalIds() {
    long typeId = put(executionType(TYPE));
    String template = "type_id: %d properties { key: 'property' value { string_value: '%s' } }"
        + " external_id: '%s'";
    Execution e1 = execution(template, typeId, "1", "execution_1");
    Execution e2 = execution(template, typeId, "2", "execution_2");
    List<Long> ids = put(e1, e2);
    e1 = e1.toBuilder().setId(ids.get(0)).setType("tck_type").build();
    e2 = e2.toBuilder().setId(ids.get(1)).setType("tck_type").build();
    assertThat(without(byExternalIds("execution_1"), TIMES)).containsExactly(e1);
    assertFails(Code.NOT_FOUND, () -> byExternalIds("execution_absent"));
    assertThat(without(byExternalIds("execution_1", "execution_2", "execution_absent"), TIMES))
        .containsExactlyInAnyOrder(e1, e2);
    assertFails(Code.INVALID_ARGUMENT, () -> byExternalIds(""));
  }

  @StoreTest
  @DisplayName("#62 an execution of only a type_id is listed, and by its type; unknown type: empty")
  void emptyExecution() {
    long typeId = put(executionType("name: 'tck_type'"));
    long id = put(execution("type_id: %d", typeId)).get(0);
    assertThat(without(allExecutions(), TIMES))
        .containsExactly(execution("id: %d type_id: %d type: 'tck_type'", id, typeId));
    assertThat(byType("tck_type", null)).extracting(Execution::getId).containsExactly(id);
    assertThat(byType("not_exist_type", null)).isEmpty();
  }

  @StoreTest
  @DisplayName("#46 GetExecutionsByType on an empty store, and for a type without executions")
  void getByTypeWithoutExecutions() {
    assertThat(byType("execution_type", null)).isEmpty();
    put(executionType("name: 'empty_execution_type'"));
    assertThat(byType("empty_execution_type", null)).isEmpty();
  }

  @StoreTest
  @DisplayName("#65 GetExecutionsByType and ByTypeAndName honour the type version")
  void getByTypeWithVersions() {
    long unversioned = put(executionType(
        "name: 'tck_type' properties { key: 'test_property' value: STRING }"));
    long v1 = put(executionType(
        "name: 'tck_type' version: 'v1' properties { key: 'test_property' value: STRING }"));
    Execution n0 = execution("type_id: %d name: 'shared_name'"
        + " properties { key: 'test_property' value { string_value: 'foo' } }", unversioned);
    Execution n1 = execution("type_id: %d name: 'other_name'"
        + " properties { key: 'test_property' value { string_value: 'bar' } }", v1);
    Execution n2 = execution("type_id: %d name: 'shared_name'"
        + " properties { key: 'test_property' value { string_value: 'foo' } }", v1);
    List<Long> ids = put(n0, n1, n2);
    n0 = n0.toBuilder().setId(ids.get(0)).build();
    n1 = n1.toBuilder().setId(ids.get(1)).build();
    n2 = n2.toBuilder().setId(ids.get(2)).build();
    String[] ignored = andTimes("type");

    assertThat(without(byType("tck_type", null), ignored)).containsExactly(n0);
    assertThat(without(byType("tck_type", "v1"), ignored)).containsExactlyInAnyOrder(n1, n2);
    assertThat(without(byTypeAndName("tck_type", null, "shared_name"), ignored)).isEqualTo(n0);
    assertThat(without(byTypeAndName("tck_type", "v1", "shared_name"), ignored)).isEqualTo(n2);
    assertThat(byType("Unknown_type_name", "Unknown_type_version")).isEmpty();
    assertThat(byType("tck_type", "random_version")).isEmpty();
    assertThat(byTypeAndName("Unknown_type_name", "Unknown_type_version", "shared_name"))
        .isEqualTo(Execution.getDefaultInstance());
    assertThat(byTypeAndName("tck_type", "v1", "random_name"))
        .isEqualTo(Execution.getDefaultInstance());
  }

  @StoreTest
  @DisplayName("#67 GetExecutionsByType only that type's; ByTypeAndName found or unset")
  void getByTypeAndName() {
    long t1 = put(executionType(TypesTest.exampleType("tck_type_1")));
    long t2 = put(executionType(TypesTest.exampleType("tck_type_2")));
    List<Long> ids = put(execution("type_id: %d properties { key: 'foo' value { int_value: 3 } }",
        t1), execution("type_id: %d name: 'tck_execution'", t2));
    assertThat(byType("tck_type_2", null)).extracting(Execution::getId)
        .containsExactly(ids.get(1));
    Execution found = byTypeAndName("tck_type_2", null, "tck_execution");
    assertThat(found.getId()).isEqualTo(ids.get(1));
    assertThat(found.getTypeId()).isEqualTo(t2);
    assertThat(found.getName()).isEqualTo("tck_execution");
    assertThat(byTypeAndName("random_name", null, "tck_execution"))
        .isEqualTo(Execution.getDefaultInstance());
    assertThat(byTypeAndName("tck_type_2", null, "random_name"))
        .isEqualTo(Execution.getDefaultInstance());
  }

  @StoreTest
  @DisplayName("#67 two executions of the same type and name in one put: ALREADY_EXISTS")
  void duplicateNameInOnePut() {
    long typeId = put(executionType(TypesTest.exampleType("tck_type")));
    assertFails(Code.ALREADY_EXISTS, () -> put(
        execution("type_id: %d name: 'the_same_name'", typeId),
        execution("type_id: %d name: 'the_same_name'", typeId)));
    assertThat(allExecutions()).isEmpty();
  }

  @StoreTest
  @DisplayName("#67 update by id changes properties and external_id; an id-only update keeps type")
  void updateById() {
    long typeId = put(executionType(TypesTest.exampleType("tck_type")));
    long id = put(execution("type_id: %d properties { key: 'bar' value { string_value: 'Hello' } }",
        typeId)).get(0);
    assertThat(put(execution("id: %d type_id: %d external_id: 'execution_2'"
        + " properties { key: 'foo' value { int_value: 12 } }"
        + " properties { key: 'bar' value { string_value: 'Goodbye' } }", id, typeId)))
        .containsExactly(id);
    Execution got = executionById(id);
    assertThat(got.getPropertiesOrThrow("bar").getStringValue()).isEqualTo("Goodbye");
    assertThat(got.getPropertiesOrThrow("foo").getIntValue()).isEqualTo(12);
    assertThat(got.getExternalId()).isEqualTo("execution_2");
    assertThat(put(execution("id: %d", id))).containsExactly(id);
    assertThat(without(executionById(id), TIMES))
        .isEqualTo(execution("id: %d type_id: %d type: 'tck_type'", id, typeId));
  }

  @StoreTest
  @DisplayName("#67 mask [external_id, properties.foo, custom_properties.hello, '', invalid]")
  void maskedUpdateKeepsUnmaskedProperty() {
    long typeId = put(executionType(TypesTest.exampleType("tck_type")));
    long id = put(execution("type_id: %d properties { key: 'bar' value { string_value: 'Hello' } }",
        typeId)).get(0);
    putMasked("executions { id: %d type_id: %d external_id: 'new_external_id'"
        + "  properties { key: 'foo' value { int_value: %d } }"
        + "  properties { key: 'bar' value { string_value: 'Goodbye' } }"
        + "  custom_properties { key: 'hello' value { string_value: 'World' } } }"
        + "update_mask { paths: 'external_id' paths: 'properties.foo'"
        + "  paths: 'custom_properties.hello' paths: '' paths: 'invalid_field_mask_path' }",
        id, typeId, id);
    assertThat(without(executionById(id), TIMES)).isEqualTo(execution(
        "id: %d type_id: %d type: 'tck_type' external_id: 'new_external_id'"
            + " properties { key: 'foo' value { int_value: %d } }"
            + " properties { key: 'bar' value { string_value: 'Hello' } }"
            + " custom_properties { key: 'hello' value { string_value: 'World' } }",
        id, typeId, id));
  }

  /** Two executions: the first RUNNING with property '3', the second with nothing set. */
  List<Long> twoExecutionsForMasking(long typeId) {
    return put(
        execution("type_id: %d last_known_state: RUNNING"
            + " properties { key: 'property' value { string_value: '3' } }", typeId),
        execution("type_id: %d", typeId));
  }

  @StoreTest
  @DisplayName("#63 masked update {properties.property, last_known_state, invalid path}")
  void maskedUpdatePropertyAndState() {
    long typeId = put(executionType(TYPE));
    List<Long> ids = twoExecutionsForMasking(typeId);
    putMasked("executions { id: %d type_id: %d last_known_state: COMPLETE"
        + "  external_id: 'not_masked'"
        + "  properties { key: 'property' value { string_value: '1' } } }"
        + "executions { id: %d type_id: %d last_known_state: FAILED"
        + "  properties { key: 'property' value { string_value: '2' } } }"
        + "update_mask { paths: 'properties.property' paths: 'last_known_state'"
        + "  paths: 'an_invalid_field_path_having_no_effect' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(executionsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            execution("id: %d type_id: %d last_known_state: COMPLETE"
                + " properties { key: 'property' value { string_value: '1' } }",
                    ids.get(0), typeId),
            execution("id: %d type_id: %d last_known_state: FAILED"
                + " properties { key: 'property' value { string_value: '2' } }",
                    ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#63 masked update {external_id}: set; state and properties untouched")
  void maskedUpdateExternalId() {
    long typeId = put(executionType(TYPE));
    List<Long> ids = twoExecutionsForMasking(typeId);
    putMasked("executions { id: %d type_id: %d external_id: 'execution_3' }"
        + "executions { id: %d type_id: %d external_id: 'execution_4' }"
        + "update_mask { paths: 'external_id' }", ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(executionsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            execution("id: %d type_id: %d last_known_state: RUNNING external_id: 'execution_3'"
                + " properties { key: 'property' value { string_value: '3' } }",
                    ids.get(0), typeId),
            execution("id: %d type_id: %d external_id: 'execution_4'", ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#63 masked property absent from the request is deleted; custom bools added")
  void maskedUpdateDeletesAndAddsProperties() {
    long typeId = put(executionType(TYPE));
    List<Long> ids = twoExecutionsForMasking(typeId);
    putMasked("executions { id: %d type_id: %d"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "executions { id: %d type_id: %d"
        + "  custom_properties { key: 'custom_property' value { bool_value: false } } }"
        + "update_mask { paths: 'properties.property'"
        + "  paths: 'custom_properties.custom_property' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(executionsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            execution("id: %d type_id: %d last_known_state: RUNNING"
                + " custom_properties { key: 'custom_property' value { bool_value: true } }",
                ids.get(0), typeId),
            execution("id: %d type_id: %d"
                + " custom_properties { key: 'custom_property' value { bool_value: false } }",
                ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#63 one masked put that updates one execution and inserts another")
  void maskedUpsert() {
    long typeId = put(executionType(TYPE));
    long id = put(execution("type_id: %d last_known_state: NEW"
        + " custom_properties { key: 'custom_property' value { bool_value: false } }", typeId))
        .get(0);
    PutExecutionsRequest request = parse(PutExecutionsRequest.getDefaultInstance(), ""
        + "executions { id: %d type_id: %d external_id: 'execution_6'"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "executions { type_id: %d last_known_state: RUNNING external_id: 'execution_7'"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "update_mask { paths: 'external_id' }", id, typeId, typeId);
    List<Long> ids = store.putExecutions(request).getExecutionIdsList();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).isEqualTo(id);
    assertThat(without(executionsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            execution("id: %d type_id: %d last_known_state: NEW external_id: 'execution_6'"
                + " custom_properties { key: 'custom_property' value { bool_value: false } }",
                id, typeId),
            request.getExecutions(1).toBuilder().setId(ids.get(1)).build());
  }

  @StoreTest
  @DisplayName("#63 a mask of only invalid paths: OK, and the execution does not change")
  void maskOfInvalidPathsChangesNothing() {
    long typeId = put(executionType(TYPE));
    long id = put(execution("type_id: %d last_known_state: RUNNING external_id: 'execution_6'"
        + " properties { key: 'property' value { string_value: '3' } }", typeId)).get(0);
    Execution before = executionById(id);
    putMasked("executions { id: %d type_id: %d external_id: 'unimportant_external_id_value'"
        + "  custom_properties { key: 'unimportant_property_key' value { bool_value: true } } }"
        + "update_mask { paths: 'an_invalid_field_path' }", id, typeId);
    assertThat(without(executionById(id), TIMES)).isEqualTo(without(before, TIMES));
  }
}

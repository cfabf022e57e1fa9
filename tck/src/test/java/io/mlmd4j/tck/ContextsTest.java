package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.GetContextByTypeAndNameRequest;
import io.mlmd4j.proto.GetContextTypeRequest;
import io.mlmd4j.proto.GetContextTypesByIDRequest;
import io.mlmd4j.proto.GetContextsByExternalIdsRequest;
import io.mlmd4j.proto.GetContextsByTypeRequest;
import io.mlmd4j.proto.GetContextsByTypeResponse;
import io.mlmd4j.proto.GetContextsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import io.mlmd4j.proto.PutContextsRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Contexts: put, update (full and masked, including the name), lookups. */
class ContextsTest extends TckTest {

  static final String TYPE = "name: 'tck_type' properties { key: 'property' value: STRING }";

  List<Context> allContexts() {
    return store.getContexts(GetContextsRequest.getDefaultInstance()).getContextsList();
  }

  List<Context> byType(String name, String version) {
    GetContextsByTypeRequest.Builder request = GetContextsByTypeRequest.newBuilder()
        .setTypeName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getContextsByType(request.build()).getContextsList();
  }

  Context byTypeAndName(String type, String version, String name) {
    GetContextByTypeAndNameRequest.Builder request = GetContextByTypeAndNameRequest.newBuilder()
        .setTypeName(type).setContextName(name);
    if (version != null) {
      request.setTypeVersion(version);
    }
    return store.getContextByTypeAndName(request.build()).getContext();
  }

  List<Context> byExternalIds(String... ids) {
    return store.getContextsByExternalIds(
        GetContextsByExternalIdsRequest.newBuilder().addAllExternalIds(List.of(ids)).build())
        .getContextsList();
  }

  void putMasked(String request, Object... args) {
    store.putContexts(parse(PutContextsRequest.getDefaultInstance(), request, args));
  }

  @StoreTest
  @DisplayName("#82 PutContextType, GetContextType by name, GetContextTypesByID known + unknown")
  void contextTypeRoundTrip() {
    ContextType type = contextType(TypesTest.exampleType("tck_type"));
    long id = put(type);
    type = type.toBuilder().setId(id).build();
    assertThat(store.getContextType(GetContextTypeRequest.newBuilder().setTypeName("tck_type")
        .build()).getContextType()).isEqualTo(type);
    assertThat(store.getContextTypesByID(GetContextTypesByIDRequest.newBuilder()
        .addTypeIds(id).addTypeIds(id + 100).build()).getContextTypesList())
        .containsExactly(type);
  }

  @StoreTest
  @DisplayName("#89 a context without a name, or with '': INVALID_ARGUMENT; nothing stored")
  void contextNeedsName() {
    long typeId = put(contextType(TypesTest.exampleType("tck_type")));
    assertFails(Code.INVALID_ARGUMENT, () -> put(context("type_id: %d", typeId)));
    assertFails(Code.INVALID_ARGUMENT, () -> put(context("type_id: %d name: ''", typeId)));
    assertThat(allContexts()).isEmpty();
  }

  @StoreTest
  @DisplayName("#89 two contexts of the same type and name in one put: ALREADY_EXISTS")
  void duplicateNameInOnePut() {
    long typeId = put(contextType(TypesTest.exampleType("tck_type")));
    assertFails(Code.ALREADY_EXISTS, () -> put(
        context("type_id: %d name: 'the_same_name'", typeId),
        context("type_id: %d name: 'the_same_name'", typeId)));
    assertThat(allContexts()).isEmpty();
    put(context("type_id: %d name: 'the_same_name'", typeId));
    assertFails(Code.ALREADY_EXISTS,
        () -> put(context("type_id: %d name: 'the_same_name'", typeId)));
    assertThat(allContexts()).hasSize(1);
  }

  @StoreTest
  @DisplayName("#90 update: name, external_id and properties change; id + name alone keeps type")
  void updateContext() {
    long typeId = put(contextType(TypesTest.exampleType("tck_type")));
    long id = put(context("type_id: %d name: 'first_name'"
        + " properties { key: 'bar' value { string_value: 'Hello' } }", typeId)).get(0);
    Context update = context("id: %d type_id: %d name: 'second_name' external_id: 'context_2'"
        + " properties { key: 'foo' value { int_value: 12 } }"
        + " properties { key: 'bar' value { string_value: 'Goodbye' } }", id, typeId);
    assertThat(put(update)).containsExactly(id);
    assertThat(without(contextById(id), andTimes("type"))).isEqualTo(update);

    assertThat(put(context("id: %d name: 'context_3'", id))).containsExactly(id);
    assertThat(without(contextById(id), TIMES))
        .isEqualTo(context("id: %d type_id: %d type: 'tck_type' name: 'context_3'", id, typeId));
  }

  @StoreTest
  @DisplayName("#83 custom property kinds may change on update (str/int/double/bool), full update")
  void customPropertyKindsChange() {
    long typeId = put(contextType(
        "name: 'tck_type' properties { key: 'property_str' value: STRING }"));
    long id = put(context("type_id: %d name: 'context_name'"
        + " properties { key: 'property_str' value { string_value: '1' } }"
        + " custom_properties { key: 'str_to_int' value { string_value: '1' } }"
        + " custom_properties { key: 'int_to_str' value { int_value: 1 } }"
        + " custom_properties { key: 'double_to_bool' value { double_value: 1.2345 } }"
        + " custom_properties { key: 'bool_to_double' value { bool_value: true } }", typeId))
        .get(0);
    Context update = context("id: %d type_id: %d name: 'context_name'"
        + " properties { key: 'property_str' value { string_value: '1' } }"
        + " custom_properties { key: 'str_to_int' value { int_value: 1 } }"
        + " custom_properties { key: 'int_to_str' value { string_value: '1' } }"
        + " custom_properties { key: 'double_to_bool' value { bool_value: true } }"
        + " custom_properties { key: 'bool_to_double' value { double_value: 1.2345 } }",
        id, typeId);
    put(update);
    assertThat(without(contextById(id), andTimes("type"))).isEqualTo(update);
  }

  @StoreTest
  @DisplayName("#83 masked custom property kind changes; a declared property's kind can't change")
  void maskedCustomPropertyKindsChange() {
    long typeId = put(contextType(
        "name: 'tck_type' properties { key: 'property_str' value: STRING }"));
    String original = "type_id: %d name: '%s'"
        + " properties { key: 'property_str' value { string_value: '1' } }"
        + " custom_properties { key: 'str_to_int' value { string_value: '1' } }"
        + " custom_properties { key: 'int_to_str' value { int_value: 1 } }"
        + " custom_properties { key: 'double_to_bool' value { double_value: 1.2345 } }"
        + " custom_properties { key: 'bool_to_double' value { bool_value: true } }";
    long id = put(context(original, typeId, "context_name2")).get(0);
    putMasked("contexts { id: %d type_id: %d"
        + "  custom_properties { key: 'str_to_int' value { int_value: 1 } }"
        + "  custom_properties { key: 'int_to_str' value { string_value: '1' } }"
        + "  custom_properties { key: 'double_to_bool' value { bool_value: true } }"
        + "  custom_properties { key: 'bool_to_double' value { double_value: 1.2345 } } }"
        + "update_mask { paths: 'custom_properties.str_to_int'"
        + "  paths: 'custom_properties.int_to_str' }", id, typeId);
    assertThat(without(contextById(id), andTimes("type"))).isEqualTo(context("id: %d"
        + " type_id: %d name: 'context_name2'"
        + " properties { key: 'property_str' value { string_value: '1' } }"
        + " custom_properties { key: 'str_to_int' value { int_value: 1 } }"
        + " custom_properties { key: 'int_to_str' value { string_value: '1' } }"
        + " custom_properties { key: 'double_to_bool' value { double_value: 1.2345 } }"
        + " custom_properties { key: 'bool_to_double' value { bool_value: true } }", id, typeId));

    long id3 = put(context(original, typeId, "context_name3")).get(0);
    Context before = contextById(id3);
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> putMasked("contexts { id: %d type_id: %d"
        + "  properties { key: 'property_str' value { int_value: 1 } } }"
        + "update_mask { paths: 'properties.property_str' }", id3, typeId)))
        .hasMessageContaining("unmatched property type");
    assertThat(contextById(id3)).isEqualTo(before);
  }

  /** Two contexts: the first with property '1', the second without properties. */
  List<Long> twoContextsForMasking(long typeId) {
    return put(
        context("type_id: %d name: 'context_name_old_1'"
            + " properties { key: 'property' value { string_value: '1' } }", typeId),
        context("type_id: %d name: 'context_name_old_2'", typeId));
  }

  @StoreTest
  @DisplayName("#84 masked update {properties.property, name, invalid path}: name is updated")
  void maskedUpdateOfName() {
    long typeId = put(contextType(TYPE));
    List<Long> ids = twoContextsForMasking(typeId);
    putMasked("contexts { id: %d type_id: %d name: 'context_1' external_id: 'not_masked'"
        + "  properties { key: 'property' value { string_value: '1' } } }"
        + "contexts { id: %d type_id: %d name: 'context_2'"
        + "  properties { key: 'property' value { string_value: '2' } } }"
        + "update_mask { paths: 'properties.property' paths: 'name'"
        + "  paths: 'an_invalid_field_path_having_no_effect' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(contextsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            context("id: %d type_id: %d name: 'context_1'"
                + " properties { key: 'property' value { string_value: '1' } }",
                    ids.get(0), typeId),
            context("id: %d type_id: %d name: 'context_2'"
                + " properties { key: 'property' value { string_value: '2' } }",
                    ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#84 masked update {external_id, name}: both set, properties untouched")
  void maskedUpdateOfExternalIdAndName() {
    long typeId = put(contextType(TYPE));
    List<Long> ids = twoContextsForMasking(typeId);
    putMasked("contexts { id: %d type_id: %d external_id: 'context_3' name: 'context_3' }"
        + "contexts { id: %d type_id: %d external_id: 'context_4' name: 'context_4' }"
        + "update_mask { paths: 'external_id' paths: 'name' }",
        ids.get(0), typeId, ids.get(1), typeId);
    assertThat(without(contextsById(ids.get(0), ids.get(1)), andTimes("type")))
        .containsExactlyInAnyOrder(
            context("id: %d type_id: %d name: 'context_3' external_id: 'context_3'"
                + " properties { key: 'property' value { string_value: '1' } }",
                    ids.get(0), typeId),
            context("id: %d type_id: %d name: 'context_4' external_id: 'context_4'",
                ids.get(1), typeId));
  }

  @StoreTest
  @DisplayName("#84 masked property deletion and custom property; invalid-only mask is a no-op")
  void maskedPropertiesAndInvalidMask() {
    long typeId = put(contextType(TYPE));
    List<Long> ids = twoContextsForMasking(typeId);
    putMasked("contexts { id: %d type_id: %d"
        + "  custom_properties { key: 'custom_property' value { bool_value: true } } }"
        + "update_mask { paths: 'properties.property'"
        + "  paths: 'custom_properties.custom_property' }", ids.get(0), typeId);
    Context expected = context("id: %d type_id: %d name: 'context_name_old_1'"
        + " custom_properties { key: 'custom_property' value { bool_value: true } }",
        ids.get(0), typeId);
    assertThat(without(contextById(ids.get(0)), andTimes("type"))).isEqualTo(expected);

    putMasked("contexts { id: %d type_id: %d name: 'unimportant_name'"
        + "  external_id: 'unimportant_external_id_value'"
        + "  custom_properties { key: 'unimportant_property_key' value { bool_value: true } } }"
        + "update_mask { paths: 'an_invalid_field_path' }", ids.get(0), typeId);
    assertThat(without(contextById(ids.get(0)), andTimes("type"))).isEqualTo(expected);
  }

  @StoreTest
  @DisplayName("#86 PutContexts updating two, inserting one; ByID, ByType (paged), GetContexts")
  void updateAndInsertThenLookups() {
    long typeId = put(contextType(TYPE));
    long type2Id = put(contextType("name: 'type2_name'"));
    List<Long> ids = put(
        context("type_id: %d name: 'context1'"
            + " properties { key: 'property' value { string_value: '1' } }", typeId),
        context("type_id: %d name: 'context2'"
            + " custom_properties { key: 'custom' value { int_value: 2 } }", typeId));
    Context c1 = context("id: %d type_id: %d type: 'tck_type' name: 'context1'"
        + " properties { key: 'property' value { string_value: '2' } }", ids.get(0), typeId);
    Context c2 = context("id: %d type_id: %d type: 'tck_type' name: 'context2'"
        + " custom_properties { key: 'custom' value { int_value: 3 } }", ids.get(1), typeId);
    Context c3 = context("type_id: %d type: 'type2_name' name: 'context3'", type2Id);
    List<Long> updated = put(c1, c2, c3);
    assertThat(updated).hasSize(3);
    assertThat(updated.subList(0, 2)).isEqualTo(ids);
    c3 = c3.toBuilder().setId(updated.get(2)).build();
    long unknown = updated.get(0) + updated.get(1) + updated.get(2) + 1;

    assertThat(without(contextsById(c1.getId()), TIMES)).containsExactly(c1);
    assertThat(without(contextsById(c1.getId(), c2.getId(), unknown), TIMES))
        .containsExactlyInAnyOrder(c1, c2);
    assertThat(contextsById(unknown)).isEmpty();
    assertThat(without(byType("type2_name", null), TIMES)).containsExactly(c3);

    GetContextsByTypeRequest paged = GetContextsByTypeRequest.newBuilder()
        .setTypeName("tck_type")
        .setOptions(ListOperationOptions.newBuilder().setMaxResultSize(1))
        .build();
    GetContextsByTypeResponse page1 = store.getContextsByType(paged);
    assertThat(without(page1.getContextsList(), TIMES)).containsExactly(c1);
    assertThat(page1.getNextPageToken()).isNotEmpty();
    GetContextsByTypeResponse page2 = store.getContextsByType(paged.toBuilder()
        .setOptions(paged.getOptions().toBuilder().setNextPageToken(page1.getNextPageToken()))
        .build());
    assertThat(without(page2.getContextsList(), TIMES)).containsExactly(c2);
    assertThat(page2.getNextPageToken()).isEmpty();

    assertThat(without(allContexts(), TIMES)).containsExactlyInAnyOrder(c1, c2, c3);
  }

  @StoreTest
  @DisplayName("#87 GetContextsByExternalIds: one, absent (NOT_FOUND), several + absent, ''")
  void getByExternalIds() {
    long typeId = put(contextType(TYPE));
    Context c1 = context("type_id: %d name: 'c1' external_id: 'context_1'", typeId);
    Context c2 = context("type_id: %d name: 'c2' external_id: 'context_2'", typeId);
    List<Long> ids = put(c1, c2);
    c1 = c1.toBuilder().setId(ids.get(0)).setType("tck_type").build();
    c2 = c2.toBuilder().setId(ids.get(1)).setType("tck_type").build();
    assertThat(without(byExternalIds("context_1"), TIMES)).containsExactly(c1);
    assertFails(Code.NOT_FOUND, () -> byExternalIds("context_absent"));
    assertThat(without(byExternalIds("context_1", "context_2", "context_absent"), TIMES))
        .containsExactlyInAnyOrder(c1, c2);
    assertFails(Code.INVALID_ARGUMENT, () -> byExternalIds(""));
  }

  @StoreTest
  @DisplayName("#86 #91 GetContextsByType and ByTypeAndName with versions; unknowns empty")
  void getByTypeWithVersions() {
    long unversioned = put(contextType(
        "name: 'tck_type' properties { key: 'test_property' value: STRING }"));
    long v1 = put(contextType(
        "name: 'tck_type' version: 'v1' properties { key: 'test_property' value: STRING }"));
    Context n0 = context("type_id: %d name: 'shared_name'"
        + " properties { key: 'test_property' value { string_value: 'foo' } }", unversioned);
    Context n1 = context("type_id: %d name: 'other_name'"
        + " properties { key: 'test_property' value { string_value: 'bar' } }", v1);
    Context n2 = context("type_id: %d name: 'shared_name'"
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
    assertThat(byTypeAndName("Unknown_type_name", "Unknown_type_version", "shared_name"))
        .isEqualTo(Context.getDefaultInstance());
    assertThat(byTypeAndName("tck_type", null, "random_name"))
        .isEqualTo(Context.getDefaultInstance());
    assertThat(byTypeAndName("random_name", null, "shared_name"))
        .isEqualTo(Context.getDefaultInstance());
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.Context;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.GetArtifactByTypeAndNameRequest;
import io.mlmd4j.proto.GetArtifactTypeRequest;
import io.mlmd4j.proto.GetArtifactsByExternalIdsRequest;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsByURIRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetContextByTypeAndNameRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.Value;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * What is written reads back exactly, or is refused with INVALID_ARGUMENT, the same way on every
 * backend: doubles, structs, protos and strings at the edges of what the backends hold.
 */
class ValuesTest extends TckTest {

  private long typeId;

  private void typed() {
    typeId = put(artifactType("name: 'T' properties { key: 'd' value: DOUBLE }"
        + " properties { key: 's' value: STRUCT }"));
  }

  private static Value number(double d) {
    return Value.newBuilder().setDoubleValue(d).build();
  }

  private static Value struct(Struct s) {
    return Value.newBuilder().setStructValue(s).build();
  }

  /** A struct {@code levels} structs deep: {k: {k: ... {leaf: 1}}}. */
  private static Struct nested(int levels) {
    Struct s = Struct.newBuilder().putFields("leaf",
        com.google.protobuf.Value.newBuilder().setNumberValue(1).build()).build();
    for (int i = 1; i < levels; i++) {
      s = Struct.newBuilder().putFields("k",
          com.google.protobuf.Value.newBuilder().setStructValue(s).build()).build();
    }
    return s;
  }

  private List<Artifact> all() {
    return store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList();
  }

  @StoreTest
  @DisplayName("NaN and ±Infinity are refused with INVALID_ARGUMENT, declared or custom, new or"
      + " updated; nothing is written")
  void nonFiniteDoublesAreRefused() {
    typed();
    long id = put(artifact("type_id: %d properties { key: 'd' value { double_value: 1.5 } }",
        typeId)).get(0);
    Artifact before = artifactById(id);
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY}) {
      Artifact declared = Artifact.newBuilder().setTypeId(typeId).putProperties("d", number(d))
          .build();
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(declared)))
          .hasMessageContaining("property 'd' of a new artifact").hasMessageContaining("" + d);
      Artifact custom = Artifact.newBuilder().setTypeId(typeId)
          .putCustomProperties("c", number(d)).build();
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(custom)))
          .hasMessageContaining("custom property 'c'");
      Artifact update = before.toBuilder().putProperties("d", number(d)).build();
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(update)))
          .hasMessageContaining("of artifact " + id);
    }
    assertThat(all()).containsExactly(before);
  }

  @StoreTest
  @DisplayName("Finite doubles at the edges of the range read back exactly")
  void extremeDoublesRoundTrip() {
    typed();
    double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 0.1,
        1.0 / 3, -2.5e-10, 0.0};
    for (double d : values) {
      long id = put(Artifact.newBuilder().setTypeId(typeId).putProperties("d", number(d))
          .build()).get(0);
      assertThat(artifactById(id).getPropertiesOrThrow("d").getDoubleValue()).isEqualTo(d);
    }
  }

  @StoreTest
  @DisplayName("A struct as deep as protobuf parses reads back; a deeper one is refused with"
      + " INVALID_ARGUMENT and listings keep working")
  void structDepth() {
    typed();
    long id = put(Artifact.newBuilder().setTypeId(typeId)
        .putProperties("s", struct(nested(33))).build()).get(0);
    assertThat(artifactById(id).getPropertiesOrThrow("s").getStructValue())
        .isEqualTo(nested(33));
    for (int levels : new int[] {34, 40}) {
      Artifact deep = Artifact.newBuilder().setTypeId(typeId)
          .putCustomProperties("deep", struct(nested(levels))).build();
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(deep)))
          .hasMessageContaining("custom property 'deep'").hasMessageContaining("struct");
    }
    // Lists nest two messages more per level than structs.
    Struct listed = nested(1);
    for (int i = 0; i < 25; i++) {
      listed = Struct.newBuilder().putFields("l", com.google.protobuf.Value.newBuilder()
          .setListValue(ListValue.newBuilder().addValues(com.google.protobuf.Value.newBuilder()
              .setStructValue(listed))).build()).build();
    }
    Artifact deepList = Artifact.newBuilder().setTypeId(typeId)
        .putProperties("s", struct(listed)).build();
    assertFails(Code.INVALID_ARGUMENT, () -> put(deepList));
    assertThat(all()).extracting(Artifact::getId).containsExactly(id);
    assertThat(store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
        .setTypeName("T").build()).getArtifactsList()).hasSize(1);
  }

  @StoreTest
  @DisplayName("A proto value without type_url is refused with INVALID_ARGUMENT (it is not read"
      + " back)")
  void protoWithoutTypeUrl() {
    typed();
    Artifact a = Artifact.newBuilder().setTypeId(typeId).putCustomProperties("p", Value
        .newBuilder().setProtoValue(Any.newBuilder().setValue(ByteString.copyFromUtf8("x")))
        .build()).build();
    assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(a)))
        .hasMessageContaining("type_url");
    assertThat(all()).isEmpty();
  }

  @StoreTest
  @DisplayName("A lone UTF-16 surrogate in any string is refused with INVALID_ARGUMENT; surrogate"
      + " pairs read back")
  void loneSurrogatesAreRefused() {
    typed();
    String lone = "bad\uD800name";
    List<Artifact> refused = List.of(
        Artifact.newBuilder().setTypeId(typeId).setName(lone).build(),
        Artifact.newBuilder().setTypeId(typeId).setUri("x\uDC00").build(),
        Artifact.newBuilder().setTypeId(typeId).setExternalId("\uD800").build(),
        Artifact.newBuilder().setTypeId(typeId).putCustomProperties(lone, number(1)).build(),
        Artifact.newBuilder().setTypeId(typeId)
            .putCustomProperties("v", Value.newBuilder().setStringValue(lone).build()).build(),
        Artifact.newBuilder().setTypeId(typeId).putProperties("s", struct(Struct.newBuilder()
            .putFields("k", com.google.protobuf.Value.newBuilder().setStringValue(lone).build())
            .build())).build());
    for (Artifact a : refused) {
      MlmdException e = assertFails(Code.INVALID_ARGUMENT, () -> put(a));
      assertThat(e).hasMessageContaining("surrogate");
    }
    assertThat(assertFails(Code.INVALID_ARGUMENT,
        () -> put(ArtifactType.newBuilder().setName(lone).build())))
        .hasMessageContaining("\\uD800 at index 3");
    long contextType = put(contextType("name: 'C'"));
    assertFails(Code.INVALID_ARGUMENT, () -> put(Context.newBuilder().setTypeId(contextType)
        .setName("c\uDBFF").build()));
    assertFails(Code.INVALID_ARGUMENT, () -> store.getContextByTypeAndName(
        GetContextByTypeAndNameRequest.newBuilder().setTypeName("C").setContextName("c\uDBFF")
            .build()));
    assertThat(all()).isEmpty();

    String emoji = "model \uD83D\uDE80";
    long id = put(Artifact.newBuilder().setTypeId(typeId).setName(emoji).setUri(emoji)
        .putCustomProperties(emoji, Value.newBuilder().setStringValue(emoji).build()).build())
        .get(0);
    Artifact back = artifactById(id);
    assertThat(back.getName()).isEqualTo(emoji);
    assertThat(back.getCustomPropertiesOrThrow(emoji).getStringValue()).isEqualTo(emoji);
  }

  @StoreTest
  @DisplayName("A lone surrogate in an event's path key is refused with INVALID_ARGUMENT")
  void loneSurrogateInEventPath() {
    typed();
    long artifact = put(Artifact.newBuilder().setTypeId(typeId).build()).get(0);
    long execution = put(execution("type_id: %d", put(executionType("name: 'E'")))).get(0);
    Event event = Event.newBuilder().setArtifactId(artifact).setExecutionId(execution)
        .setType(Event.Type.INPUT).setPath(Event.Path.newBuilder().addSteps(
            Event.Path.Step.newBuilder().setKey("k\uD800"))).build();
    assertFails(Code.INVALID_ARGUMENT,
        () -> store.putEvents(PutEventsRequest.newBuilder().addEvents(event).build()));
  }

  @StoreTest
  @DisplayName("Names, uris and external ids that differ by trailing spaces or case are different"
      + " (a database mlmd4j creates on MySQL compares exactly, as SQLite does)")
  void trailingSpacesAndCaseDiffer() {
    long t1 = put(artifactType("name: 'T'"));
    long t2 = put(artifactType("name: 'T '"));
    long t3 = put(artifactType("name: 't'"));
    assertThat(List.of(t1, t2, t3)).doesNotHaveDuplicates();
    assertThat(store.getArtifactType(GetArtifactTypeRequest.newBuilder().setTypeName("T ")
        .build()).getArtifactType().getId()).isEqualTo(t2);

    List<Long> ids = put(artifact("type_id: %d name: 'a' uri: 'u' external_id: 'e'", t1),
        artifact("type_id: %d name: 'a ' uri: 'u ' external_id: 'e '", t1),
        artifact("type_id: %d name: 'A' uri: 'U' external_id: 'E'", t1));
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(store.getArtifactByTypeAndName(GetArtifactByTypeAndNameRequest.newBuilder()
        .setTypeName("T").setArtifactName("a ").build()).getArtifact().getId())
        .isEqualTo(ids.get(1));
    assertThat(store.getArtifactsByURI(GetArtifactsByURIRequest.newBuilder().addUris("u ")
        .build()).getArtifactsList()).extracting(Artifact::getId).containsExactly(ids.get(1));
    assertThat(store.getArtifactsByExternalIds(GetArtifactsByExternalIdsRequest.newBuilder()
        .addExternalIds("e").build()).getArtifactsList()).extracting(Artifact::getId)
        .containsExactly(ids.get(0));

    long c = put(contextType("name: 'C'"));
    List<Long> contexts = put(context("type_id: %d name: 'c'", c),
        context("type_id: %d name: 'c '", c));
    assertThat(contexts).doesNotHaveDuplicates();
    assertThat(store.getContextByTypeAndName(GetContextByTypeAndNameRequest.newBuilder()
        .setTypeName("C").setContextName("c ").build()).getContext().getId())
        .isEqualTo(contexts.get(1));
  }
}

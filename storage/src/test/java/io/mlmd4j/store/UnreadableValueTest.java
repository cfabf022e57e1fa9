package io.mlmd4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactsByIDRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.StoreDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stored value that cannot be read (another program wrote it, or it was damaged) fails the
 * read with INTERNAL, as in MLMD, and the error names the node and the property; the other nodes
 * still read.
 */
class UnreadableValueTest {

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void theErrorNamesTheNodeAndProperty(Backend backend) {
    try (StoreDatabase db = StoreDatabase.fresh(backend);
        MetadataStore store = MetadataStore.open(db.url())) {
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("T")).build()).getTypeId();
      Value struct = Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build();
      Value number = Value.newBuilder().setDoubleValue(0.5).build();
      List<Long> ids = store.putArtifacts(PutArtifactsRequest.newBuilder()
          .addArtifacts(Artifact.newBuilder().setTypeId(type).putCustomProperties("s", struct))
          .addArtifacts(Artifact.newBuilder().setTypeId(type).putCustomProperties("s", struct))
          .addArtifacts(Artifact.newBuilder().setTypeId(type).putCustomProperties("d", number))
          .build()).getArtifactIdsList();

      db.execute("UPDATE ArtifactProperty SET string_value = 'mlmd-struct::not base64!'"
          + " WHERE artifact_id = " + ids.get(1));
      assertThatThrownBy(() -> store.getArtifacts(GetArtifactsRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(MlmdException.class, e -> {
            assertThat(e.code()).isEqualTo(MlmdException.Code.INTERNAL);
            assertThat(e.getMessage()).contains("artifact " + ids.get(1))
                .contains("custom property 's'").contains("struct");
          });

      // A NaN that an older writer left as NULL on SQLite: no value in any column.
      db.execute("UPDATE ArtifactProperty SET string_value = 'mlmd-struct::'"
          + " WHERE artifact_id = " + ids.get(1),
          "UPDATE ArtifactProperty SET double_value = NULL WHERE artifact_id = " + ids.get(2));
      assertThatThrownBy(() -> store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addAllArtifactIds(ids).build()))
          .isInstanceOfSatisfying(MlmdException.class, e -> assertThat(e.getMessage())
              .contains("artifact " + ids.get(2)).contains("custom property 'd'")
              .contains("no value"));
      assertThat(store.getArtifactsByID(GetArtifactsByIDRequest.newBuilder()
          .addArtifactIds(ids.get(0)).addArtifactIds(ids.get(1)).build()).getArtifactsList())
          .hasSize(2);
    }
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.Value;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;

/**
 * A request beyond a limit of the backend fails with INVALID_ARGUMENT (a value its column cannot
 * hold) or RESOURCE_EXHAUSTED (a statement too large), saying which limit, never INTERNAL; and
 * nothing of it is written.
 */
class LimitsTest extends TckTest {

  @StoreTest
  @DisplayName("LQL with 1,000 start sets: SQLite's 500 terms of a compound SELECT are"
      + " RESOURCE_EXHAUSTED; MySQL runs it")
  void lqlWithManyStartSets() {
    long type = put(artifactType("name: 'T'"));
    long id = put(artifact("type_id: %d", type)).get(0);
    String lql = "LINEAGE OF " + String.join(", ",
        Collections.nCopies(1000, "ARTIFACTS WHERE id = " + id)) + " RETURN ARTIFACTS";
    if (database.backend() == Backend.MYSQL) {
      assertThat(store.query(lql).artifacts("artifacts")).hasSize(1);
    } else {
      assertThat(assertFails(Code.RESOURCE_EXHAUSTED, () -> store.query(lql)))
          .hasMessageContaining("limit of SQLite")
          .hasMessageContaining("too many terms in compound SELECT");
    }
  }

  @StoreTest
  @DisplayName("A 20 MB string: SQLite stores it; MySQL's MEDIUMTEXT (16 MiB) refuses it with"
      + " INVALID_ARGUMENT naming the column")
  void twentyMegabyteString() {
    long type = put(artifactType("name: 'T'"));
    String big = "x".repeat(20_000_000);
    Artifact a = Artifact.newBuilder().setTypeId(type)
        .putCustomProperties("big", Value.newBuilder().setStringValue(big).build()).build();
    if (database.backend() == Backend.MYSQL) {
      assertThat(assertFails(Code.INVALID_ARGUMENT, () -> put(a)))
          .hasMessageContaining("string_value");
      assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance()).getArtifactsList())
          .isEmpty();
    } else {
      long id = put(a).get(0);
      assertThat(artifactById(id).getCustomPropertiesOrThrow("big").getStringValue())
          .isEqualTo(big);
    }
  }
}

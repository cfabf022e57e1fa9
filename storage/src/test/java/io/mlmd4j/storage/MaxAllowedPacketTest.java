package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A write larger than the MySQL server's {@code max_allowed_packet} is RESOURCE_EXHAUSTED naming
 * that limit, and writes nothing. The test starts a server of its own with a small limit.
 */
class MaxAllowedPacketTest {

  @Test
  void aRequestAboveMaxAllowedPacketIsResourceExhausted() {
    String server = TestDatabases.startEmbeddedMariaDb("--max_allowed_packet=1M");
    String url = server.replace("/?", "/" + TestDatabases.freshDatabaseName() + "?");
    try (MetadataStore store = MetadataStore.open(url)) {
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("T")).build()).getTypeId();
      PutArtifactsRequest request = PutArtifactsRequest.newBuilder().addArtifacts(
          Artifact.newBuilder().setTypeId(type).putCustomProperties("big",
              Value.newBuilder().setStringValue("x".repeat(2_000_000)).build())).build();
      assertThatThrownBy(() -> store.putArtifacts(request))
          .isInstanceOfSatisfying(MlmdException.class, e -> {
            assertThat(e.code()).isEqualTo(MlmdException.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getMessage()).contains("max_allowed_packet");
          });
      assertThat(store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
          .getArtifactsList()).isEmpty();
    }
  }
}

package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * MLMD's MySQL config with no host: the server's Unix socket. The test starts an embedded
 * server of its own, since only there is the socket known.
 */
class MySqlSocketTest {

  @Test
  void opensAStoreOverTheServersUnixSocket() {
    String server = TestDatabases.startEmbeddedMariaDb();
    String socket = TestDatabases.socketOf(server);
    String url = "jdbc:mlmd:mysql:///" + TestDatabases.freshDatabaseName() + "?user=root&socket="
        + socket;
    try (MetadataStore store = MetadataStore.open(url)) {
      store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Model")).build());
      assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
          .getArtifactTypesList()).extracting(ArtifactType::getName).containsExactly("Model");
    }
  }

  @Test
  void aMissingSocketIsUnavailableNamingIt() {
    String url = "jdbc:mlmd:mysql:///db?user=root&socket=/nonexistent/mysqld.sock";
    assertThatThrownBy(() -> MetadataStore.open(url))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(MlmdException.Code.UNAVAILABLE);
          assertThat(e.getMessage()).contains("/nonexistent/mysqld.sock");
        });
  }
}

package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calcite's character set is UTF-8 whichever way into Calcite a JVM takes first: a store's
 * filter query or the driver. Each order runs in a fresh JVM ({@link CharsetOrderProbe}), as
 * Calcite reads the setting once per JVM.
 */
class CalciteCharsetTest {

  @ParameterizedTest
  @ValueSource(strings = {"store-first", "driver-first"})
  void literalsOutsideLatin1WorkInEitherOrder(String order) throws Exception {
    String url = "jdbc:mlmd:sqlite:" + TestDatabases.tempDir().resolve("store.sqlite");
    try (MetadataStore store = MetadataStore.open(url)) {
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Charset")).build()).getTypeId();
      store.putArtifacts(PutArtifactsRequest.newBuilder().addArtifacts(Artifact.newBuilder()
          .setTypeId(type).setName(CharsetOrderProbe.NAME)).build());
    }
    Path out = TestDatabases.tempDir().resolve("probe.txt");
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CharsetOrderProbe.class.getName(), url,
        order).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> printed = Files.readAllLines(out);
    assertThat(p.exitValue()).as(String.join("\n", printed)).isZero();
    assertThat(printed).contains("filter 1", "sql 1");
  }
}

package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.jdbc.impl.SqlErrors;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.testing.TestDatabases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Results larger than the client's heap: a JVM with a 96 MB heap reads 360,000 rows of two
 * 200-character URIs (about 150 MB as the rows arrive) through the driver from SQLite and from
 * MySQL, both handing out rows as they are read; and a query that does need the whole result in
 * the JVM fails saying that the client ran out of memory.
 */
class LargeResultTest {

  private static final int ARTIFACTS = 600;
  private static final String HEAP = "-Xmx96m";
  /** Every pair of artifacts: ARTIFACTS squared rows, computed by the database. */
  private static final String PAIRS = "SELECT a.uri, b.uri FROM artifacts a CROSS JOIN artifacts b";

  private static final Map<Backend, String> STORES = new EnumMap<>(Backend.class);

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void aResultLargerThanTheHeapIsReadRowByRow(Backend backend) throws Exception {
    String output = readInSmallHeap(store(backend), PAIRS);
    assertThat(output).contains("rows " + ARTIFACTS * ARTIFACTS);
  }

  /**
   * An aggregate the database cannot compute (COLLECT) holds every row in the JVM: the error
   * says that the client ran out of memory, with the SQLState of a memory allocation error.
   */
  @Test
  void runningOutOfMemoryInTheClientIsSaid() throws Exception {
    String output = readInSmallHeap(store(Backend.SQLITE),
        "SELECT COLLECT(a.uri || b.uri) FROM artifacts a CROSS JOIN artifacts b");
    assertThat(output).contains("HY001 The client ran out of memory")
        .doesNotContain("The database failed");
  }

  /**
   * Connector/J reports running out of memory while reading a result as a failed query (SQLState
   * S1000 or HY001, message "Java heap space"), the OutOfMemoryError as its cause.
   */
  @Test
  void aBackendDriversOutOfMemoryIsTheClients() {
    SQLException connectorJ = new SQLException("Java heap space", "S1000",
        new OutOfMemoryError("Java heap space"));
    SQLException reported = SqlErrors.translate(new SQLException("Error while executing SQL",
        connectorJ));
    assertThat(reported.getSQLState()).isEqualTo("HY001");
    assertThat(reported.getMessage()).startsWith(
        "The client ran out of memory running the query (Java heap space)");
  }

  private static synchronized String store(Backend backend) throws SQLException {
    String url = STORES.get(backend);
    if (url == null) {
      url = TestDatabases.freshStoreUrl(backend);
      try (Connection c = DriverManager.getConnection(url)) {
        MetadataStore store = c.unwrap(MetadataStore.class);
        long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
            .setArtifactType(ArtifactType.newBuilder().setName("Blob")).build()).getTypeId();
        PutArtifactsRequest.Builder put = PutArtifactsRequest.newBuilder();
        for (int i = 0; i < ARTIFACTS; i++) {
          put.addArtifacts(Artifact.newBuilder().setTypeId(type)
              .setUri(String.format("/data/%05d/", i) + "x".repeat(188)));
        }
        store.putArtifacts(put.build());
      }
      STORES.put(backend, url);
    }
    return url;
  }

  /** What {@link Reader} prints, run in a JVM of its own with a small heap. */
  private static String readInSmallHeap(String url, String sql) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), HEAP, "-cp", System.getProperty("java.class.path"),
        Reader.class.getName(), url, sql).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor()).as(output).isZero();
    return output;
  }

  /**
   * Runs a query and prints how many rows it read ({@code rows N}), or its error's SQLState and
   * message.
   */
  public static final class Reader {
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection(args[0]);
          Statement s = c.createStatement()) {
        long rows = 0;
        try (ResultSet rs = s.executeQuery(args[1])) {
          while (rs.next()) {
            rows++;
          }
          System.out.println("rows " + rows);
        } catch (SQLException e) {
          System.out.println(e.getSQLState() + " " + e.getMessage());
        }
      }
    }
  }
}

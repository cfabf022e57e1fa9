package io.mlmd4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.FakeDatabaseConfig;
import io.mlmd4j.proto.MigrationOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {

  @TempDir
  Path cache;

  @Test
  void copiesTheJarsLibraryOnceAndKeepsIt() throws Exception {
    Path library = SqliteNativeLibrary.cachedCopy(cache).orElseThrow();
    assertThat(library).startsWith(cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()));
    assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());
    assertThat(Files.list(library.getParent())).containsExactly(library); // no partial left

    FileTime earlier = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(library, earlier);
    assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(earlier);
  }

  @Test
  void replacesACopyOfTheWrongSize() throws Exception {
    Path library = SqliteNativeLibrary.cachedCopy(cache).orElseThrow();
    Files.write(library, new byte[] {1, 2, 3});
    assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(library);
    assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());
  }

  @Test
  void noCopyWhereTheCacheCannotBeWritten() throws Exception {
    Path file = Files.writeString(cache.resolve("a-file"), "not a directory");
    assertThat(SqliteNativeLibrary.cachedCopy(file)).isEmpty();
  }

  /**
   * A fresh JVM opening a store maps the copy in its cache ({@code XDG_CACHE_HOME} here), not
   * a temporary file: Linux lists a process's mapped files in /proc/self/maps.
   */
  @Test
  void aFreshJvmLoadsTheCachedCopy() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"), Probe.class.getName())
        .redirectErrorStream(true);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    Process p = builder.start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).contains("mapped: " + cache.resolve("mlmd4j"));
  }

  /** Opens a fake store and prints the sqlite-jdbc libraries this process maps. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      try (MetadataStore store = MetadataStore.open(new ConnectionSettings(ConnectionConfig
          .newBuilder().setFakeDatabase(FakeDatabaseConfig.getDefaultInstance()).build(),
          MigrationOptions.getDefaultInstance()))) {
        Files.readAllLines(Path.of("/proc/self/maps")).stream()
            .filter(l -> l.contains(LibraryLoaderUtil.getNativeLibName()))
            .map(l -> "mapped: " + l.substring(l.indexOf('/'))).distinct()
            .forEach(System.out::println);
      }
    }
  }

  private static byte[] jarsLibrary() throws Exception {
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/"
            + LibraryLoaderUtil.getNativeLibName())) {
      return in.readAllBytes();
    }
  }
}

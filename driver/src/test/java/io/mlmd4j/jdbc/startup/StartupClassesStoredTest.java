package io.mlmd4j.jdbc.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupClassesStoredTest {

  @Test
  void readsBinaryNamesFromADumpedClassList() {
    List<String> dumped = List.of(
        "# NOTE: Do not modify this file.",
        "#",
        "java/lang/Object id: 0",
        "io/mlmd4j/jdbc/Driver",
        "org/apache/calcite/sql/SqlNode$1",
        "@lambda-proxy java/lang/invoke/LambdaForm$DMH invoke",
        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.Invokers$Holder linkToTargetMethod L_L",
        "",
        "io/mlmd4j/jdbc/Driver");
    assertThat(StartupClassesStored.classNames(dumped)).containsExactly("java.lang.Object",
        "io.mlmd4j.jdbc.Driver", "org.apache.calcite.sql.SqlNode$1");
  }

  @Test
  void storesTheNamedClassesOnly(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("test.jar");
    byte[] listedBytes = "listed class bytes ".repeat(50).getBytes(StandardCharsets.UTF_8);
    byte[] otherBytes = "other class bytes ".repeat(50).getBytes(StandardCharsets.UTF_8);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(out, "a/Listed.class", listedBytes);
      put(out, "a/Other.class", otherBytes);
    }

    int stored = StartupClassesStored.storeUncompressed(jar,
        List.of("java.lang.Object", "a.Listed"));

    assertThat(stored).isEqualTo(1);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry listed = zip.getEntry("a/Listed.class");
      assertThat(listed.getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(zip.getInputStream(listed).readAllBytes()).isEqualTo(listedBytes);
      ZipEntry other = zip.getEntry("a/Other.class");
      assertThat(other.getMethod()).isEqualTo(ZipEntry.DEFLATED);
      assertThat(zip.getInputStream(other).readAllBytes()).isEqualTo(otherBytes);
      assertThat(zip.size()).isEqualTo(2);
    }
  }

  private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}

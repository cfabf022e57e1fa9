package io.mlmd4j.jdbc.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The classes of a first query, stored uncompressed in the self-contained jar by its build. */
class StartupClassesStoredIT {

  @Test
  void storesTheClassesOfPlanningAndCompressesTheRest() throws Exception {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String name : List.of("io.mlmd4j.jdbc.Driver",
          "org.apache.calcite.sql.parser.impl.SqlParserImpl",
          "org.apache.calcite.sql.validate.SqlValidatorImpl",
          "org.apache.calcite.sql.validate.JoinScope",
          "org.apache.calcite.plan.volcano.VolcanoPlanner",
          "io.mlmd4j.shaded.com.google.common.collect.ImmutableList", "org.sqlite.JDBC")) {
        ZipEntry entry = zip.getEntry(name.replace('.', '/') + ".class");
        assertThat(entry.getMethod()).as(name).isEqualTo(ZipEntry.STORED);
      }
      long stored = zip.stream()
          .filter(e -> e.getName().endsWith(".class") && e.getMethod() == ZipEntry.STORED)
          .count();
      assertThat(stored).isBetween(3000L, 6000L);
      assertThat(zip.getEntry("org/apache/calcite/sql/dialect/OracleSqlDialect.class")
          .getMethod()).as("a class no first query loads").isEqualTo(ZipEntry.DEFLATED);
    }
  }
}

package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.tree.Primitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory of saved plans: where it is, who may read it, and files it cannot use. */
class SavedPlansTest {

  @Test
  void keysDependOnEveryPartAndTheirBoundaries() {
    assertThat(SavedPlans.key("a", "bc")).hasSize(64)
        .isEqualTo(SavedPlans.key("a", "bc"))
        .isNotEqualTo(SavedPlans.key("ab", "c"))
        .isNotEqualTo(SavedPlans.key("a", "bd"));
  }

  @Test
  void aFileItCannotReadIsNoPlan(@TempDir Path dir) throws IOException {
    SavedPlans plans = new SavedPlans(dir, 10);
    String key = SavedPlans.key("SELECT 1");
    assertThat(plans.read(key, null, null)).isNull();
    Files.write(dir.resolve(key), new byte[] {0, 0, 0, 1, 0, 42});
    assertThat(plans.read(key, null, null)).isNull();
  }

  @Test
  void keepsTheMostRecentlyUsedWhenFull(@TempDir Path dir) throws IOException {
    SavedPlans plans = new SavedPlans(dir, 10);
    for (int i = 0; i < 10; i++) {
      plans.write(SavedPlans.key("SELECT " + i), plan("SELECT " + i));
      Files.setLastModifiedTime(dir.resolve(SavedPlans.key("SELECT " + i)),
          FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    assertThat(plans.read(SavedPlans.key("SELECT 0"), null, null)).isNotNull();

    plans.write(SavedPlans.key("SELECT 10"), plan("SELECT 10"));

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          SavedPlans.key("SELECT 0"), SavedPlans.key("SELECT 7"), SavedPlans.key("SELECT 8"),
          SavedPlans.key("SELECT 9"), SavedPlans.key("SELECT 10"));
    }
    assertThat(plans.read(SavedPlans.key("SELECT 10"), null, null).sql)
        .isEqualTo("SELECT 10");
  }

  private static BackendSignature<Object> plan(String sql) {
    BackendQuery query = new BackendQuery(null, sql, new Integer[0],
        new BackendQuery.Column[] {new BackendQuery.Column(1, Primitive.INT)}, Integer.class);
    return new BackendSignature<>(new CalciteSignature<>(sql, List.of(), Map.of(), null,
        List.of(), Meta.CursorFactory.ARRAY, null, List.of(), -1, null,
        Meta.StatementType.SELECT), -1, query);
  }

  @Test
  void opensADirectoryOfTheBuildThatOnlyItsOwnerReads(@TempDir Path dir) throws IOException {
    String before = System.getProperty(SavedPlans.PROPERTY);
    System.setProperty(SavedPlans.PROPERTY, dir.toString());
    try {
      assertThat(SavedPlans.open()).isNotNull();
      try (var made = Files.list(dir)) {
        Path plans = made.findFirst().orElseThrow();
        assertThat(plans.getFileName().toString()).startsWith("plans-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plans)))
            .isEqualTo("rwx------");
      }
      System.setProperty(SavedPlans.PROPERTY, "off");
      assertThat(SavedPlans.open()).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(SavedPlans.PROPERTY);
      } else {
        System.setProperty(SavedPlans.PROPERTY, before);
      }
    }
  }
}

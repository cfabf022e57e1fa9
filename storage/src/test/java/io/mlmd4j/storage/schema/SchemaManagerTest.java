package io.mlmd4j.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parts of the schema manager that need no database. */
class SchemaManagerTest {

  @Test
  void lockNamesFitMySqlsLimitOf64Characters() {
    assertThat(SchemaManager.lockName("mlmd")).isEqualTo("mlmd4j.schema.mlmd");
    String longest = "d".repeat(64); // MySQL's longest database name
    String almost = "d".repeat(63) + "e";
    assertThat(SchemaManager.lockName(longest)).hasSizeLessThanOrEqualTo(64)
        .startsWith("mlmd4j.schema.")
        .isEqualTo(SchemaManager.lockName(longest))
        .isNotEqualTo(SchemaManager.lockName(almost));
    assertThat(SchemaManager.lockName("d".repeat(50))).isEqualTo("mlmd4j.schema." + "d".repeat(50));
  }
}

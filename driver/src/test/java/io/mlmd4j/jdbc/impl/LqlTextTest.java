package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Telling LQL from SQL by the first word. */
class LqlTextTest {

  @Test
  void lqlStartsWithLineageOrCachedInAnyCase() {
    assertThat(LqlText.isLql("LINEAGE UPSTREAM OF ARTIFACTS WHERE id = 1")).isTrue();
    assertThat(LqlText.isLql("lineage of executions where id = 1")).isTrue();
    assertThat(LqlText.isLql("Cached Executions OF TYPE 'T' WITH INPUTS ()")).isTrue();
    assertThat(LqlText.isLql("  -- a comment\n/* another */\tLINEAGE OF")).isTrue();
  }

  @Test
  void sqlIsNotLql() {
    assertThat(LqlText.isLql("SELECT * FROM TABLE(lineage('LINEAGE OF ARTIFACTS'))")).isFalse();
    assertThat(LqlText.isLql("-- LINEAGE\nSELECT 1")).isFalse();
    assertThat(LqlText.isLql("/* CACHED */ VALUES 1")).isFalse();
    assertThat(LqlText.isLql("lineage_report")).isFalse();
    assertThat(LqlText.isLql("(LINEAGE OF ARTIFACTS WHERE id = 1)")).isFalse();
    assertThat(LqlText.isLql("")).isFalse();
  }

  @Test
  void blockCommentsBeforeTheStatementKeepPositions() {
    String sql = "/* a\n b */ LINEAGE";
    String text = LqlText.forParser(sql);
    assertThat(text).hasSameSizeAs(sql).endsWith(" LINEAGE").contains("\n")
        .doesNotContain("/*");
  }
}

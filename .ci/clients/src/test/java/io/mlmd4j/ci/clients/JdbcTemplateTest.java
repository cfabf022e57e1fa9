package io.mlmd4j.ci.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Spring's JdbcTemplate over the driver: lists of maps, parameters, row mappers, errors. */
class JdbcTemplateTest {

  /** An artifact as an application maps it. */
  record Artifact(long id, String type, String name, String state) {}

  private static final RowMapper<Artifact> ARTIFACT = (rs, n) -> new Artifact(rs.getLong("id"),
      rs.getString("type"), rs.getString("name"), rs.getString("state"));

  @ParameterizedTest
  @EnumSource(Store.class)
  void queriesWithParametersAndMappers(Store store) throws Exception {
    try (Connection c = store.open()) {
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));

      List<Map<String, Object>> types = jdbc.queryForList(
          "SELECT type, COUNT(*) AS n FROM artifacts GROUP BY type ORDER BY type");
      assertThat(types).isNotEmpty().allSatisfy(row ->
          assertThat(row).containsOnlyKeys("type", "n"));
      assertThat(types).extracting(row -> row.get("type")).contains(Store.ARTIFACT_TYPE);

      List<Artifact> typed = jdbc.query(
          "SELECT id, type, name, state FROM artifacts WHERE type = ? AND id > ? ORDER BY id",
          ARTIFACT, Store.ARTIFACT_TYPE, 0L);
      assertThat(typed).isNotEmpty().allSatisfy(a -> {
        assertThat(a.type()).isEqualTo(Store.ARTIFACT_TYPE);
        assertThat(a.state()).isIn(null, "UNKNOWN", "PENDING", "LIVE", "MARKED_FOR_DELETION",
            "DELETED", "ABANDONED", "REFERENCE");
      });

      Artifact first = typed.get(0);
      Long count = jdbc.queryForObject("SELECT COUNT(*) FROM artifacts WHERE id = ?", Long.class,
          first.id());
      assertThat(count).isEqualTo(1L);
      Long spanCount = jdbc.queryForObject("SELECT COUNT(*) FROM artifact.\""
          + Store.ARTIFACT_TYPE + "\" WHERE " + Store.INT_PROPERTY + " >= ?", Long.class, 0L);
      assertThat(spanCount).isPositive();

      assertThat(jdbc.queryForList("SELECT name FROM artifacts WHERE id = ?", String.class,
          -1L)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void refusedWritesAreSpringExceptions(Store store) throws Exception {
    try (Connection c = store.open()) {
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      long before = jdbc.queryForObject("SELECT COUNT(*) FROM artifacts", Long.class);
      DataAccessException refused = org.junit.jupiter.api.Assertions.assertThrows(
          DataAccessException.class, () -> jdbc.update("DELETE FROM artifacts WHERE id > ?", 0L));
      assertThat(refused.getMostSpecificCause()).isInstanceOf(java.sql.SQLException.class);
      assertThat(((java.sql.SQLException) refused.getMostSpecificCause()).getSQLState())
          .isEqualTo("25006");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM artifacts", Long.class))
          .isEqualTo(before);
    }
  }
}

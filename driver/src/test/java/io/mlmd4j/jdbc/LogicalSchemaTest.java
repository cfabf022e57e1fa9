package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.PutContextTypeRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The logical schema's content: enum names, per-type columns, and a database TFX wrote. */
class LogicalSchemaTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void enumsShowMlmdsNames(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.rows(c, "SELECT DISTINCT type FROM events ORDER BY type"))
        .containsExactly(List.of("INPUT"), List.of("OUTPUT"));
    assertThat(TestConnections.rows(c,
        "SELECT DISTINCT last_known_state FROM executions ORDER BY 1"))
        .containsExactly(List.of("CACHED"), List.of("COMPLETE"), List.of("FAILED"));
    assertThat(TestConnections.rows(c, "SELECT DISTINCT state FROM artifacts"))
        .containsExactly(List.of("LIVE"));
    assertThat(TestConnections.rows(c, "SELECT p.data_type FROM artifact_type_properties p"
        + " JOIN artifact_types t ON t.id = p.type_id WHERE t.name = 'Examples'"
        + " AND p.name = 'span'")).containsExactly(List.of("INT"));
    assertThat(TestConnections.rows(c,
        "SELECT base_type FROM artifact_types WHERE name = 'Model'"))
        .containsExactly(List.of("MODEL"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void eventPathsAreKeyThenIndex(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    assertThat(TestConnections.rows(c, "SELECT s.is_index_step, s.step_key, s.step_index"
        + " FROM event_path_steps s WHERE s.event_id = 1 ORDER BY s.is_index_step"))
        .containsExactly(java.util.Arrays.asList(false, "examples", null),
            java.util.Arrays.asList(true, null, 0L));
  }

  /** A property named like a node column gets a prefix; the node's column keeps its name. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void propertyColumnsNeverHideNodeColumns(Backend backend) throws SQLException {
    try (Connection c = TestConnections.open(backend)) {
      c.unwrap(MetadataStore.class).putContextType(PutContextTypeRequest.newBuilder()
          .setContextType(ContextType.newBuilder().setName("experiment").setVersion("v2")
              .putProperties("name", PropertyType.STRING)
              .putProperties("budget", PropertyType.INT))
          .build());
      List<String> columns = TestConnections.rows(c.getMetaData().getColumns(null, "context",
          "experiment@v2", "%")).stream().map(r -> (String) r.get(3)).toList();
      assertThat(columns).endsWith("budget", "property_name").contains("name");
      assertThat(TestConnections.value(c,
          "SELECT COUNT(*) FROM context.\"experiment@v2\"")).isEqualTo(0L);
    }
  }

  /** A database that TFX wrote through Google's MLMD answers SQL as the fixture's notes say. */
  @Test
  void readsTheTfxFixture() throws SQLException {
    try (Connection c = TestConnections.fixture()) {
      assertThat(TestConnections.rows(c, "SELECT (SELECT COUNT(*) FROM artifacts),"
          + " (SELECT COUNT(*) FROM executions), (SELECT COUNT(*) FROM events),"
          + " (SELECT COUNT(*) FROM contexts)"))
          .containsExactly(List.of(199L, 73L, 271L, 163L));
      assertThat(TestConnections.rows(c, "SELECT DISTINCT type FROM events ORDER BY 1"))
          .containsExactly(List.of("INPUT"), List.of("OUTPUT"));
      assertThat(TestConnections.rows(c,
          "SELECT DISTINCT type FROM contexts ORDER BY 1"))
          .containsExactly(List.of("component_run"), List.of("pipeline"), List.of("run"));
      // TFX records every value as a custom property: the declared columns stay empty.
      assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM artifact.\"Examples\""))
          .isEqualTo(TestConnections.value(c,
              "SELECT COUNT(*) FROM artifacts WHERE type = 'Examples'"));
      assertThat((Long) TestConnections.value(c, "SELECT COUNT(*) FROM artifact_properties p"
          + " JOIN artifacts a ON a.id = p.artifact_id WHERE a.type = 'Examples'"
          + " AND p.is_custom_property AND p.name = 'span' AND p.int_value = 0")).isPositive();
      assertThat(TestConnections.value(c, "SELECT COUNT(*) FROM event_path_steps"))
          .isEqualTo(2L * 271);
    }
  }
}

package io.mlmd4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.Attribution;
import io.mlmd4j.proto.Event;
import io.mlmd4j.proto.Execution;
import io.mlmd4j.proto.GetArtifactsByTypeRequest;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.GetExecutionsByTypeRequest;
import io.mlmd4j.proto.PutAttributionsAndAssociationsRequest;
import io.mlmd4j.proto.PutEventsRequest;
import io.mlmd4j.proto.Value;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The logical schema of README.md's "SQL over JDBC" through the driver: its tables and typed
 * columns, the rows equal to what {@code MetadataStore} returns, and one table per type with the
 * type's properties as typed columns.
 */
class SqlSchemaTest extends JdbcTckTest {

  /** README's tables of schema {@code mlmd}, each with its columns and their SQL types. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    String node = "id BIGINT, type_id BIGINT, type VARCHAR, name VARCHAR";
    String times = "create_time_since_epoch BIGINT, last_update_time_since_epoch BIGINT";
    String values = "name VARCHAR, is_custom_property BOOLEAN, int_value BIGINT,"
        + " double_value DOUBLE, string_value VARCHAR, bool_value BOOLEAN";
    String type = "id BIGINT, name VARCHAR, version VARCHAR, description VARCHAR,"
        + " external_id VARCHAR";
    TABLES.put("artifacts", node + ", uri VARCHAR, state VARCHAR, external_id VARCHAR, " + times);
    TABLES.put("executions", node + ", last_known_state VARCHAR, external_id VARCHAR, " + times);
    TABLES.put("contexts", node + ", external_id VARCHAR, " + times);
    TABLES.put("artifact_properties", "artifact_id BIGINT, " + values);
    TABLES.put("execution_properties", "execution_id BIGINT, " + values);
    TABLES.put("context_properties", "context_id BIGINT, " + values);
    TABLES.put("events", "id BIGINT, artifact_id BIGINT, execution_id BIGINT, type VARCHAR,"
        + " milliseconds_since_epoch BIGINT");
    TABLES.put("event_path_steps", "event_id BIGINT, is_index_step BOOLEAN, step_index BIGINT,"
        + " step_key VARCHAR");
    TABLES.put("attributions", "id BIGINT, context_id BIGINT, artifact_id BIGINT");
    TABLES.put("associations", "id BIGINT, context_id BIGINT, execution_id BIGINT");
    TABLES.put("parent_contexts", "child_id BIGINT, parent_id BIGINT");
    TABLES.put("artifact_types", type + ", base_type VARCHAR");
    TABLES.put("execution_types", type + ", base_type VARCHAR, input_type VARCHAR,"
        + " output_type VARCHAR");
    TABLES.put("context_types", type);
    for (String kind : List.of("artifact", "execution", "context")) {
      TABLES.put(kind + "_type_properties", "type_id BIGINT, name VARCHAR, data_type VARCHAR");
    }
  }

  @StoreTest
  @DisplayName("(SQL) schema mlmd has README's tables, columns and types, in metadata and queries")
  void logicalTablesAndColumns() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, "mlmd", "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).containsExactlyInAnyOrderElementsOf(TABLES.keySet());
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "mlmd", t.getKey(), "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
        }
      }
      assertThat(String.join(", ", columns)).as("columns of %s", t.getKey())
          .isEqualTo(t.getValue());
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT * FROM mlmd." + t.getKey())) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> queried = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          queried.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
        }
        assertThat(String.join(", ", queried)).as("query of %s", t.getKey())
            .isEqualTo(t.getValue());
      }
    }
  }

  @StoreTest
  @DisplayName("(SQL) nodes, properties, events and links read as MetadataStore returns them")
  void logicalRowsEqualTheStore() throws SQLException {
    long type = put(artifactType("name: 'Data' properties { key: 'span' value: INT }"));
    long step = put(executionType("name: 'Step'"));
    long run = put(contextType("name: 'Run'"));
    List<Long> a = put(
        artifact("type_id: %d name: 'd1' uri: '/d/1' state: LIVE properties { key: 'span'"
            + " value { int_value: 7 } } custom_properties { key: 'note' value {"
            + " string_value: 'α' } }", type),
        artifact("type_id: %d external_id: 'x2'", type));
    long e = put(execution("type_id: %d name: 's' last_known_state: COMPLETE", step)).get(0);
    long c = put(context("type_id: %d name: 'r1'", run)).get(0);
    store.putEvents(PutEventsRequest.newBuilder().addEvents(Event.newBuilder()
        .setArtifactId(a.get(0)).setExecutionId(e).setType(Event.Type.OUTPUT)
        .setMillisecondsSinceEpoch(1234)).build());
    store.putAttributionsAndAssociations(PutAttributionsAndAssociationsRequest.newBuilder()
        .addAttributions(Attribution.newBuilder().setArtifactId(a.get(1)).setContextId(c))
        .build());

    List<List<Object>> expected = new ArrayList<>();
    for (Artifact x : store.getArtifacts(GetArtifactsRequest.getDefaultInstance())
        .getArtifactsList()) {
      expected.add(Arrays.asList(x.getId(), x.getTypeId(), "Data",
          x.hasName() ? x.getName() : null, x.hasUri() ? x.getUri() : null,
          x.hasState() ? x.getState().name() : null,
          x.hasExternalId() ? x.getExternalId() : null, x.getCreateTimeSinceEpoch(),
          x.getLastUpdateTimeSinceEpoch()));
    }
    assertThat(rows("SELECT * FROM artifacts ORDER BY id")).isEqualTo(expected);
    assertThat(rows("SELECT name, type, last_known_state FROM executions"))
        .containsExactly(List.of("s", "Step", "COMPLETE"));
    assertThat(rows("SELECT artifact_id, name, is_custom_property, int_value, string_value"
        + " FROM artifact_properties ORDER BY name")).containsExactly(
            Arrays.asList(a.get(0), "note", true, null, "α"),
            Arrays.asList(a.get(0), "span", false, 7L, null));
    assertThat(rows("SELECT artifact_id, execution_id, type, milliseconds_since_epoch"
        + " FROM events")).containsExactly(List.of(a.get(0), e, "OUTPUT", 1234L));
    assertThat(rows("SELECT context_id, artifact_id FROM attributions"))
        .containsExactly(List.of(c, a.get(1)));
    assertThat(rows("SELECT name, data_type FROM artifact_type_properties"))
        .containsExactly(List.of("span", "INT"));
  }

  @StoreTest
  @DisplayName("(SQL) a table per type: node columns, then declared properties as typed columns")
  void perTypeTablesHaveTypedPropertyColumns() throws SQLException {
    long type = put(artifactType("name: 'Eval' properties { key: 'accuracy' value: DOUBLE }"
        + " properties { key: 'steps' value: INT } properties { key: 'note' value: STRING }"));
    put(artifact("type_id: %d name: 'e1' properties { key: 'accuracy' value {"
        + " double_value: 0.93 } } properties { key: 'steps' value { int_value: 10 } }"
        + " custom_properties { key: 'extra' value { int_value: 1 } }", type),
        artifact("type_id: %d name: 'e2' properties { key: 'note' value { string_value: 'ok'"
            + " } }", type));
    long trainer = put(executionType("name: 'Trainer' properties { key: 'lr' value: DOUBLE }"));
    put(execution("type_id: %d name: 't' properties { key: 'lr' value { double_value: 0.5 }"
        + " }", trainer));

    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM artifact.\"Eval\" ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
      }
      assertThat(columns).containsSubsequence("id BIGINT", "name VARCHAR")
          .endsWith("accuracy DOUBLE", "note VARCHAR", "steps BIGINT")
          .noneMatch(col -> col.startsWith("extra"));
      List<Artifact> stored = store.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder()
          .setTypeName("Eval").build()).getArtifactsList();
      for (Artifact x : stored) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong("id")).isEqualTo(x.getId());
        assertThat(rs.getString("name")).isEqualTo(x.getName());
        assertThat(rs.getLong("create_time_since_epoch"))
            .isEqualTo(x.getCreateTimeSinceEpoch());
        assertThat(rs.getObject("accuracy")).isEqualTo(value(x.getPropertiesMap()
            .get("accuracy")));
        assertThat(rs.getObject("steps")).isEqualTo(value(x.getPropertiesMap().get("steps")));
        assertThat(rs.getObject("note")).isEqualTo(value(x.getPropertiesMap().get("note")));
      }
      assertThat(rs.next()).isFalse();
    }
    assertThat(rows("SELECT name FROM artifact.\"Eval\" WHERE accuracy > 0.9"))
        .containsExactly(List.of("e1"));

    Execution t = store.getExecutionsByType(GetExecutionsByTypeRequest.newBuilder()
        .setTypeName("Trainer").build()).getExecutions(0);
    assertThat(rows("SELECT id, name, lr FROM execution.\"Trainer\"")).containsExactly(
        List.of(t.getId(), "t", t.getPropertiesOrThrow("lr").getDoubleValue()));
    put(contextType("name: 'Pipeline' properties { key: 'owner' value: STRING }"));
    assertThat(rows("SELECT owner FROM context.\"Pipeline\"")).isEmpty();
    assertThat(rows("SELECT COUNT(*) FROM context.\"Pipeline\" c JOIN contexts x"
        + " ON x.id = c.id")).containsExactly(List.of(0L));
  }

  private static Object value(Value v) {
    if (v == null) {
      return null;
    }
    return switch (v.getValueCase()) {
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      default -> throw new IllegalArgumentException("Not a scalar: " + v);
    };
  }
}

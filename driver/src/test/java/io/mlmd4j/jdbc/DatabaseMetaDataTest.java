package io.mlmd4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DatabaseMetaData as a schema browser reads it. */
class DatabaseMetaDataTest {

  @ParameterizedTest
  @EnumSource(Backend.class)
  void identifiesMlmd4jNotItsBackend(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    assertThat(m.getDatabaseProductName()).isEqualTo("mlmd4j");
    assertThat(m.getDriverName()).isEqualTo("mlmd4j JDBC driver");
    assertThat(m.getDatabaseProductVersion()).isEqualTo(m.getDriverVersion());
    assertThat(m.getURL()).startsWith("jdbc:mlmd:backend=" + backend.name().toLowerCase())
        .doesNotContain(":sqlite:").doesNotContain(":mysql:").doesNotContain("password");
    assertThat(m.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(m.isReadOnly()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theReportedUrlConnectsToTheSameStore(Backend backend) throws SQLException {
    Connection c = TestConnections.filled(backend);
    String reported = c.getMetaData().getURL();
    Properties login = new Properties();
    if (backend == Backend.MYSQL) {
      login.setProperty("user", ConnectionUrl.parse(TestConnections.url(backend)).config()
          .getMysql().getUser());
    }
    try (Connection again = DriverManager.getConnection(reported, login)) {
      assertThat(again.getMetaData().getURL()).isEqualTo(reported);
      // each fake connection is a store of its own
      assertThat(TestConnections.value(again, "SELECT COUNT(*) FROM artifacts")).isEqualTo(
          backend == Backend.FAKE ? 0L : TestConnections.value(c,
              "SELECT COUNT(*) FROM artifacts"));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void listsTheLogicalSchemasAndTablesOnly(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    assertThat(strings(m.getSchemas(), r -> r.getString("TABLE_SCHEM")))
        .containsExactly("artifact", "context", "execution", "mlmd");
    List<String> tables = strings(m.getTables(null, null, "%", null),
        r -> r.getString("TABLE_SCHEM") + "." + r.getString("TABLE_NAME"));
    assertThat(tables).contains("mlmd.artifacts", "mlmd.executions", "mlmd.contexts",
        "mlmd.artifact_properties", "mlmd.events", "mlmd.event_path_steps",
        "mlmd.attributions", "mlmd.associations", "mlmd.parent_contexts",
        "mlmd.artifact_types", "mlmd.execution_type_properties", "artifact.Model",
        "artifact.Examples", "execution.tfx.components.trainer.component.Trainer",
        "context.pipeline");
    assertThat(tables).noneMatch(t -> t.contains("Artifact") && t.startsWith("mlmd."))
        .noneMatch(t -> t.contains("MLMDEnv") || t.contains("sqlite_") || t.contains("Type")
            && t.startsWith("mlmd.")).noneMatch(t -> t.startsWith("metadata."))
        .noneMatch(t -> t.contains("mlmd.Dataset"));
    try (ResultSet rs = m.getTables(null, "mlmd", "artifacts", new String[] {"TABLE"})) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_TYPE")).isEqualTo("TABLE");
      assertThat(rs.getString("REMARKS")).isNotBlank();
      assertThat(rs.next()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void columnsHavePlainTypeNamesAndRemarks(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    try (ResultSet rs = m.getColumns(null, "mlmd", "artifacts", "%")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
            + rs.getString("IS_NULLABLE"));
        assertThat(rs.getString("REMARKS")).isNotBlank();
      }
      assertThat(columns).containsExactly("id BIGINT NO", "type_id BIGINT NO",
          "type VARCHAR NO", "name VARCHAR YES", "uri VARCHAR YES", "state VARCHAR YES",
          "external_id VARCHAR YES", "create_time_since_epoch BIGINT NO",
          "last_update_time_since_epoch BIGINT NO");
    }
    try (ResultSet rs = m.getColumns(null, "execution",
        "tfx.components.trainer.component.Trainer", "learning_rate")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DOUBLE);
      assertThat(rs.getInt("ORDINAL_POSITION")).isGreaterThan(8);
      assertThat(rs.next()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void givesPrimaryAndLogicalForeignKeys(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    assertThat(strings(m.getPrimaryKeys(null, "mlmd", "artifact_properties"),
        r -> r.getString("COLUMN_NAME") + r.getShort("KEY_SEQ")))
        .containsExactly("artifact_id1", "name2", "is_custom_property3");
    assertThat(strings(m.getImportedKeys(null, "mlmd", "events"),
        r -> r.getString("FKCOLUMN_NAME") + "->" + r.getString("PKTABLE_NAME") + "."
            + r.getString("PKCOLUMN_NAME")))
        .containsExactly("artifact_id->artifacts.id", "execution_id->executions.id");
    assertThat(strings(m.getExportedKeys(null, "mlmd", "artifacts"),
        r -> r.getString("FKTABLE_SCHEM") + "." + r.getString("FKTABLE_NAME")))
        .contains("mlmd.events", "mlmd.attributions", "mlmd.artifact_properties",
            "artifact.Model");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void typeInfoListsTheTypesOfEveryColumnAndNoInternalOnes(Backend backend)
      throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    List<String> types = strings(m.getTypeInfo(), r -> r.getString("TYPE_NAME"));
    assertThat(types).contains("BIGINT", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN", "VARBINARY")
        .allMatch(t -> t.matches("[A-Z]+")).doesNotHaveDuplicates();
    List<Integer> codes = new ArrayList<>();
    try (ResultSet rs = m.getTypeInfo()) {
      while (rs.next()) {
        codes.add(rs.getInt("DATA_TYPE"));
      }
    }
    assertThat(codes).isSorted();
    assertThat(strings(m.getColumns(null, null, "%", "%"), r -> r.getString("TYPE_NAME")))
        .isNotEmpty().allMatch(types::contains);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void functionsAreTheBuiltInOnesAndTheSchemas(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    List<String> all = strings(m.getFunctions(null, null, "%"),
        r -> r.getString("FUNCTION_SCHEM") + "." + r.getString("FUNCTION_NAME") + ":"
            + r.getShort("FUNCTION_TYPE"));
    assertThat(all).contains("null.ABS:1", "null.COUNT:1", "null.UPPER:1", "null.COALESCE:1")
        .noneMatch(f -> f.contains("$"));
    assertThat(strings(m.getFunctions(null, "", "UPP%"), r -> r.getString("FUNCTION_NAME")))
        .containsExactly("UPPER");
    assertThat(strings(m.getFunctions(null, "mlmd", "%"), r -> r.getString("FUNCTION_SCHEM")))
        .allMatch("mlmd"::equals);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lineageOverloadsHaveTheirOwnSpecificNamesParametersAndColumns(Backend backend)
      throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    assertThat(strings(m.getFunctions(null, "mlmd", "lineage"),
        r -> r.getString("SPECIFIC_NAME") + ":" + r.getShort("FUNCTION_TYPE")))
        .containsExactlyInAnyOrder("mlmd.lineage(statement):2",
            "mlmd.lineage(direction, kind, filter):2",
            "mlmd.lineage(direction, kind, filter, max_hops):2");
    List<String> columns = strings(m.getFunctionColumns(null, "mlmd", "lineage", "%"),
        r -> r.getString("SPECIFIC_NAME") + " " + r.getString("COLUMN_NAME") + " "
            + r.getShort("COLUMN_TYPE") + " " + r.getString("TYPE_NAME") + " "
            + r.getInt("ORDINAL_POSITION"));
    assertThat(columns).contains("mlmd.lineage(statement) statement 1 VARCHAR 1",
        "mlmd.lineage(direction, kind, filter, max_hops) max_hops 1 INTEGER 4",
        "mlmd.lineage(statement) id 5 BIGINT 2",
        "mlmd.lineage(direction, kind, filter) distance 5 INTEGER 7");
    assertThat(columns).hasSize(1 + 3 + 4 + 3 * 7);
    assertThat(strings(m.getFunctionColumns(null, null, "lineage", "artifact%"),
        r -> r.getString("COLUMN_NAME"))).containsOnly("artifact_id").hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void connectionAnswersWhatBrowsersAndPoolsAsk(Backend backend) throws SQLException {
    try (Connection c = TestConnections.open(backend)) {
      assertThat(c.getTypeMap()).isEmpty();
      c.setReadOnly(false);
      assertThat(c.isReadOnly()).isTrue();
      assertThat(c.getMetaData().isReadOnly()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void answersTheCapabilityQuestionsOfBrowsers(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    for (int type : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE}) {
      assertThat(List.of(m.ownUpdatesAreVisible(type), m.ownDeletesAreVisible(type),
          m.ownInsertsAreVisible(type), m.othersUpdatesAreVisible(type),
          m.othersDeletesAreVisible(type), m.othersInsertsAreVisible(type),
          m.updatesAreDetected(type), m.deletesAreDetected(type), m.insertsAreDetected(type)))
          .containsOnly(false);
    }
    assertThat(m.supportsResultSetHoldability(m.getResultSetHoldability())).isTrue();
    assertThat(m.supportsBatchUpdates()).isFalse();
    assertThat(m.supportsCatalogsInDataManipulation()).isFalse();
    assertThat(m.supportsSchemasInDataManipulation()).isTrue();
    assertThat(strings(m.getCatalogs(), r -> r.getString("TABLE_CAT"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void primaryKeysAreUniqueIndexesAndBestRowIdentifiers(Backend backend) throws SQLException {
    DatabaseMetaData m = TestConnections.filled(backend).getMetaData();
    assertThat(strings(m.getIndexInfo(null, "mlmd", "artifact_properties", true, true),
        r -> r.getString("INDEX_NAME") + " " + r.getShort("ORDINAL_POSITION") + " "
            + r.getString("COLUMN_NAME") + " " + r.getBoolean("NON_UNIQUE")))
        .containsExactly("pk_artifact_properties 1 artifact_id false",
            "pk_artifact_properties 2 name false",
            "pk_artifact_properties 3 is_custom_property false");
    assertThat(strings(m.getIndexInfo(null, "artifact", "Model", false, true),
        r -> r.getString("COLUMN_NAME"))).containsExactly("id");
    assertThat(strings(m.getBestRowIdentifier(null, "mlmd", "artifacts",
        DatabaseMetaData.bestRowSession, false),
        r -> r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME") + " "
            + r.getShort("SCOPE"))).containsExactly("id BIGINT 2");
    assertThat(strings(m.getIndexInfo(null, "mlmd", "no_such_table", false, true),
        r -> r.getString("COLUMN_NAME"))).isEmpty();
  }

  private static List<String> strings(ResultSet rs, RowReader read) throws SQLException {
    List<String> list = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        list.add(read.apply(rs));
      }
    }
    return list;
  }

  /** Reads one value from the current row. */
  @FunctionalInterface
  private interface RowReader {
    String apply(ResultSet rs) throws SQLException;
  }

}

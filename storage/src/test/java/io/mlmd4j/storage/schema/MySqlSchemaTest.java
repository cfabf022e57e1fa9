package io.mlmd4j.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.MySqlAdmin;
import io.mlmd4j.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * MLMD's schema on MySQL (the embedded MariaDB, or the server {@value TestDatabases#MYSQL_ENV}
 * names): what a new store holds, checked against MLMD's MySQL DDL written down below as data,
 * and MLMD's migrations up from old versions and down to them, keeping the rows.
 */
class MySqlSchemaTest {

  /**
   * MLMD's MySQL schema, version 10: its base DDL with the MySQL overrides, and its secondary
   * indexes. Unnamed unique keys are named by MySQL after their first column.
   */
  static final String VERSION_10 = """
      Type InnoDB
        column     id          int NOT NULL PRI auto_increment
        column     name        varchar(255) NOT NULL MUL
        column     version     varchar(255)
        column     type_kind   tinyint(1) NOT NULL
        column     description text
        column     input_type  text
        column     output_type text
        column     external_id varchar(255) UNI
        index      PRIMARY              UNIQUE (id)
        index      external_id          UNIQUE (external_id)
        index      idx_type_external_id (external_id)
        index      idx_type_name        (name)
        constraint PRIMARY     PRIMARY KEY
        constraint external_id UNIQUE

      TypeProperty InnoDB
        column     type_id   int NOT NULL PRI
        column     name      varchar(255) NOT NULL PRI
        column     data_type int
        index      PRIMARY UNIQUE (type_id, name)
        constraint PRIMARY PRIMARY KEY

      ParentType InnoDB
        column     type_id        int NOT NULL PRI
        column     parent_type_id int NOT NULL PRI
        index      PRIMARY UNIQUE (type_id, parent_type_id)
        constraint PRIMARY PRIMARY KEY

      Artifact InnoDB
        column     id                           int NOT NULL PRI auto_increment
        column     type_id                      int NOT NULL MUL
        column     uri                          text MUL
        column     state                        int
        column     name                         varchar(255)
        column     external_id                  varchar(255) UNI
        column     create_time_since_epoch      bigint NOT NULL DEFAULT 0 MUL
        column     last_update_time_since_epoch bigint NOT NULL DEFAULT 0 MUL
        index      PRIMARY                                   UNIQUE (id)
        index      UniqueArtifactTypeName                    UNIQUE (type_id, name)
        index      external_id                               UNIQUE (external_id)
        index      idx_artifact_create_time_since_epoch      (create_time_since_epoch)
        index      idx_artifact_external_id                  (external_id)
        index      idx_artifact_last_update_time_since_epoch (last_update_time_since_epoch)
        index      idx_artifact_uri                          (uri(255))
        constraint PRIMARY                PRIMARY KEY
        constraint UniqueArtifactTypeName UNIQUE
        constraint external_id            UNIQUE

      ArtifactProperty InnoDB
        column     artifact_id        int NOT NULL PRI
        column     name               varchar(255) NOT NULL PRI
        column     is_custom_property tinyint(1) NOT NULL PRI
        column     int_value          int
        column     double_value       double
        column     string_value       mediumtext
        column     byte_value         mediumblob
        column     proto_value        mediumblob
        column     bool_value         tinyint(1)
        index      PRIMARY                      UNIQUE (artifact_id, name, is_custom_property)
        index      idx_artifact_property_double (name, is_custom_property, double_value)
        index      idx_artifact_property_int    (name, is_custom_property, int_value)
        index      idx_artifact_property_string (name, is_custom_property, string_value(255))
        constraint PRIMARY PRIMARY KEY

      Execution InnoDB
        column     id                           int NOT NULL PRI auto_increment
        column     type_id                      int NOT NULL MUL
        column     last_known_state             int
        column     name                         varchar(255)
        column     external_id                  varchar(255) UNI
        column     create_time_since_epoch      bigint NOT NULL DEFAULT 0 MUL
        column     last_update_time_since_epoch bigint NOT NULL DEFAULT 0 MUL
        index      PRIMARY                                    UNIQUE (id)
        index      UniqueExecutionTypeName                    UNIQUE (type_id, name)
        index      external_id                                UNIQUE (external_id)
        index      idx_execution_create_time_since_epoch      (create_time_since_epoch)
        index      idx_execution_external_id                  (external_id)
        index      idx_execution_last_update_time_since_epoch (last_update_time_since_epoch)
        constraint PRIMARY                 PRIMARY KEY
        constraint UniqueExecutionTypeName UNIQUE
        constraint external_id             UNIQUE

      ExecutionProperty InnoDB
        column     execution_id       int NOT NULL PRI
        column     name               varchar(255) NOT NULL PRI
        column     is_custom_property tinyint(1) NOT NULL PRI
        column     int_value          int
        column     double_value       double
        column     string_value       mediumtext
        column     byte_value         mediumblob
        column     proto_value        mediumblob
        column     bool_value         tinyint(1)
        index      PRIMARY                       UNIQUE (execution_id, name, is_custom_property)
        index      idx_execution_property_double (name, is_custom_property, double_value)
        index      idx_execution_property_int    (name, is_custom_property, int_value)
        index      idx_execution_property_string (name, is_custom_property, string_value(255))
        constraint PRIMARY PRIMARY KEY

      Event InnoDB
        column     id                       int NOT NULL PRI auto_increment
        column     artifact_id              int NOT NULL MUL
        column     execution_id             int NOT NULL MUL
        column     type                     int NOT NULL
        column     milliseconds_since_epoch bigint
        index      PRIMARY                UNIQUE (id)
        index      UniqueEvent            UNIQUE (artifact_id, execution_id, type)
        index      idx_event_execution_id (execution_id)
        constraint PRIMARY     PRIMARY KEY
        constraint UniqueEvent UNIQUE

      EventPath InnoDB
        column     event_id      int NOT NULL MUL
        column     is_index_step tinyint(1) NOT NULL
        column     step_index    int
        column     step_key      text
        index      idx_eventpath_event_id (event_id)

      MLMDEnv InnoDB
        column     schema_version int NOT NULL PRI
        index      PRIMARY UNIQUE (schema_version)
        constraint PRIMARY PRIMARY KEY

      Context InnoDB
        column     id                           int NOT NULL PRI auto_increment
        column     type_id                      int NOT NULL MUL
        column     name                         varchar(255) NOT NULL
        column     external_id                  varchar(255) UNI
        column     create_time_since_epoch      bigint NOT NULL DEFAULT 0 MUL
        column     last_update_time_since_epoch bigint NOT NULL DEFAULT 0 MUL
        index      PRIMARY                                  UNIQUE (id)
        index      external_id                              UNIQUE (external_id)
        index      idx_context_create_time_since_epoch      (create_time_since_epoch)
        index      idx_context_external_id                  (external_id)
        index      idx_context_last_update_time_since_epoch (last_update_time_since_epoch)
        index      type_id                                  UNIQUE (type_id, name)
        constraint PRIMARY     PRIMARY KEY
        constraint external_id UNIQUE
        constraint type_id     UNIQUE

      ContextProperty InnoDB
        column     context_id         int NOT NULL PRI
        column     name               varchar(255) NOT NULL PRI
        column     is_custom_property tinyint(1) NOT NULL PRI
        column     int_value          int
        column     double_value       double
        column     string_value       mediumtext
        column     byte_value         mediumblob
        column     proto_value        mediumblob
        column     bool_value         tinyint(1)
        index      PRIMARY                     UNIQUE (context_id, name, is_custom_property)
        index      idx_context_property_double (name, is_custom_property, double_value)
        index      idx_context_property_int    (name, is_custom_property, int_value)
        index      idx_context_property_string (name, is_custom_property, string_value(255))
        constraint PRIMARY PRIMARY KEY

      ParentContext InnoDB
        column     context_id        int NOT NULL PRI
        column     parent_context_id int NOT NULL PRI
        index      PRIMARY                             UNIQUE (context_id, parent_context_id)
        index      idx_parentcontext_parent_context_id (parent_context_id)
        constraint PRIMARY PRIMARY KEY

      Association InnoDB
        column     id           int NOT NULL PRI auto_increment
        column     context_id   int NOT NULL MUL
        column     execution_id int NOT NULL
        index      PRIMARY    UNIQUE (id)
        index      context_id UNIQUE (context_id, execution_id)
        constraint PRIMARY    PRIMARY KEY
        constraint context_id UNIQUE

      Attribution InnoDB
        column     id          int NOT NULL PRI auto_increment
        column     context_id  int NOT NULL MUL
        column     artifact_id int NOT NULL
        index      PRIMARY    UNIQUE (id)
        index      context_id UNIQUE (context_id, artifact_id)
        constraint PRIMARY    PRIMARY KEY
        constraint context_id UNIQUE
      """;

  /** MLMD 0.13.2's tables (schema version 0), as MLMD's own migration tests set them up. */
  static final String VERSION_0 = """
      Type InnoDB
        column     id               int NOT NULL PRI auto_increment
        column     name             varchar(255) NOT NULL
        column     is_artifact_type tinyint(1) NOT NULL
        column     input_type       text
        column     output_type      text
        index      PRIMARY UNIQUE (id)
        constraint PRIMARY PRIMARY KEY

      TypeProperty InnoDB
        column     type_id   int NOT NULL PRI
        column     name      varchar(255) NOT NULL PRI
        column     data_type int
        index      PRIMARY UNIQUE (type_id, name)
        constraint PRIMARY PRIMARY KEY

      Artifact InnoDB
        column     id      int NOT NULL PRI auto_increment
        column     type_id int NOT NULL
        column     uri     text
        index      PRIMARY UNIQUE (id)
        constraint PRIMARY PRIMARY KEY

      ArtifactProperty InnoDB
        column     artifact_id        int NOT NULL PRI
        column     name               varchar(255) NOT NULL PRI
        column     is_custom_property tinyint(1) NOT NULL PRI
        column     int_value          int
        column     double_value       double
        column     string_value       text
        index      PRIMARY UNIQUE (artifact_id, name, is_custom_property)
        constraint PRIMARY PRIMARY KEY

      Execution InnoDB
        column     id      int NOT NULL PRI auto_increment
        column     type_id int NOT NULL
        index      PRIMARY UNIQUE (id)
        constraint PRIMARY PRIMARY KEY

      ExecutionProperty InnoDB
        column     execution_id       int NOT NULL PRI
        column     name               varchar(255) NOT NULL PRI
        column     is_custom_property tinyint(1) NOT NULL PRI
        column     int_value          int
        column     double_value       double
        column     string_value       text
        index      PRIMARY UNIQUE (execution_id, name, is_custom_property)
        constraint PRIMARY PRIMARY KEY

      Event InnoDB
        column     id                       int NOT NULL PRI auto_increment
        column     artifact_id              int NOT NULL
        column     execution_id             int NOT NULL
        column     type                     int NOT NULL
        column     milliseconds_since_epoch bigint
        index      PRIMARY UNIQUE (id)
        constraint PRIMARY PRIMARY KEY

      EventPath InnoDB
        column     event_id      int NOT NULL
        column     is_index_step tinyint(1) NOT NULL
        column     step_index    int
        column     step_key      text
      """;

  /**
   * MLMD's step to version 9 names the unique keys on external_id, where a new store's
   * column-level UNIQUE leaves them named after the column: a migrated store differs from a new
   * one in these four names only, with MLMD as with this library.
   */
  static List<String> migratedVersion10() {
    List<String> lines = new ArrayList<>();
    Map<String, String> names = Map.of("Type", "UniqueTypeExternalId",
        "Artifact", "UniqueArtifactExternalId", "Execution", "UniqueExecutionExternalId",
        "Context", "UniqueContextExternalId");
    for (String line : MySqlStructure.parse(VERSION_10)) {
      String renamed = line;
      for (Map.Entry<String, String> name : names.entrySet()) {
        for (String kind : List.of("index ", "constraint ")) {
          String unnamed = kind + name.getKey() + ".external_id ";
          if (line.startsWith(unnamed)) {
            renamed = kind + name.getKey() + "." + name.getValue() + " "
                + line.substring(unnamed.length());
          }
        }
      }
      lines.add(renamed);
    }
    lines.sort(null);
    return lines;
  }

  @Test
  void newStoreHasMlmdsMySqlSchema() throws SQLException {
    String url = newStore();
    try (Connection c = admin(url)) {
      assertThat(MySqlStructure.of(c)).containsExactlyElementsOf(
          MySqlStructure.parse(VERSION_10));
      // MLMD's own check of a version-10 MySQL database: 15 tables, 82 index columns.
      assertThat(count(c, "SELECT COUNT(*) FROM information_schema.STATISTICS"
          + " WHERE TABLE_SCHEMA = DATABASE()")).isEqualTo(82);
      assertThat(rows(c, "SELECT schema_version FROM MLMDEnv")).containsExactly("10");
    }
  }

  @Test
  void creatingOverAnExistingSchemaChangesNothing() throws SQLException {
    String url = newStore();
    MySqlSchema schema = new MySqlSchema();
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      List<String> before = MySqlStructure.of(c);
      int alreadyThere = 0;
      for (String sql : schema.create()) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          assertThat(schema.isAlreadyDone(e)).as("%s: %s", sql, e.getMessage()).isTrue();
          alreadyThere++;
        }
      }
      // Each of the 20 ALTER TABLE ... ADD INDEX meets its index; CREATE TABLE IF NOT EXISTS
      // is quiet.
      assertThat(alreadyThere).isEqualTo(20);
      assertThat(MySqlStructure.of(c)).isEqualTo(before);
    }
    try (MetadataStore store = MetadataStore.open(url)) {
      assertThat(store).isNotNull();
    }
  }

  @Test
  void onlyDuplicateIndexNamesCountAsAlreadyDone() throws SQLException {
    String url = newStore();
    MySqlSchema schema = new MySqlSchema();
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      SQLException duplicateRow = catchSql(s,
          "INSERT INTO MLMDEnv(schema_version) VALUES (10)");
      SQLException missingTable = catchSql(s, "ALTER TABLE `NoSuchTable` ADD INDEX `i` (`x`)");
      assertThat(schema.isAlreadyDone(duplicateRow)).isFalse();
      assertThat(schema.isAlreadyDone(missingTable)).isFalse();
    }
  }

  @Test
  void migrationStepsGoFrom0To10() {
    MySqlSchema schema = new MySqlSchema();
    for (int version = 0; version < SchemaScripts.LIBRARY_VERSION; version++) {
      assertThat(schema.upgradeTo(version + 1)).as("up to %d", version + 1).isNotEmpty();
      assertThat(schema.downgradeTo(version)).as("down to %d", version).isNotEmpty();
    }
    assertThatThrownBy(() -> schema.upgradeTo(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.upgradeTo(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.downgradeTo(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.downgradeTo(10)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * utf8mb4 takes up to 4 bytes a character: the longest key, (name, is_custom_property,
   * string_value(255)), is 2041 bytes, within InnoDB's 3072. Names compare byte for byte.
   */
  @Test
  void keysHoldFullLengthFourByteNames() throws SQLException {
    String url = newStore();
    String name = "\uD83D\uDE00".repeat(255);
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO Type (id, name, type_kind) VALUES (100, '" + name + "', 1)");
      s.execute("INSERT INTO Artifact (type_id, name) VALUES"
          + " (100, '" + name + "'), (100, 'a'), (100, 'A')");
      s.execute("INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property,"
          + " string_value) VALUES (1, '" + name + "', 1, '" + name + name + "')");
      SQLException duplicate = catchSql(s,
          "INSERT INTO Artifact (type_id, name) VALUES (100, '" + name + "')");
      assertThat(duplicate.getErrorCode()).isEqualTo(1062);
      assertThat(rows(c, "SELECT CHAR_LENGTH(name) FROM Artifact ORDER BY id"))
          .containsExactly("255", "1", "1");
      assertThat(rows(c, "SELECT CHAR_LENGTH(string_value) FROM ArtifactProperty"))
          .containsExactly("510");
    }
  }

  /**
   * The brief's path: a store downgraded to version 6, rows written there as MLMD 6 wrote them,
   * then opened again with upgrade migration: every row and value is kept, except what MLMD's
   * step to version 8 removes (older duplicates of an event, and their paths).
   */
  @Test
  void upgradeFromVersion6KeepsEveryRow() throws SQLException {
    String url = newStore();
    downgrade(url, 6);
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      assertThat(rows(c, "SELECT schema_version FROM MLMDEnv")).containsExactly("6");
      for (String sql : VERSION_6_ROWS) {
        s.execute(sql);
      }
    }
    Map<String, List<String>> before;
    Map<String, List<String>> columnsBefore;
    List<String> structureBefore;
    try (Connection c = admin(url)) {
      before = snapshot(c);
      columnsBefore = columns(c);
      structureBefore = MySqlStructure.of(c);
    }

    assertThatThrownBy(() -> MetadataStore.open(url))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION);
          assertThat(e.getMessage()).contains("version 6", "migration is disabled");
        });
    try (Connection c = admin(url)) {
      assertThat(MySqlStructure.of(c)).isEqualTo(structureBefore);
      assertThat(snapshot(c)).isEqualTo(before);
    }

    MetadataStore.open(with(url, "enableUpgradeMigration=true")).close();
    try (Connection c = admin(url)) {
      assertThat(MySqlStructure.of(c)).containsExactlyElementsOf(migratedVersion10());
      assertThat(rows(c, "SELECT schema_version FROM MLMDEnv")).containsExactly("10");
      Map<String, List<String>> expected = new TreeMap<>(before);
      expected.put("Event", List.of(
          "id=2|artifact_id=2|execution_id=1|type=4|milliseconds_since_epoch=2000",
          "id=3|artifact_id=1|execution_id=1|type=3|milliseconds_since_epoch=3000",
          "id=4|artifact_id=2|execution_id=2|type=3|milliseconds_since_epoch=null"));
      expected.put("EventPath", List.of(
          "event_id=2|is_index_step=0|step_index=null|step_key=model",
          "event_id=3|is_index_step=0|step_index=null|step_key=k",
          "event_id=3|is_index_step=1|step_index=7|step_key=null",
          "event_id=4|is_index_step=1|step_index=1|step_key=null"));
      expected.remove("MLMDEnv");
      assertThat(keptColumns(c, columnsBefore, Map.of())).isEqualTo(expected);
      assertNewColumnsHoldTheirDefault(c, columnsBefore);
      assertThat(rows(c, "SELECT CHAR_LENGTH(string_value) FROM ArtifactProperty"
          + " WHERE name = 'note'")).containsExactly("20000");
    }
    try (MetadataStore store = MetadataStore.open(url)) {
      assertThat(store).isNotNull();
    }
  }

  /**
   * MLMD's whole chain: down one version at a time to 0.13.2 (checking MLMD's own index counts
   * on the way), rows written as 0.13.2 wrote them, then up again to 10 in one open.
   */
  @Test
  void downToVersion0AndUpAgainKeepsEveryRow() throws SQLException {
    String url = newStore();
    Map<Integer, Integer> mlmdIndexCounts = Map.of(9, 82, 8, 74, 7, 45);
    for (int version = 9; version >= 0; version--) {
      downgrade(url, version);
      try (Connection c = admin(url)) {
        if (version > 0) {
          assertThat(rows(c, "SELECT schema_version FROM MLMDEnv"))
              .containsExactly(String.valueOf(version));
        }
        if (mlmdIndexCounts.containsKey(version)) {
          assertThat(count(c, "SELECT COUNT(*) FROM information_schema.STATISTICS"
              + " WHERE TABLE_SCHEMA = DATABASE()"))
              .as("index columns at version %d", version)
              .isEqualTo(mlmdIndexCounts.get(version));
        }
      }
    }
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      assertThat(MySqlStructure.of(c)).containsExactlyElementsOf(
          MySqlStructure.parse(VERSION_0));
      for (String sql : VERSION_0_ROWS) {
        s.execute(sql);
      }
    }
    Map<String, List<String>> before;
    Map<String, List<String>> columnsBefore;
    try (Connection c = admin(url)) {
      before = snapshot(c);
      columnsBefore = columns(c);
    }

    MetadataStore.open(with(url, "enableUpgradeMigration=true")).close();
    try (Connection c = admin(url)) {
      assertThat(MySqlStructure.of(c)).containsExactlyElementsOf(migratedVersion10());
      Map<String, List<String>> expected = new TreeMap<>(before);
      expected.replaceAll((table, rows) -> rows.stream()
          .map(row -> row.replace("is_artifact_type=", "type_kind="))
          .sorted()
          .toList());
      assertThat(keptColumns(c, columnsBefore, Map.of("is_artifact_type", "type_kind")))
          .isEqualTo(expected);
      assertNewColumnsHoldTheirDefault(c, columnsBefore);
    }
  }

  /**
   * MySQL's TEXT holds 65535 bytes. MLMD's step to version 6 cuts values to 65535 characters,
   * enough in a one-byte charset; values of wider characters are cut to what fits, at a
   * character boundary (MLMD's step fails on them: "Data too long").
   */
  @Test
  void downgradeTo6CutsStringValuesToWhatTextHolds() throws SQLException {
    String url = newStore();
    String ascii = "x".repeat(70_000);
    String euros = "\u20AC".repeat(30_000);
    String mixed = "a".repeat(40_000) + "\u20AC".repeat(20_000);
    try (Connection c = admin(url);
        PreparedStatement s = c.prepareStatement("INSERT INTO ExecutionProperty"
            + " (execution_id, name, is_custom_property, string_value) VALUES (1, ?, 1, ?)")) {
      for (Map.Entry<String, String> value :
          Map.of("ascii", ascii, "euros", euros, "mixed", mixed).entrySet()) {
        s.setString(1, value.getKey());
        s.setString(2, value.getValue());
        s.executeUpdate();
      }
    }
    downgrade(url, 6);
    try (Connection c = admin(url)) {
      Map<String, String> cut = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name, string_value FROM ExecutionProperty")) {
        while (rs.next()) {
          cut.put(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(cut.get("ascii")).isEqualTo(ascii.substring(0, 65_535));
      assertThat(cut.get("euros")).isEqualTo(euros.substring(0, 21_845));
      assertThat(mixed).startsWith(cut.get("mixed"));
      assertThat(cut.get("mixed").getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isBetween(16_383, 65_535);
      assertThat(rows(c, "SELECT COLUMN_TYPE FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'string_value'"))
          .containsOnly("text");
    }
  }

  @Test
  void newerSchemaIsRefusedAndLeftAlone() throws SQLException {
    String url = newStore();
    try (Connection c = admin(url); Statement s = c.createStatement()) {
      s.execute("UPDATE MLMDEnv SET schema_version = 11");
    }
    List<String> structure;
    Map<String, List<String>> before;
    try (Connection c = admin(url)) {
      structure = MySqlStructure.of(c);
      before = snapshot(c);
    }
    for (String option : List.of("", "enableUpgradeMigration=true",
        "downgradeToSchemaVersion=5")) {
      String target = option.isEmpty() ? url : with(url, option);
      assertThatThrownBy(() -> MetadataStore.open(target))
          .as(option)
          .isInstanceOfSatisfying(MlmdException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.FAILED_PRECONDITION);
            assertThat(e.getMessage()).contains("version 11", "greater than library");
          });
    }
    try (Connection c = admin(url)) {
      assertThat(MySqlStructure.of(c)).isEqualTo(structure);
      assertThat(snapshot(c)).isEqualTo(before);
    }
  }

  /** Rows written by plain SQL into a version-6 MySQL store, as MLMD 6 would write them. */
  private static final List<String> VERSION_6_ROWS = List.of(
      "INSERT INTO Type (id, name, version, type_kind, description, input_type, output_type)"
          + " VALUES (101, 'DataSet', NULL, 1, 'a data set', NULL, NULL),"
          + " (102, 'Trainer', 'v2', 0, NULL, '{\"any\":{}}', '{\"none\":{}}'),"
          + " (103, 'Pipeline', NULL, 2, 'runs', NULL, NULL)",
      "INSERT INTO TypeProperty (type_id, name, data_type)"
          + " VALUES (101, 'split', 3), (101, 'rows', 1), (102, 'lr', 2)",
      "INSERT INTO ParentType (type_id, parent_type_id) VALUES (101, 1)",
      "INSERT INTO Artifact (id, type_id, uri, state, name, create_time_since_epoch,"
          + " last_update_time_since_epoch) VALUES"
          + " (1, 101, 'gs://bucket/train', 2, 'train', 1700000000000, 1700000000500),"
          + " (2, 101, '/tmp/\u00FCber', NULL, NULL, 0, 0)",
      "INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property, int_value,"
          + " double_value, string_value) VALUES (1, 'rows', 0, 42, NULL, NULL),"
          + " (1, 'split', 0, NULL, NULL, 'train'), (1, 'score', 1, NULL, 0.25, NULL),"
          + " (2, 'note', 1, NULL, NULL, REPEAT('\u20AC', 20000))",
      "INSERT INTO Execution (id, type_id, last_known_state, name, create_time_since_epoch,"
          + " last_update_time_since_epoch) VALUES (1, 102, 3, 'run-1', 5, 6),"
          + " (2, 102, NULL, NULL, 0, 0)",
      "INSERT INTO ExecutionProperty (execution_id, name, is_custom_property, int_value,"
          + " double_value, string_value) VALUES (1, 'lr', 0, NULL, 0.001, NULL),"
          + " (1, 'attempt', 1, -3, NULL, NULL)",
      "INSERT INTO Context (id, type_id, name, create_time_since_epoch,"
          + " last_update_time_since_epoch) VALUES (1, 103, 'pipeline', 1, 2),"
          + " (2, 103, 'pipeline-run-1', 3, 4)",
      "INSERT INTO ContextProperty (context_id, name, is_custom_property, string_value)"
          + " VALUES (1, 'owner', 1, 'me')",
      "INSERT INTO ParentContext (context_id, parent_context_id) VALUES (2, 1)",
      // Version 6 allowed the same event twice (ids 1 and 3); version 8 keeps the newest.
      "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
          + " VALUES (1, 1, 1, 3, 1000), (2, 2, 1, 4, 2000), (3, 1, 1, 3, 3000),"
          + " (4, 2, 2, 3, NULL)",
      "INSERT INTO EventPath (event_id, is_index_step, step_index, step_key) VALUES"
          + " (1, 1, 0, NULL), (1, 0, NULL, 'old'), (2, 0, NULL, 'model'), (3, 1, 7, NULL),"
          + " (3, 0, NULL, 'k'), (4, 1, 1, NULL)",
      "INSERT INTO Association (id, context_id, execution_id) VALUES (1, 1, 1), (2, 2, 1)",
      "INSERT INTO Attribution (id, context_id, artifact_id) VALUES (1, 1, 1), (2, 1, 2)");

  /** Rows written by plain SQL into a version-0 (MLMD 0.13.2) MySQL store. */
  private static final List<String> VERSION_0_ROWS = List.of(
      "INSERT INTO Type (id, name, is_artifact_type, input_type, output_type)"
          + " VALUES (101, 'DataSet', 1, NULL, NULL), (102, 'Trainer', 0, '{}', '{}')",
      "INSERT INTO TypeProperty (type_id, name, data_type) VALUES (101, 'split', 3)",
      "INSERT INTO Artifact (id, type_id, uri) VALUES (1, 101, 'gs://a'), (2, 101, NULL)",
      "INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property, int_value,"
          + " double_value, string_value) VALUES (1, 'split', 0, NULL, NULL, 'eval'),"
          + " (1, 'n', 1, 7, NULL, NULL), (2, 'x', 1, NULL, 1.5, NULL)",
      "INSERT INTO Execution (id, type_id) VALUES (1, 102)",
      "INSERT INTO ExecutionProperty (execution_id, name, is_custom_property, int_value)"
          + " VALUES (1, 'steps', 1, 100)",
      "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
          + " VALUES (1, 1, 1, 3, 12345), (2, 2, 1, 4, NULL)",
      "INSERT INTO EventPath (event_id, is_index_step, step_index, step_key)"
          + " VALUES (1, 0, NULL, 'examples'), (2, 1, 0, NULL)");

  private static String newStore() {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    MetadataStore.open(url).close();
    return url;
  }

  private static void downgrade(String url, int version) {
    assertThatThrownBy(() -> MetadataStore.open(with(url, "downgradeToSchemaVersion=" + version)))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.CANCELLED);
          assertThat(e.getMessage()).contains("schema version " + version);
        });
  }

  private static String with(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  private static Connection admin(String url) throws SQLException {
    return MySqlAdmin.connect(MySqlAdmin.databaseOf(url));
  }

  private static SQLException catchSql(Statement s, String sql) {
    try {
      s.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("Expected a failure of: " + sql);
  }

  private static int count(Connection c, String sql) throws SQLException {
    return Integer.parseInt(rows(c, sql).get(0));
  }

  /** The first column of every row, as text. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** The columns of each table, in table order. */
  private static Map<String, List<String>> columns(Connection c) throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
            + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      while (rs.next()) {
        columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return columns;
  }

  /** Every row of every table, as {@code column=value|...}, sorted. */
  private static Map<String, List<String>> snapshot(Connection c) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Map.Entry<String, List<String>> table : columns(c).entrySet()) {
      rows.put(table.getKey(), select(c, table.getKey(), table.getValue(), Map.of()));
    }
    return rows;
  }

  /**
   * The rows of the tables that had {@code oldColumns}, read now, of those columns only
   * ({@code renamed} maps an old column name to its new one).
   */
  private static Map<String, List<String>> keptColumns(Connection c,
      Map<String, List<String>> oldColumns, Map<String, String> renamed) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Map.Entry<String, List<String>> table : oldColumns.entrySet()) {
      if (!table.getKey().equals("MLMDEnv")) {
        rows.put(table.getKey(), select(c, table.getKey(), table.getValue(), renamed));
      }
    }
    return rows;
  }

  /** Columns a migration added hold their default (0 for timestamps, else NULL) in old rows. */
  private static void assertNewColumnsHoldTheirDefault(Connection c,
      Map<String, List<String>> oldColumns) throws SQLException {
    for (Map.Entry<String, List<String>> table : columns(c).entrySet()) {
      List<String> old = oldColumns.get(table.getKey());
      if (old == null) {
        continue;
      }
      for (String column : table.getValue()) {
        if (old.contains(column) || column.equals("type_kind")) {
          continue;
        }
        String expected = column.endsWith("_time_since_epoch") ? "0" : null;
        List<String> values = rows(c, "SELECT DISTINCT `" + column + "` FROM `"
            + table.getKey() + "`");
        assertThat(values).as("%s.%s", table.getKey(), column).containsOnly(expected);
      }
    }
  }

  private static List<String> select(Connection c, String table, List<String> columns,
      Map<String, String> renamed) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('`')
          .append(renamed.getOrDefault(columns.get(i), columns.get(i))).append('`');
    }
    sql.append(" FROM `").append(table).append('`');
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
          row.append(i == 0 ? "" : "|")
              .append(renamed.getOrDefault(columns.get(i), columns.get(i))).append('=')
              .append(rs.getString(i + 1));
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}

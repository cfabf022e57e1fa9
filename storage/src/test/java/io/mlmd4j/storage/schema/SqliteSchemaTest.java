package io.mlmd4j.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.testing.SqliteFiles;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MLMD's schema on SQLite, compared with what MLMD itself wrote: the TFX databases in the shared
 * fixtures (schema versions 10, 8 and 7). A new store must be structurally the version-10 file;
 * the version-8 and version-7 files migrated must be too, with every row kept; and MLMD's
 * downgrades must lead to MLMD's own older schemas and back again.
 */
class SqliteSchemaTest {

  private static final String V10 = "tfx-v10-lab.sqlite";
  private static final String V8 = "tfx-v8-covertype.sqlite";
  private static final String V7 = "tfx-v7-passau.sqlite";

  /** The structure of the version-10 database MLMD wrote. */
  private static List<String> mlmdVersion10;

  @BeforeAll
  static void readMlmdVersion10() throws SQLException {
    mlmdVersion10 = structureOf(TestDatabases.copyOfFixture(V10));
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"FAKE", "SQLITE"})
  void newStoreHasTheSchemaMlmdWrote(Backend backend) {
    try (MetadataSource source = MetadataSource.open(
        ConnectionUrl.parse(TestDatabases.freshUrl(backend)))) {
      new SchemaManager(source).open(MigrationOptions.getDefaultInstance());
      assertThat(source.read(SqliteFiles::structure)).containsExactlyElementsOf(mlmdVersion10);
    }
  }

  @Test
  void stepsCoverEveryVersionAndNoMore() {
    SqliteSchema schema = new SqliteSchema();
    for (int version = 1; version <= SchemaScripts.LIBRARY_VERSION; version++) {
      assertThat(schema.upgradeTo(version)).as("up to %d", version).isNotEmpty();
      assertThat(schema.downgradeTo(version - 1)).as("down to %d", version - 1).isNotEmpty();
    }
    assertThatThrownBy(() -> schema.upgradeTo(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.upgradeTo(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.downgradeTo(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.downgradeTo(10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The comparison is of something: MLMD's file has the parts the schema is made of. */
  @Test
  void mlmdsVersion10HasWhatTheComparisonChecks() {
    assertThat(mlmdVersion10.stream().filter(l -> l.startsWith("table ")))
        .hasSize(16) // and sqlite_sequence
        .filteredOn(l -> l.contains("autoincrement=true"))
        .hasSize(7);
    // 79 columns in MLMD's 15 tables, 2 in sqlite_sequence.
    assertThat(mlmdVersion10.stream().filter(l -> l.startsWith("column "))).hasSize(81);
    // MLMD's own count for a version-10 SQLite database: 40 indexes, 10 of them automatic.
    assertThat(mlmdVersion10.stream().filter(l -> l.startsWith("index "))).hasSize(40);
    assertThat(mlmdVersion10.stream().filter(l -> l.contains("partial=1"))).hasSize(9)
        .allMatch(l -> l.matches(".*sql=.*\\)where ([a-z]+_value) is not null$"));
    assertThat(mlmdVersion10).contains(
        "index Artifact.sqlite_autoindex_Artifact_2 unique=1 origin=u partial=0"
            + " (type_id COLLATE BINARY, name COLLATE BINARY)",
        "column Artifact.06 create_time_since_epoch type=INT notnull=1 default=0 pk=0",
        "column ArtifactProperty.02 is_custom_property type=TINYINT(1) notnull=1 default=null"
            + " pk=3");
  }

  /** Each kind of difference a schema could have from MLMD's is seen by the comparison. */
  @ParameterizedTest
  @MethodSource("changesToTheSchema")
  void comparisonSeesEveryKindOfDifference(String change, UnaryOperator<String> edit)
      throws SQLException {
    List<String> statements = new SqliteSchema().create().stream().map(edit).toList();
    assertThat(statements).as("the change applies").isNotEqualTo(new SqliteSchema().create());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      assertThat(SqliteFiles.structure(c)).as(change).isNotEqualTo(mlmdVersion10);
    }
  }

  static Stream<Arguments> changesToTheSchema() {
    return Stream.of(
        change("partial index filter", s -> s.replace(
            "(`name`, `is_custom_property`, `int_value`) WHERE `int_value`",
            "(`name`, `is_custom_property`, `int_value`) WHERE `double_value`")),
        change("index not partial", s -> s.replace(" WHERE `string_value` IS NOT NULL", "")),
        change("index column", s -> s.replace("ON `Artifact` (`uri`)", "ON `Artifact` (`name`)")),
        change("index name", s -> s.replace("`idx_type_name`", "`idx_type_names`")),
        change("default", s -> s.replace(
            "`last_update_time_since_epoch` INT NOT NULL DEFAULT 0,\n  UNIQUE",
            "`last_update_time_since_epoch` INT NOT NULL DEFAULT 1,\n  UNIQUE")),
        change("declared type", s -> s.replace("`bool_value` BOOLEAN", "`bool_value` TINYINT(1)")),
        change("nullability", s -> s.replace("`data_type` INT NULL", "`data_type` INT NOT NULL")),
        change("unique column", s -> s.replace("`external_id` VARCHAR(255) UNIQUE,\n  `create",
            "`external_id` VARCHAR(255),\n  `create")),
        change("unique key", s -> s.replace("UNIQUE (`context_id`, `artifact_id`)",
            "UNIQUE (`artifact_id`, `context_id`)")),
        change("primary key", s -> s.replace("PRIMARY KEY (`type_id`, `parent_type_id`)",
            "PRIMARY KEY (`parent_type_id`, `type_id`)")),
        change("autoincrement", s -> s.startsWith("CREATE TABLE IF NOT EXISTS `Event` (")
            ? s.replace(" AUTOINCREMENT", "") : s),
        change("column order", s -> s.replace("`step_index` INT,\n  `step_key` TEXT",
            "`step_key` TEXT,\n  `step_index` INT")),
        change("extra table", s -> s.startsWith("CREATE TABLE IF NOT EXISTS `MLMDEnv`")
            ? s.replace("`MLMDEnv`", "`MLMDEnv2`") : s));
  }

  private static Arguments change(String name, UnaryOperator<String> edit) {
    return Arguments.of(name, edit);
  }

  /**
   * MLMD's version-8 and version-7 files, migrated: the schema is then the one MLMD writes at
   * version 10, and every row and value is as before (compared with plain SQL on the original
   * file); columns the migration added hold their default.
   */
  @ParameterizedTest
  @ValueSource(strings = {V8, V7})
  void olderFileMigratedHasMlmdsSchemaAndEveryRow(String fixture) throws SQLException {
    Path original = TestDatabases.fixtures().resolve(fixture);
    Path copy = TestDatabases.copyOfFixture(fixture);

    MetadataStore.open("jdbc:mlmd:sqlite:" + copy + "?enableUpgradeMigration=true").close();

    try (Connection before = SqliteFiles.connect(original, true);
        Connection after = SqliteFiles.connect(copy, true)) {
      assertThat(SqliteFiles.structure(after)).containsExactlyElementsOf(mlmdVersion10);
      assertThat(SqliteFiles.rows(after, "MLMDEnv", List.of("schema_version")))
          .containsExactly("schema_version=int:10");
      assertRowsKept(before, after);
      assertThat(SqliteFiles.sequences(after)).isEqualTo(SqliteFiles.sequences(before));
    }
    try (MetadataStore store = MetadataStore.open("jdbc:mlmd:sqlite:" + copy)) {
      assertThat(store).isNotNull();
    }
  }

  /**
   * Version 8 allowed one event per (artifact, execution, type) only: of events recorded twice
   * before, MLMD keeps the newest (highest id) and drops the paths of the others. Every other
   * row stays.
   */
  @Test
  void migrationKeepsTheNewestOfDuplicateEventsAndDropsOrphanPaths() throws SQLException {
    Path copy = TestDatabases.copyOfFixture(V7);
    SqliteFiles.execute(copy,
        // Event 1 recorded twice more, the last time as 1003.
        "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
            + " SELECT 1001, artifact_id, execution_id, type, 5 FROM Event WHERE id = 1",
        "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
            + " VALUES (1002, 900, 901, 3, 6)",
        "INSERT INTO Event (id, artifact_id, execution_id, type, milliseconds_since_epoch)"
            + " SELECT 1003, artifact_id, execution_id, type, 7 FROM Event WHERE id = 1",
        "INSERT INTO EventPath (event_id, is_index_step, step_index, step_key) VALUES"
            + " (1001, 0, NULL, 'dup'), (1002, 1, 4, NULL), (1003, 0, NULL, 'newest'),"
            + " (1003, 1, 0, NULL)");
    Map<String, List<String>> columns;
    Map<String, List<String>> expected;
    try (Connection c = SqliteFiles.connect(copy, true)) {
      columns = SqliteFiles.columnsOfTables(c);
      expected = SqliteFiles.rows(c, columns);
    }
    expected.remove("MLMDEnv");
    expected.put("Event", expected.get("Event").stream()
        .filter(row -> !row.startsWith("id=int:1|") && !row.startsWith("id=int:1001|"))
        .toList());
    expected.put("EventPath", expected.get("EventPath").stream()
        .filter(row -> !row.startsWith("event_id=int:1|") && !row.startsWith("event_id=int:1001|"))
        .toList());

    MetadataStore.open("jdbc:mlmd:sqlite:" + copy + "?enableUpgradeMigration=true").close();

    try (Connection c = SqliteFiles.connect(copy, true)) {
      columns.remove("MLMDEnv");
      assertThat(SqliteFiles.rows(c, columns)).isEqualTo(expected);
      assertThat(SqliteFiles.rows(c, "EventPath", List.of("event_id", "step_key")))
          .endsWith("event_id=int:1002|step_key=null", "event_id=int:1003|step_key=text:newest",
              "event_id=int:1003|step_key=null");
      assertThat(SqliteFiles.structure(c)).containsExactlyElementsOf(mlmdVersion10);
    }
  }

  /**
   * Rebuilt tables keep their AUTOINCREMENT counter: an id freed by a deletion before the
   * migration is not handed out again after it.
   */
  @Test
  void migrationKeepsTheIdCounters() throws SQLException {
    Path copy = TestDatabases.copyOfFixture(V7);
    long lastArtifact;
    try (Connection c = SqliteFiles.connect(copy, true)) {
      lastArtifact = SqliteFiles.longValue(c, "SELECT MAX(id) FROM Artifact");
    }
    SqliteFiles.execute(copy, "DELETE FROM Artifact WHERE id = " + lastArtifact,
        "DELETE FROM Event WHERE id = (SELECT MAX(id) FROM Event)",
        "DELETE FROM Type WHERE id = (SELECT MAX(id) FROM Type)");
    Map<String, Long> sequences;
    try (Connection c = SqliteFiles.connect(copy, true)) {
      sequences = SqliteFiles.sequences(c);
    }

    MetadataStore.open("jdbc:mlmd:sqlite:" + copy + "?enableUpgradeMigration=true").close();

    try (Connection c = SqliteFiles.connect(copy, false); Statement s = c.createStatement()) {
      assertThat(SqliteFiles.sequences(c)).isEqualTo(sequences);
      s.execute("INSERT INTO Artifact (type_id, uri) VALUES (10, 'new')");
      assertThat(SqliteFiles.longValue(c, "SELECT MAX(id) FROM Artifact"))
          .isEqualTo(lastArtifact + 1);
    }
  }

  /**
   * MLMD's downgrades lead to the schemas MLMD itself wrote at those versions: the version-8 and
   * version-7 files.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 7})
  void downgradeLeadsToMlmdsOlderSchema(int version) throws SQLException {
    Path store = newStore();
    downgrade(store, version);
    Path mlmds = TestDatabases.copyOfFixture(version == 8 ? V8 : V7);
    assertThat(structureOf(store)).containsExactlyElementsOf(structureOf(mlmds));
  }

  /**
   * Down from MLMD's version-10 file (with a few rows of what the file lacks: external ids,
   * proto, bool and byte values, parent contexts) to each older version and up again. Going
   * down, each table keeps every row in the columns the older version has (only context types
   * go at version 1, as in MLMD); the tables and columns are those MLMD had then. Going up, every
   * row comes back as it was at the older version, new columns hold their default, and the
   * schema is MLMD's version 10 again.
   */
  @ParameterizedTest
  @MethodSource("olderVersions")
  void downgradeAndUpgradeAgainKeepsTheRows(int version) throws Exception {
    Path store = TestDatabases.copyOfFixture(V10);
    SqliteFiles.execute(store,
        "UPDATE Artifact SET external_id = 'artifact-' || id WHERE id <= 5",
        "UPDATE Type SET external_id = 'type-' || id WHERE id = 12",
        "UPDATE Context SET external_id = 'context-' || id WHERE id = 3",
        "INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property, bool_value)"
            + " VALUES (1, 'flag', 1, 1)",
        "INSERT INTO ExecutionProperty (execution_id, name, is_custom_property, proto_value)"
            + " VALUES (1, 'any', 1, X'0a0b')",
        "INSERT INTO ContextProperty (context_id, name, is_custom_property, byte_value)"
            + " VALUES (1, 'raw', 1, X'ff00')",
        "INSERT INTO ParentContext (context_id, parent_context_id) VALUES (2, 1)");
    Path original = TestDatabases.tempDir().resolve("original.sqlite");
    Files.copy(store, original);

    downgrade(store, version);

    // Rows are labelled with version 10's column names throughout.
    Map<String, List<String>> columnsThen;
    Map<String, List<String>> rowsThen = new TreeMap<>();
    try (Connection then = SqliteFiles.connect(store, true);
        Connection before = SqliteFiles.connect(original, true)) {
      columnsThen = SqliteFiles.columnsOfTables(then);
      assertThat(columnsThen).isEqualTo(mlmdColumns(version));
      if (MLMD_INDEX_COUNTS.containsKey(version)) {
        assertThat(SqliteFiles.longValue(then,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"))
            .isEqualTo(MLMD_INDEX_COUNTS.get(version));
      }
      if (version > 0) {
        assertThat(SqliteFiles.rows(then, "MLMDEnv", List.of("schema_version")))
            .containsExactly("schema_version=int:" + version);
      }
      columnsThen.remove("MLMDEnv");
      for (Map.Entry<String, List<String>> table : columnsThen.entrySet()) {
        List<String> labels = table.getValue().stream().map(SqliteSchemaTest::nameIn10)
            .toList();
        List<String> rows = SqliteFiles.rows(then, table.getKey(), table.getValue(), labels);
        List<String> expected = SqliteFiles.rows(before, table.getKey(), labels, labels);
        if (table.getKey().equals("Type") && version <= 1) {
          expected = expected.stream().filter(row -> !row.contains("|type_kind=int:2|"))
              .toList();
        }
        assertThat(rows).as("%s at version %d", table.getKey(), version).isEqualTo(expected);
        rowsThen.put(table.getKey(), rows);
      }
    }

    MetadataStore.open("jdbc:mlmd:sqlite:" + store + "?enableUpgradeMigration=true").close();

    try (Connection c = SqliteFiles.connect(store, true)) {
      assertThat(SqliteFiles.structure(c)).containsExactlyElementsOf(mlmdVersion10);
      Map<String, List<String>> kept = new TreeMap<>(columnsThen);
      kept.replaceAll((table, columns) -> columns.stream().map(SqliteSchemaTest::nameIn10)
          .toList());
      assertThat(SqliteFiles.rows(c, kept)).isEqualTo(rowsThen);
      assertNewColumnsHoldTheirDefault(c, kept);
    }
  }

  /** Type.is_artifact_type of versions 0 and 1 became type_kind in version 2. */
  private static String nameIn10(String column) {
    return column.equals("is_artifact_type") ? "type_kind" : column;
  }

  static IntStream olderVersions() {
    return IntStream.rangeClosed(0, 9).map(v -> 9 - v);
  }

  /** MLMD's own checks of its SQLite migrations count all indexes, automatic ones too. */
  private static final Map<Integer, Long> MLMD_INDEX_COUNTS = Map.of(7, 23L, 8, 32L, 9, 40L);

  /**
   * The tables and columns of MLMD's SQLite schema at {@code version}, as MLMD's migration steps
   * define them.
   */
  private static Map<String, List<String>> mlmdColumns(int version) {
    Map<String, List<String>> tables = new TreeMap<>();
    List<String> type = new ArrayList<>(List.of("id", "name"));
    if (version >= 6) {
      type.add("version");
    }
    type.add(version >= 2 ? "type_kind" : "is_artifact_type");
    if (version >= 6) {
      type.add("description");
    }
    type.addAll(List.of("input_type", "output_type"));
    if (version >= 9) {
      type.add("external_id");
    }
    tables.put("Type", type);
    tables.put("TypeProperty", List.of("type_id", "name", "data_type"));
    tables.put("Artifact",
        node(version, List.of("id", "type_id", "uri"), List.of("state", "name")));
    tables.put("Execution",
        node(version, List.of("id", "type_id"), List.of("last_known_state", "name")));
    tables.put("Event",
        List.of("id", "artifact_id", "execution_id", "type", "milliseconds_since_epoch"));
    tables.put("EventPath", List.of("event_id", "is_index_step", "step_index", "step_key"));
    tables.put("ArtifactProperty", properties(version, "artifact_id"));
    tables.put("ExecutionProperty", properties(version, "execution_id"));
    if (version >= 1) {
      tables.put("MLMDEnv", List.of("schema_version"));
    }
    if (version >= 3) {
      tables.put("Context", node(version, List.of("id", "type_id", "name"), List.of()));
      tables.put("ContextProperty", properties(version, "context_id"));
    }
    if (version >= 4) {
      tables.put("Association", List.of("id", "context_id", "execution_id"));
      tables.put("Attribution", List.of("id", "context_id", "artifact_id"));
    }
    if (version >= 6) {
      tables.put("ParentType", List.of("type_id", "parent_type_id"));
      tables.put("ParentContext", List.of("context_id", "parent_context_id"));
    }
    return tables;
  }

  /** A node table's columns: those it had from the start, then those of version 5 and 9. */
  private static List<String> node(int version, List<String> first, List<String> since5) {
    List<String> all = new ArrayList<>(first);
    if (version >= 5) {
      all.addAll(since5);
    }
    if (version >= 9) {
      all.add("external_id");
    }
    if (version >= 5) {
      all.addAll(List.of("create_time_since_epoch", "last_update_time_since_epoch"));
    }
    return all;
  }

  private static List<String> properties(int version, String idColumn) {
    List<String> columns = new ArrayList<>(List.of(idColumn, "name", "is_custom_property",
        "int_value", "double_value", "string_value"));
    if (version >= 7) {
      columns.add("byte_value");
    }
    if (version >= 10) {
      columns.addAll(List.of("proto_value", "bool_value"));
    }
    return columns;
  }

  /** Every row of {@code before} is in {@code after}, in the same order, with the same values. */
  private static void assertRowsKept(Connection before, Connection after)
      throws SQLException {
    Map<String, List<String>> columns = SqliteFiles.columnsOfTables(before);
    columns.remove("MLMDEnv");
    Map<String, List<String>> expected = SqliteFiles.rows(before, columns);
    assertThat(SqliteFiles.rows(after, columns)).isEqualTo(expected);
    assertNewColumnsHoldTheirDefault(after, columns);
  }

  /** Columns a migration added hold their default (0 for timestamps, else NULL) in old rows. */
  private static void assertNewColumnsHoldTheirDefault(Connection c,
      Map<String, List<String>> oldColumns) throws SQLException {
    for (Map.Entry<String, List<String>> table : SqliteFiles.columnsOfTables(c).entrySet()) {
      List<String> old = oldColumns.get(table.getKey());
      if (old == null) {
        continue;
      }
      for (String column : table.getValue()) {
        if (old.contains(column)) {
          continue;
        }
        String expected = column.endsWith("_time_since_epoch") ? "int:0" : "null";
        List<String> values = SqliteFiles.rows(c, table.getKey(), List.of(column));
        assertThat(values).as("%s.%s", table.getKey(), column)
            .containsOnly(column + "=" + expected);
      }
    }
  }

  private static Path newStore() {
    Path file = TestDatabases.tempDir().resolve("store.sqlite");
    MetadataStore.open("jdbc:mlmd:sqlite:" + file).close();
    return file;
  }

  private static void downgrade(Path store, int version) {
    assertThatThrownBy(() -> MetadataStore.open(
        "jdbc:mlmd:sqlite:" + store + "?downgradeToSchemaVersion=" + version))
        .isInstanceOfSatisfying(MlmdException.class, e -> {
          assertThat(e.code()).as(e.getMessage()).isEqualTo(Code.CANCELLED);
          assertThat(e.getMessage()).contains("schema version " + version);
        });
  }

  private static List<String> structureOf(Path file) throws SQLException {
    try (Connection c = SqliteFiles.connect(file, true)) {
      return SqliteFiles.structure(c);
    }
  }
}

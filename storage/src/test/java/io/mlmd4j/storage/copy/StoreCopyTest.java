package io.mlmd4j.storage.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.Artifact;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.proto.PutArtifactsRequest;
import io.mlmd4j.proto.Value;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.Progress;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.storage.schema.SchemaScripts;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Copies of whole stores between backends, compared row by row, column by column. */
class StoreCopyTest {

  private static final String FIXTURE = "tfx-v10-lab.sqlite";

  /** The test: a TFX store into MySQL and back into a new SQLite file, unchanged. */
  @Test
  void tfxStoreGoesToMySqlAndBackUnchanged() throws Exception {
    Path original = TestDatabases.copyOfFixture(FIXTURE);
    try (MetadataSource sqlite = openSource(sqlite(original));
        MetadataSource mysql = openTarget(TestDatabases.freshUrl(Backend.MYSQL));
        MetadataSource back = openTarget(TestDatabases.freshUrl(Backend.SQLITE))) {
      long rows = sqlite.read(c -> new StoreCopy(c, mysql).copy(Progress.NONE));
      mysql.read(c -> new StoreCopy(c, back).copy(Progress.NONE));
      Map<String, List<List<Object>>> expected = sqlite.read(StoreCopyTest::dump);
      assertThat(rows).isEqualTo(expected.values().stream().mapToLong(List::size).sum()
          - expected.get("MLMDEnv").size());
      assertSameRows(mysql.read(StoreCopyTest::dump), expected);
      assertSameRows(back.read(StoreCopyTest::dump), expected);
    }
  }

  /** Every backend as target, and then as source for a new SQLite file. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyBackendTakesAndGivesTheWholeStore(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource middle = openTarget(TestDatabases.freshUrl(backend));
        MetadataSource last = openTarget(TestDatabases.freshUrl(Backend.SQLITE))) {
      Map<String, List<List<Object>>> expected = fixture.read(StoreCopyTest::dump);
      Set<String> steps = new LinkedHashSet<>();
      fixture.read(c -> new StoreCopy(c, middle).copy((step, done, total) -> {
        if (done == total) {
          steps.add(step + " " + total);
        }
      }));
      assertThat(steps).contains("Artifact 199", "EventPath 542", "Attribution 741")
          .hasSize(StoreCopy.TABLES.size());
      assertSameRows(middle.read(StoreCopyTest::dump), expected);
      middle.read(c -> new StoreCopy(c, last).copy(Progress.NONE));
      assertSameRows(last.read(StoreCopyTest::dump), expected);
    }
  }

  /** New rows get ids after the copied ones, as they would in the source. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void newRowsAfterACopyGetFreshIds(Backend backend) throws Exception {
    String url = TestDatabases.freshUrl(backend);
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(url)) {
      fixture.read(c -> new StoreCopy(c, target).copy(Progress.NONE));
      long maxId = target.read(c -> longQuery(c, "SELECT MAX(id) FROM Artifact"));
      long maxType = target.read(c -> longQuery(c, "SELECT MAX(id) FROM Type"));
      long id = target.write(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("INSERT INTO Artifact(type_id, uri) VALUES (" + maxType + ", 'x')");
        }
        return longQuery(c, "SELECT MAX(id) FROM Artifact");
      });
      assertThat(id).isGreaterThan(maxId);
    }
  }

  /** A failure half way through leaves the target as it was: an empty store. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailureMidwayLeavesTheTargetAsItWas(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(TestDatabases.freshUrl(backend))) {
      Map<String, List<List<Object>>> before = target.read(StoreCopyTest::dump);
      assertThatThrownBy(() -> fixture.read(c -> new StoreCopy(c, target).copy(
          (step, done, total) -> {
            if (step.equals("Event") && done > 0) {
              throw new IllegalStateException("stop here");
            }
          }))).hasMessage("stop here");
      assertSameRows(target.read(StoreCopyTest::dump), before);
      assertThat(before.get("Type")).hasSize(9);
    }
  }

  /** MySQL's 32-bit int_value rejects a row that SQLite held: nothing of the copy stays. */
  @Test
  void aRowTheTargetRejectsLeavesTheTargetAsItWas() throws Exception {
    String from = TestDatabases.freshUrl(Backend.SQLITE);
    try (MetadataStore store = MetadataStore.open(from)) {
      long type = store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Big")).build()).getTypeId();
      List<Artifact> artifacts = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        artifacts.add(Artifact.newBuilder().setTypeId(type).setUri("a" + i)
            .putCustomProperties("n", Value.newBuilder().setIntValue(i < 2400 ? i : 1L << 40)
                .build()).build());
      }
      store.putArtifacts(PutArtifactsRequest.newBuilder().addAllArtifacts(artifacts).build());
    }
    try (MetadataSource source = openSource(ConnectionUrl.parse(from).config().getSqlite()
            .getFilenameUri());
        MetadataSource mysql = openTarget(TestDatabases.freshUrl(Backend.MYSQL))) {
      Map<String, List<List<Object>>> before = mysql.read(StoreCopyTest::dump);
      assertThatThrownBy(() -> source.read(c -> new StoreCopy(c, mysql).copy(Progress.NONE)))
          .isInstanceOfSatisfying(MlmdException.class,
              e -> assertThat(e.code()).isEqualTo(MlmdException.Code.INVALID_ARGUMENT))
          .hasMessageContaining("does not fit");
      assertSameRows(mysql.read(StoreCopyTest::dump), before);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTargetWithRowsIsRefused(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(TestDatabases.freshUrl(backend))) {
      target.write(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("INSERT INTO Context(type_id, name) VALUES (1, 'c')");
        }
        return null;
      });
      assertThatThrownBy(() -> fixture.read(c -> new StoreCopy(c, target).copy(Progress.NONE)))
          .isInstanceOfSatisfying(MlmdException.class,
              e -> assertThat(e.code()).isEqualTo(MlmdException.Code.FAILED_PRECONDITION))
          .hasMessage("The target store is not empty (it holds 1 Context rows): a copy goes"
              + " into an empty store only");
    }
  }

  /** Into an empty target a merge is a copy: every row and id as in the source. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void mergeIntoAnEmptyStoreIsACopy(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(TestDatabases.freshUrl(backend))) {
      fixture.read(c -> new StoreCopy(c, target).merge(Progress.NONE));
      assertSameRows(target.read(StoreCopyTest::dump), fixture.read(StoreCopyTest::dump));
    }
  }

  /**
   * A store merged into a copy of itself (whose artifacts lost their names, which would clash):
   * types and contexts are matched, so they stay as they were; every other row is there twice,
   * the second time with ids after the first's and every reference remapped.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void mergeMatchesTypesAndContextsAndAddsTheRest(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(TestDatabases.freshUrl(backend))) {
      fixture.read(c -> new StoreCopy(c, target).copy(Progress.NONE));
      target.write(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE Artifact SET name = NULL");
        }
        return null;
      });
      Map<String, List<List<Object>>> before = target.read(StoreCopyTest::dump);
      long artifacts = target.read(c -> longQuery(c, "SELECT MAX(id) FROM Artifact"));
      long executions = target.read(c -> longQuery(c, "SELECT MAX(id) FROM Execution"));
      long events = target.read(c -> longQuery(c, "SELECT MAX(id) FROM Event"));
      fixture.read(c -> new StoreCopy(c, target).merge(Progress.NONE));
      Map<String, List<List<Object>>> after = target.read(StoreCopyTest::dump);
      for (String table : List.of("Type", "TypeProperty", "ParentType", "Context",
          "ContextProperty", "ParentContext", "MLMDEnv")) {
        assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
      }
      for (String table : List.of("Artifact", "ArtifactProperty", "Execution",
          "ExecutionProperty", "Event", "EventPath", "Association", "Attribution")) {
        assertThat(after.get(table)).as(table).hasSize(2 * before.get(table).size());
      }
      String original = "SELECT artifact_id, execution_id, type FROM Event WHERE id <= " + events
          + " ORDER BY 1, 2, 3";
      String added = "SELECT artifact_id - " + artifacts + ", execution_id - " + executions
          + ", type FROM Event WHERE id > " + events + " ORDER BY 1, 2, 3";
      List<List<Long>> addedEvents = target.read(c -> rows(c, added));
      List<List<Long>> originalEvents = target.read(c -> rows(c, original));
      assertThat(addedEvents).isEqualTo(originalEvents).isNotEmpty();
      String attributions = "SELECT context_id, artifact_id FROM Attribution WHERE artifact_id";
      List<List<Long>> addedAttributions = target.read(c -> rows(c, attributions.replace(
          "artifact_id FROM", "artifact_id - " + artifacts + " FROM") + " > " + artifacts
          + " ORDER BY 1, 2"));
      List<List<Long>> originalAttributions = target.read(c -> rows(c, attributions + " <= "
          + artifacts + " ORDER BY 1, 2"));
      assertThat(addedAttributions).isEqualTo(originalAttributions).isNotEmpty();
    }
  }

  /** Two TFX stores of different pipelines in one; the second's nodes renumbered. */
  @Test
  void mergeOfTwoPipelines() throws Exception {
    try (MetadataSource lab = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource covertype = openSource(sqlite(TestDatabases.copyOfFixture(
            "tfx-v8-covertype.sqlite")));
        MetadataSource target = openTarget(TestDatabases.freshUrl(Backend.MYSQL))) {
      new SchemaManager(covertype).open(
          MigrationOptions.newBuilder().setEnableUpgradeMigration(true).build());
      lab.read(c -> new StoreCopy(c, target).merge(Progress.NONE));
      covertype.read(c -> new StoreCopy(c, target).merge(Progress.NONE));
      Map<String, List<List<Object>>> one = lab.read(StoreCopyTest::dump);
      Map<String, List<List<Object>>> two = covertype.read(StoreCopyTest::dump);
      Map<String, List<List<Object>>> both = target.read(StoreCopyTest::dump);
      for (String table : List.of("Artifact", "Execution", "Event", "EventPath", "Attribution",
          "Association", "ArtifactProperty")) {
        assertThat(both.get(table)).as(table)
            .hasSize(one.get(table).size() + two.get(table).size());
      }
      assertThat(both.get("Type").size()).isLessThan(
          one.get("Type").size() + two.get("Type").size());
    }
  }

  /** A type property declared with another data type: nothing is merged. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void mergeRefusesATypeWhosePropertiesDisagree(Backend backend) throws Exception {
    try (MetadataSource fixture = openSource(sqlite(TestDatabases.copyOfFixture(FIXTURE)));
        MetadataSource target = openTarget(TestDatabases.freshUrl(backend))) {
      fixture.read(c -> new StoreCopy(c, target).copy(Progress.NONE));
      target.write(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE TypeProperty SET data_type = 1 WHERE type_id = 12"
              + " AND name = 'span'");
        }
        return null;
      });
      Map<String, List<List<Object>>> before = target.read(StoreCopyTest::dump);
      assertThatThrownBy(() -> fixture.read(c -> new StoreCopy(c, target).merge(Progress.NONE)))
          .isInstanceOfSatisfying(MlmdException.class,
              e -> assertThat(e.code()).isEqualTo(MlmdException.Code.FAILED_PRECONDITION))
          .hasMessage("Type 12 declares property 'span' with data type 1 in the target and 3 in"
              + " the source: the stores cannot be merged");
      assertSameRows(target.read(StoreCopyTest::dump), before);
    }
  }

  private static List<List<Long>> rows(Connection c, String sql) throws SQLException {
    List<List<Long>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Long> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getLong(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Stores of schema 7 and 8 are refused until migrated; migrated, they copy whole. */
  @Test
  void olderSchemasAreCopiedOnceMigrated() throws Exception {
    for (String name : List.of("tfx-v7-passau.sqlite", "tfx-v8-covertype.sqlite")) {
      String file = TestDatabases.copyOfFixture(name).toString();
      try (MetadataSource old = openSource(file);
          MetadataSource target = openTarget(TestDatabases.freshUrl(Backend.SQLITE))) {
        assertThatThrownBy(() -> old.read(c -> new StoreCopy(c, target).copy(Progress.NONE)))
            .hasMessageContaining("The source store is at MLMD schema version")
            .hasMessageContaining("upgrade the source first (mlmd migrate)");
        new SchemaManager(old).open(
            MigrationOptions.newBuilder().setEnableUpgradeMigration(true).build());
        old.read(c -> new StoreCopy(c, target).copy(Progress.NONE));
        assertSameRows(target.read(StoreCopyTest::dump), old.read(StoreCopyTest::dump));
      }
    }
  }

  /** Table by table, so that a failure shows the rows that differ. */
  private static void assertSameRows(Map<String, List<List<Object>>> actual,
      Map<String, List<List<Object>>> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String table : expected.keySet()) {
      assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
    }
  }

  private static String sqlite(Path file) {
    return file.toString();
  }

  private static MetadataSource openSource(String sqliteFile) {
    return MetadataSource.open(ConnectionUrl.parse(ConnectionUrl.PREFIX + "sqlite:" + sqliteFile));
  }

  /** A new store's database: schema and simple types created, as `mlmd copy` leaves it. */
  private static MetadataSource openTarget(String url) {
    MetadataSource source = MetadataSource.open(ConnectionUrl.parse(url));
    new SchemaManager(source).open(MigrationOptions.getDefaultInstance());
    return source;
  }

  private static long longQuery(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Every row of every MLMD table with every column, by column name, in key order (event paths
   * in stored order). Values are compared across backends as the same numbers, text and bytes:
   * SQLite's integers read as Integer or Long, MySQL's as Integer, Long or (TINYINT) boolean.
   */
  static Map<String, List<List<Object>>> dump(Connection c) throws SQLException {
    Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    for (String table : SchemaScripts.TABLES) {
      String order = StoreCopy.TABLES.stream().filter(t -> t.name().equals(table))
          .map(StoreCopy.CopiedTable::orderBy).filter(o -> o != null)
          .map(o -> " ORDER BY " + o).findFirst().orElse("");
      List<List<Object>> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "`" + order)) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.add(meta.getColumnLabel(i) + "=" + normal(StoreCopy.value(rs, i)));
          }
          row.sort(null);
          rows.add(row);
        }
      }
      tables.put(table, rows);
    }
    return tables;
  }

  private static Object normal(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof byte[] bytes) {
      return "x'" + HexFormat.of().formatHex(bytes) + "'";
    }
    return v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v;
  }
}

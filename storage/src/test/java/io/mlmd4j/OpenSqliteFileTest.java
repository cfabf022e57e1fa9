package io.mlmd4j;

import static io.mlmd4j.OpenStoreTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.MlmdException.Code;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.GetArtifactTypesRequest;
import io.mlmd4j.proto.PutArtifactTypeRequest;
import io.mlmd4j.storage.MetadataSource;
import io.mlmd4j.storage.schema.SchemaManager;
import io.mlmd4j.testing.SqliteFiles;
import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opening SQLite files: the databases MLMD wrote (the shared fixtures, copied), files that are
 * missing, and files opened READONLY, which must come out of it byte for byte as they went in.
 */
class OpenSqliteFileTest {

  private static final String V10 = "tfx-v10-lab.sqlite";

  @Test
  void mlmdsVersion10FileOpensAsItIs() throws SQLException {
    Path original = TestDatabases.fixtures().resolve(V10);
    Path copy = TestDatabases.copyOfFixture(V10);
    Map<String, List<String>> rows;
    try (Connection c = SqliteFiles.connect(original, true)) {
      rows = SqliteFiles.rows(c, SqliteFiles.columnsOfTables(c));
      // The fixture's README: 23 types, 199 artifacts, 73 executions, 271 events, 163 contexts.
      assertThat(SqliteFiles.rowCounts(c)).containsAllEntriesOf(Map.of("Type", 23L,
          "Artifact", 199L, "Execution", 73L, "Event", 271L, "Context", 163L));
    }

    try (MetadataStore store = MetadataStore.open("jdbc:mlmd:sqlite:" + copy)) {
      // 23 types: the 9 simple ones, which Get*Types hide, and 14 TFX types.
      assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
          .getArtifactTypesCount()).isPositive();
    }

    try (Connection c = SqliteFiles.connect(copy, true)) {
      assertThat(SqliteFiles.rows(c, SqliteFiles.columnsOfTables(c))).isEqualTo(rows);
    }
  }

  /** An older file is refused and left untouched unless upgrade migration is asked for. */
  @ParameterizedTest
  @ValueSource(strings = {"tfx-v8-covertype.sqlite:8", "tfx-v7-passau.sqlite:7"})
  void olderFileIsRefusedWithoutMigrationAndMigratedWithIt(String fixtureAndVersion)
      throws SQLException {
    String fixture = fixtureAndVersion.substring(0, fixtureAndVersion.indexOf(':'));
    String version = fixtureAndVersion.substring(fixtureAndVersion.indexOf(':') + 1);
    Path original = TestDatabases.fixtures().resolve(fixture);
    Path copy = TestDatabases.copyOfFixture(fixture);
    String digest = SqliteFiles.digest(copy);

    for (String url : List.of("jdbc:mlmd:sqlite:" + copy,
        "jdbc:mlmd:sqlite:" + copy + "?mode=READONLY",
        "jdbc:mlmd:sqlite:" + copy + "?mode=READONLY&enableUpgradeMigration=true")) {
      assertFails(() -> MetadataStore.open(url), Code.FAILED_PRECONDITION,
          "version " + version + " is older than library version 10", "`mlmd migrate URL`",
          "enableUpgradeMigration=true");
      assertThat(SqliteFiles.digest(copy)).as(url).isEqualTo(digest);
    }

    MetadataStore.open("jdbc:mlmd:sqlite:" + copy + "?enableUpgradeMigration=true").close();

    try (Connection before = SqliteFiles.connect(original, true);
        Connection after = SqliteFiles.connect(copy, true)) {
      assertThat(SqliteFiles.longValue(after, "SELECT schema_version FROM MLMDEnv"))
          .isEqualTo(10);
      Map<String, List<String>> columns = SqliteFiles.columnsOfTables(before);
      columns.remove("MLMDEnv");
      assertThat(SqliteFiles.rows(after, columns)).isEqualTo(SqliteFiles.rows(before, columns));
      Map<String, Long> counts = SqliteFiles.rowCounts(before);
      assertThat(SqliteFiles.rowCounts(after)).containsAllEntriesOf(counts);
    }
  }

  /** A version MLMD has not made yet: refused, whatever the options, and nothing is written. */
  @Test
  void newerFileIsRefusedAndLeftUntouched() throws SQLException {
    Path copy = TestDatabases.copyOfFixture(V10);
    SqliteFiles.execute(copy, "UPDATE MLMDEnv SET schema_version = 11");
    String digest = SqliteFiles.digest(copy);
    for (String options : List.of("", "?enableUpgradeMigration=true",
        "?downgradeToSchemaVersion=9", "?mode=READONLY")) {
      assertFails(() -> MetadataStore.open("jdbc:mlmd:sqlite:" + copy + options),
          Code.FAILED_PRECONDITION, "version 11 is greater than library version 10");
      assertThat(SqliteFiles.digest(copy)).as(options).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"READONLY", "READWRITE"})
  void missingFileIsNotFoundUnlessItMayBeCreated(String mode) {
    Path file = TestDatabases.tempDir().resolve("missing.sqlite");
    assertFails(() -> MetadataStore.open("jdbc:mlmd:sqlite:" + file + "?mode=" + mode),
        Code.NOT_FOUND, "'" + file + "'", mode);
    assertThat(file).doesNotExist();
  }

  @Test
  void missingFileIsCreatedByDefault() {
    Path file = TestDatabases.tempDir().resolve("new.sqlite");
    MetadataStore.open("jdbc:mlmd:sqlite:" + file + "?mode=READWRITE_OPENCREATE").close();
    assertThat(file).exists();
  }

  @Test
  void readOnlyOpenLeavesTheFileAsItWas() throws IOException {
    Path file = newStore();
    byte[] bytes = Files.readAllBytes(file);
    try (MetadataStore store = MetadataStore.open("jdbc:mlmd:sqlite:" + file + "?mode=READONLY")) {
      assertThat(store.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance())
          .getArtifactTypesList()).isEmpty();
      assertFails(() -> store.putArtifactType(PutArtifactTypeRequest.newBuilder()
          .setArtifactType(ArtifactType.newBuilder().setName("Examples")).build()),
          Code.FAILED_PRECONDITION, "READONLY");
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(file.resolveSibling(file.getFileName() + "-journal")).doesNotExist();
  }

  /** Neither the source's writes nor SQL slipped into a read reach a READONLY file. */
  @Test
  void readOnlySourceRefusesEveryWrite() throws IOException {
    Path file = newStore();
    byte[] bytes = Files.readAllBytes(file);
    ConnectionSettings settings =
        ConnectionUrl.parse("jdbc:mlmd:sqlite:" + file + "?mode=READONLY");
    try (MetadataSource source = MetadataSource.open(settings)) {
      new SchemaManager(source).open(settings.migration());
      assertThat(source.isReadOnly()).isTrue();
      assertFails(() -> source.write(c -> null), Code.FAILED_PRECONDITION, "READONLY");
      assertFails(() -> source.read(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("INSERT INTO Type (name, type_kind) VALUES ('x', 1)");
        }
      }), e -> assertThat(e.getMessage()).contains("readonly"));
      assertFails(() -> source.read(c -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate("DROP TABLE Attribution");
        }
      }), e -> assertThat(e.getMessage()).contains("readonly"));
      assertFails(() -> new SchemaManager(source).open(
          settings.migration().toBuilder().setDowngradeToSchemaVersion(9).build()),
          Code.FAILED_PRECONDITION, "READONLY");
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  /** READONLY cannot create the schema an empty file lacks. */
  @Test
  void readOnlyEmptyFileIsRefused() throws IOException {
    Path file = TestDatabases.tempDir().resolve("empty.sqlite");
    Files.createFile(file);
    assertFails(() -> MetadataStore.open("jdbc:mlmd:sqlite:" + file + "?mode=READONLY"),
        Code.FAILED_PRECONDITION, "holds no MLMD schema");
    assertThat(file).isEmptyFile();
  }

  private static Path newStore() {
    Path file = TestDatabases.tempDir().resolve("store.sqlite");
    MetadataStore.open("jdbc:mlmd:sqlite:" + file).close();
    return file;
  }
}

package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.cli.MlmdCommandTest.Result;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the mlmd command: each gives exactly one line on standard error naming the
 * problem, no stack trace, and a non-zero exit code.
 */
class CliErrorsTest {

  private static String demo;

  @BeforeAll
  static void writeDemoStore() {
    Path file = TestDatabases.tempDir().resolve("demo.sqlite");
    Result r = MlmdCommandTest.run("demo", "--runs", "2", "--path", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    demo = "jdbc:mlmd:sqlite:" + file;
  }

  /** The one line of standard error, after checking the exit code and that it is one line. */
  private static String oneLine(int exitCode, String... args) {
    Result r = MlmdCommandTest.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(exitCode);
    assertThat(r.err()).endsWith("\n").doesNotContain("\tat ");
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    return r.err().strip();
  }

  @Test
  void unknownUrlScheme() {
    assertThat(oneLine(3, "types", "jdbc:mlmd:oracle:/x")).isEqualTo("mlmd: Bad connection URL"
        + " 'jdbc:mlmd:oracle:/x': unknown backend 'oracle'; expected fake, sqlite or mysql"
        + " (INVALID_ARGUMENT)");
    assertThat(oneLine(3, "copy", "http://example.org/x", demo)).startsWith(
        "mlmd: Bad connection URL 'http://example.org/x': it does not start with 'jdbc:mlmd:'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"?mode=READONLY", "?mode=READWRITE"})
  void missingSqliteFile(String mode) {
    Path missing = TestDatabases.tempDir().resolve("missing.sqlite");
    assertThat(oneLine(3, "types", "jdbc:mlmd:sqlite:" + missing + mode)).isEqualTo(
        "mlmd: SQLite file '" + missing + "' does not exist (mode " + mode.substring(6)
            + " opens an existing file only; mode=READWRITE_OPENCREATE creates it) (NOT_FOUND)");
    assertThat(Files.exists(missing)).isFalse();
  }

  /** A command that only reads does not create the store a mistyped path names. */
  @ParameterizedTest
  @ValueSource(strings = {"summary", "types", "artifacts", "executions", "lineage", "cached",
      "compare", "shell"})
  void readingCommandsRefuseAMissingSqliteFile(String command) {
    Path missing = TestDatabases.tempDir().resolve("missing.sqlite");
    String url = "jdbc:mlmd:sqlite:" + missing;
    String[] args = switch (command) {
      case "lineage" -> new String[] {command, url, "LINEAGE UPSTREAM OF ARTIFACTS WHERE id = 1"};
      case "cached" -> new String[] {command, url, "-t", "Trainer", "-i", "1"};
      case "compare" -> new String[] {command, url, "1", "2"};
      case "shell" -> new String[] {command, url, "-e", "SELECT 1"};
      default -> new String[] {command, url};
    };
    assertThat(oneLine(3, args)).startsWith("mlmd: SQLite file '" + missing + "' does not exist"
        + " (mode READWRITE opens an existing file only; mode=READWRITE_OPENCREATE creates it)");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void aModeThatCreatesIsObeyed() {
    Path created = TestDatabases.tempDir().resolve("created.sqlite");
    Result r = MlmdCommandTest.run("types", "jdbc:mlmd:sqlite:" + created
        + "?mode=READWRITE_OPENCREATE");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.exists(created)).isTrue();
  }

  @Test
  void readingCommandsRefuseAMissingMySqlDatabase() {
    String database = TestDatabases.freshDatabaseName();
    String url = TestDatabases.mysqlUrl(database);
    assertThat(oneLine(3, "types", url)).matches("mlmd: Database '" + database + "' does not"
        + " exist on MySQL [^ ]+ \\(not created: skipDbCreation is set\\) \\(NOT_FOUND\\)");
    assertThat(oneLine(3, "shell", url, "-e", "SELECT 1")).startsWith("mlmd: Database '"
        + database + "' does not exist on MySQL ");
    // Still missing: the second command found it missing too.
    assertThat(oneLine(3, "summary", url)).contains("does not exist");
  }

  @Test
  void missingSqliteFileToCopyOrMigrate() {
    Path missing = TestDatabases.tempDir().resolve("missing.sqlite");
    assertThat(oneLine(3, "copy", "jdbc:mlmd:sqlite:" + missing, "jdbc:mlmd:fake")).isEqualTo(
        "mlmd: SQLite file '" + missing + "' does not exist (mode READONLY opens an existing"
            + " file only; mode=READWRITE_OPENCREATE creates it) (NOT_FOUND)");
    assertThat(oneLine(3, "migrate", "jdbc:mlmd:sqlite:" + missing)).isEqualTo(
        "mlmd: SQLite file '" + missing + "' does not exist (mode READWRITE opens an existing"
            + " file only; mode=READWRITE_OPENCREATE creates it) (NOT_FOUND)");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void missingDirectoryOfANewSqliteFile() {
    Path file = TestDatabases.tempDir().resolve("no-such-dir").resolve("x.sqlite");
    assertThat(oneLine(3, "types", "jdbc:mlmd:sqlite:" + file + "?mode=READWRITE_OPENCREATE"))
        .isEqualTo("mlmd: Cannot create"
        + " SQLite file '" + file + "': directory '" + file.getParent() + "' does not exist"
        + " (NOT_FOUND)");
  }

  @Test
  void missingMySqlDatabaseToCopyOrMigrate() {
    String url = TestDatabases.freshUrl(Backend.MYSQL);
    assertThat(oneLine(3, "migrate", url)).startsWith("mlmd: Database 'mlmd4j_test_")
        .endsWith("(NOT_FOUND)");
    assertThat(oneLine(3, "copy", url, TestDatabases.freshUrl(Backend.SQLITE)))
        .startsWith("mlmd: Database 'mlmd4j_test_").endsWith("(NOT_FOUND)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?mode=READONLY"})
  void directoryInsteadOfFile(String mode) {
    Path dir = TestDatabases.tempDir();
    assertThat(oneLine(3, "summary", "jdbc:mlmd:sqlite:" + dir + mode)).isEqualTo(
        "mlmd: '" + dir + "' is a directory, not a SQLite file (INVALID_ARGUMENT)");
  }

  @Test
  void fileThatIsNotSqlite() throws Exception {
    Path text = TestDatabases.tempDir().resolve("notes.txt");
    Files.writeString(text, "not a database, just some text that is long enough to matter\n"
        .repeat(100));
    assertThat(oneLine(3, "types", "jdbc:mlmd:sqlite:" + text)).isEqualTo(
        "mlmd: '" + text + "' is not a SQLite database (INVALID_ARGUMENT)");
  }

  @Test
  void wrongMySqlPassword() {
    String url = TestDatabases.freshUrl(Backend.MYSQL).replaceAll("password=[^&]*",
        "password=wrong");
    assertThat(oneLine(4, "types", url)).matches("mlmd: Login to MySQL [^ ]+ refused for user"
        + " 'root': Access denied for user 'root'@'[^']+' \\(using password: YES\\)"
        + " \\(UNAUTHENTICATED\\)");
  }

  @Test
  void unreachableMySqlHost() {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    assertThat(oneLine(4, "types", "jdbc:mlmd:mysql://127.0.0.1:1/db?user=root")).isEqualTo(
        "mlmd: Cannot connect to MySQL 127.0.0.1:1/db: connection refused (UNAVAILABLE)");
    assertThat(oneLine(4, "types", "jdbc:mlmd:mysql://no-such-host.invalid/db?user=root"))
        .isEqualTo("mlmd: Cannot connect to MySQL no-such-host.invalid:3306/db: host name not"
            + " found (UNAVAILABLE)");
  }

  @Test
  void filterSyntaxError() {
    assertThat(oneLine(3, "artifacts", demo, "--filter", "uri LIKE"))
        .startsWith("mlmd: Invalid filter_query on artifacts: line 1:9: unexpected end of input")
        .endsWith("(INVALID_ARGUMENT)");
  }

  @Test
  void unknownIds() {
    assertThat(oneLine(3, "compare", demo, "1", "424242"))
        .isEqualTo("mlmd: No artifact with id 424242 (NOT_FOUND)");
    assertThat(oneLine(3, "compare", demo, "1", "abc"))
        .isEqualTo("mlmd: 'abc' is not an artifact id (INVALID_ARGUMENT)");
  }

  @Test
  void unknownType() {
    assertThat(oneLine(3, "artifacts", demo, "--type", "NoSuchType")).isEqualTo(
        "mlmd: No artifact type named 'NoSuchType' (NOT_FOUND)");
    assertThat(oneLine(3, "executions", demo, "--type", "NoSuchType")).isEqualTo(
        "mlmd: No execution type named 'NoSuchType' (NOT_FOUND)");
  }

  @Test
  void unknownTypeSuggestsTheClosestNames() {
    assertThat(oneLine(3, "artifacts", demo, "--type", "ModelBlesing")).isEqualTo(
        "mlmd: No artifact type named 'ModelBlesing'; did you mean ModelBlessing? (NOT_FOUND)");
    assertThat(oneLine(3, "executions", demo, "-t", "Traner")).isEqualTo(
        "mlmd: No execution type named 'Traner'; did you mean Trainer? (NOT_FOUND)");
    assertThat(oneLine(3, "cached", demo, "-t", "trainr", "-i", "1")).isEqualTo(
        "mlmd: No execution type named 'trainr'; did you mean Trainer? (NOT_FOUND)");
  }

  @Test
  void misspeltCommandsAndOptionsGetSuggestions() {
    assertThat(oneLine(2, "sumary")).startsWith("mlmd: ").contains("did you mean summary")
        .endsWith("(see 'mlmd --help')");
    assertThat(oneLine(2, "artifacts", demo, "--typ", "Model")).isEqualTo(
        "mlmd: Unknown options: '--typ', 'Model'; did you mean --type? (see 'mlmd artifacts"
            + " --help')");
  }

  @Test
  void usageErrorsAreOneLineToo() {
    assertThat(oneLine(2, "copy", demo)).isEqualTo("mlmd: Missing required parameter: 'TO'"
        + " (see 'mlmd copy --help')");
  }

  @Test
  void oldSourceOfACopyNamesTheMigration() {
    String old = "jdbc:mlmd:sqlite:" + TestDatabases.copyOfFixture("tfx-v7-passau.sqlite");
    assertThat(oneLine(4, "copy", old, TestDatabases.freshUrl(Backend.SQLITE))).isEqualTo(
        "mlmd: The source " + old + " is at MLMD schema version 7; upgrade it first with:"
            + " mlmd migrate " + old + " (FAILED_PRECONDITION)");
  }

  @Test
  void copyIntoAStoreWithRows() {
    String target = TestDatabases.freshUrl(Backend.SQLITE);
    assertThat(MlmdCommandTest.run("copy", demo, target).exitCode()).isZero();
    assertThat(oneLine(4, "copy", demo, target)).startsWith(
        "mlmd: The target store is not empty (it holds ").endsWith(
        "a copy goes into an empty store only; --merge adds the rows to it (FAILED_PRECONDITION)");
  }
}

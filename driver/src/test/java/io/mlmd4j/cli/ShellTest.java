package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.cli.MlmdCommandTest.Result;
import io.mlmd4j.connect.Backend;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code mlmd shell}'s statements, output formats and scripts, on every backend. */
class ShellTest {

  /** One row with a number, a string with quotes and a comma, and a NULL. */
  private static final String EXAMPLES = "SELECT id, name, span, split_names, external_id"
      + " FROM artifact.\"Examples\" WHERE name LIKE '%CsvExampleGen%' ORDER BY id";

  private static String print(Backend backend, ResultFormat format, String sql)
      throws SQLException {
    try (Connection c = DemoStores.connect(backend)) {
      StringWriter out = new StringWriter();
      new Shell(c, format).execute(sql, new PrintWriter(out, true));
      return out.toString();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void tableAlignsColumnsShowsNullAndCountsRows(Backend backend) throws SQLException {
    assertThat(print(backend, ResultFormat.TABLE, EXAMPLES)).isEqualTo(String.join("\n",
        "id  name                                span  split_names        external_id",
        "--  ----------------------------------  ----  -----------------  -----------",
        " 1  taxi-run-01.CsvExampleGen.examples     1  [\"train\", \"eval\"]  NULL",
        "(1 row)", ""));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void csvQuotesAsRfc4180(Backend backend) throws SQLException {
    assertThat(print(backend, ResultFormat.CSV, EXAMPLES)).isEqualTo(
        "id,name,span,split_names,external_id\r\n"
            + "1,taxi-run-01.CsvExampleGen.examples,1,\"[\"\"train\"\", \"\"eval\"\"]\",\r\n");
    assertThat(print(backend, ResultFormat.CSV, "SELECT '' AS e, 'a,b' AS c, TRUE AS b"
        + " FROM artifacts WHERE id = 1")).isEqualTo("e,c,b\r\n\"\",\"a,b\",true\r\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void jsonIsAnArrayOfObjectsWithTypedValues(Backend backend) throws SQLException {
    assertThat(print(backend, ResultFormat.JSON, EXAMPLES)).isEqualTo("[\n"
        + "  {\"id\": 1, \"name\": \"taxi-run-01.CsvExampleGen.examples\", \"span\": 1,"
        + " \"split_names\": \"[\\\"train\\\", \\\"eval\\\"]\", \"external_id\": null}\n]\n");
    assertThat(print(backend, ResultFormat.JSON, "SELECT accuracy, accuracy > 0.5 AS good"
        + " FROM artifact.\"ModelEvaluation\" ORDER BY id LIMIT 1"))
        .matches("\\[\n  \\{\"accuracy\": 0\\.\\d+, \"good\": true}\n]\n");
    assertThat(print(backend, ResultFormat.JSON, "SELECT id FROM artifacts WHERE id < 0"))
        .isEqualTo("[]\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void executeRunsOneStatementAndExits(Backend backend) {
    // On fake the command opens a new, empty store.
    Result r = MlmdCommandTest.run("shell", DemoStores.url(backend), "-e",
        "SELECT COUNT(*) AS n FROM executions WHERE name LIKE 'taxi-run-01.%';", "--format",
        "csv");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("n\r\n" + (backend == Backend.FAKE ? 0 : 7) + "\r\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSyntaxErrorIsOneLineWithItsPosition(Backend backend) {
    Result r = MlmdCommandTest.run("shell", DemoStores.url(backend), "-e",
        "SELECT id\nFROM artifacts WHERE");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .matches("mlmd: Syntax error: .*line 2, column 20.* \\[SQLState 42000]\n");
  }

  @Test
  void deepNestingIsOneLineWithItsPosition() {
    Result r = MlmdCommandTest.run("shell", "jdbc:mlmd:fake", "-e",
        "SELECT " + "(".repeat(1_000) + "1" + ")".repeat(1_000));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: Syntax error: nested more than 100 levels deep"
        + " (parentheses, NOT and minus signs) (line 1, column 108) [SQLState 42000]\n");
    Result lql = MlmdCommandTest.run("shell", "jdbc:mlmd:fake", "-e",
        "LINEAGE OF ARTIFACTS WHERE " + "NOT ".repeat(1_000) + "id = 1");
    assertThat(lql.exitCode()).isEqualTo(3);
    assertThat(lql.err()).isEqualTo("mlmd: LQL syntax error: line 1:428: nested more than 100"
        + " levels deep (parentheses, NOT and minus signs) [SQLState 42601]\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anUnknownColumnIsOneLine(Backend backend) {
    Result r = MlmdCommandTest.run("shell", DemoStores.url(backend), "-e",
        "SELECT nope FROM artifacts");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: From line 1, column 8 to line 1, column 11: Column"
        + " 'nope' not found in any table [SQLState 42000]\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lqlGoesThroughTheDriverAndPrintsEveryResultSet(Backend backend) throws SQLException {
    String out = print(backend, ResultFormat.TABLE, "LINEAGE UPSTREAM OF ARTIFACTS"
        + " WHERE name = 'taxi-run-01.Trainer.model' MAX HOPS 1"
        + " RETURN ARTIFACTS AS a, EXECUTIONS AS x");
    // Two tables, a blank line between: the start artifact, then the Trainer one hop away.
    assertThat(out).containsPattern("(?s)^id +type_id +type +name .* distance\n-+.*\n"
        + " +\\d+ +\\d+ +Model +taxi-run-01\\.Trainer\\.model .* 0\n\\(1 row\\)\n\n"
        + "id +type_id +type +name .*\n"
        + " +\\d+ +\\d+ +tfx\\.components\\.trainer\\.component\\.Trainer +taxi-run-01\\.Trainer"
        + " +COMPLETE .* 1\n\\(1 row\\)\n$");
    String cached = print(backend, ResultFormat.CSV, "cached executions of type"
        + " 'tfx.components.example_gen.csv_example_gen.component.CsvExampleGen' with inputs ()"
        + " where last_known_state = CACHED");
    assertThat(cached.lines().map(l -> l.split(",")[3]).toList())
        .containsExactly("name", "taxi-run-03.CsvExampleGen", "taxi-run-02.CsvExampleGen");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anLqlSyntaxErrorIsOneLineWithItsPosition(Backend backend) {
    Result r = MlmdCommandTest.run("shell", DemoStores.url(backend), "-e",
        "LINEAGE OF ARTIFACTS WHER id = 1;");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("mlmd: LQL syntax error: line 1:22: unexpected 'WHER';"
        + " expected WHERE [SQLState 42601]\n");
  }

  @Test
  void aBadFormatIsAUsageError() {
    Result r = MlmdCommandTest.run("shell", "jdbc:mlmd:fake", "--format", "xml", "-e",
        "SELECT 1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("mlmd: unknown format 'xml'; expected table, csv or json");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aScriptRunsEveryStatementAndGoesOnAfterErrors(Backend backend) throws Exception {
    String script = String.join("\n",
        "-- a comment line, then a statement over three lines",
        "SELECT COUNT(*) AS n",
        "FROM executions",
        "WHERE name LIKE 'taxi-run-01.%';",
        "SELECT nope FROM artifacts;",
        "format csv",
        "SELECT name FROM executions WHERE name = 'taxi-run-02.Trainer' -- ; not the end",
        ";",
        "SELECT 'a;b' AS s FROM artifacts WHERE id = 1");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int failed;
    try (Connection c = DemoStores.connect(backend)) {
      failed = new Shell(c, ResultFormat.TABLE).runScript(
          new BufferedReader(new StringReader(script)), new PrintWriter(out, true),
          new PrintWriter(err, true));
    }
    assertThat(failed).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(String.join("\n", "n", "-", "7", "(1 row)",
        "name\r", "taxi-run-02.Trainer\r", "\r", "s\r", "a;b\r", ""));
    assertThat(err.toString()).isEqualTo("Error: From line 1, column 8 to line 1, column 11:"
        + " Column 'nope' not found in any table [SQLState 42000]\n");
  }

  /** Several statements on a line run in turn; CSV tables are kept apart by a blank line. */
  @ParameterizedTest
  @EnumSource(value = Backend.class, names = {"SQLITE", "MYSQL"})
  void statementsSharingALineRunInTurn(Backend backend) throws Exception {
    Result e = MlmdCommandTest.run("shell", DemoStores.url(backend), "--format", "csv", "-e",
        "SELECT 1 AS a; SELECT 'x;y' AS b FROM artifacts WHERE id = 1;");
    assertThat(e.err()).isEmpty();
    assertThat(e.exitCode()).isZero();
    assertThat(e.out()).isEqualTo("a\r\n1\r\n\r\nb\r\nx;y\r\n");

    Result failing = MlmdCommandTest.run("shell", DemoStores.url(backend), "--format", "csv",
        "-e", "SELECT 1 AS a; SELECT nope FROM artifacts; SELECT 3 AS c");
    assertThat(failing.exitCode()).isEqualTo(3);
    assertThat(failing.out()).isEqualTo("a\r\n1\r\n");
    assertThat(failing.err()).startsWith("mlmd: From line 1, column 8").hasLineCount(1);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (Connection c = DemoStores.connect(backend)) {
      Shell shell = new Shell(c, ResultFormat.TABLE);
      int failed = shell.runScript(new BufferedReader(new StringReader(
          "SELECT 1 AS a; SELECT nope FROM artifacts; SELECT 2 AS b;\n")),
          new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(failed).isEqualTo(1);
    }
    assertThat(out.toString()).isEqualTo("a\n-\n1\n(1 row)\n\nb\n-\n2\n(1 row)\n");
    assertThat(err.toString()).startsWith("Error: From line 1, column 8").hasLineCount(1);
  }

  /** A failed statement from standard input: the others run, the exit code is 1. */
  @Test
  void aFailedStatementFromStandardInputExitsWith1() throws Exception {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          "SELECT nope;\nSELECT 1 AS a;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Result r = MlmdCommandTest.run("shell", DemoStores.url(Backend.SQLITE), "--format", "csv");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).isEqualTo("a\r\n1\r\n");
    } finally {
      System.setIn(stdin);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void describeAndTabTakeUnquotedPerTypeNames(Backend backend) throws Exception {
    try (Connection c = DemoStores.connect(backend)) {
      Shell shell = new Shell(c, ResultFormat.CSV);
      for (String name : List.of("artifact.ModelEvaluation", "artifact.modelevaluation",
          "ARTIFACT.MODELEVALUATION", "artifact.\"ModelEvaluation\"")) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(shell.run("describe " + name, new PrintWriter(out, true),
            new PrintWriter(err, true))).as(err.toString()).isEqualTo(Shell.Outcome.DONE);
        assertThat(out.toString()).as(name).contains("\r\naccuracy,DOUBLE,YES,");
      }
      StringWriter err = new StringWriter();
      assertThat(shell.run("describe artifact.\"modelevaluation\"",
          new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
          .as("quoted names are exact").isEqualTo(Shell.Outcome.FAILED);

      ShellCompleter completer = ShellCompleter.of(c.getMetaData());
      String line = "select * from artifact.modelev";
      List<Candidate> candidates = new ArrayList<>();
      completer.complete(null, new ShellParser().parse(line, line.length(),
          Parser.ParseContext.COMPLETE), candidates);
      assertThat(candidates.stream().map(Candidate::value))
          .contains("artifact.ModelEvaluation", "artifact.\"ModelEvaluation\"")
          .doesNotContain("execution.Trainer");
    }
  }

  @Test
  void quitEndsAScript() throws Exception {
    StringWriter out = new StringWriter();
    try (Connection c = DemoStores.connect(Backend.FAKE)) {
      int failed = new Shell(c, ResultFormat.CSV).runScript(new BufferedReader(new StringReader(
          "SELECT 1 AS x FROM artifacts WHERE id = 1;\nquit\nSELECT nope;\n")),
          new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
      assertThat(failed).isZero();
    }
    assertThat(out.toString()).isEqualTo("x\r\n1\r\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void metaCommandsListTablesAndDescribeOne(Backend backend) throws Exception {
    try (Connection c = DemoStores.connect(backend)) {
      Shell shell = new Shell(c, ResultFormat.CSV);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      PrintWriter o = new PrintWriter(out, true);
      PrintWriter e = new PrintWriter(err, true);
      assertThat(shell.run("tables", o, e)).isEqualTo(Shell.Outcome.DONE);
      assertThat(out.toString()).contains("\r\nmlmd,artifacts,")
          .contains("\r\nartifact,ModelEvaluation,")
          .contains("\r\nexecution,tfx.components.trainer.component.Trainer,");
      out.getBuffer().setLength(0);
      assertThat(shell.run("describe artifact.\"ModelEvaluation\"", o, e))
          .isEqualTo(Shell.Outcome.DONE);
      assertThat(out.toString()).startsWith("COLUMN_NAME,TYPE_NAME,IS_NULLABLE,REMARKS\r\n"
          + "id,BIGINT,NO,").contains("\r\naccuracy,DOUBLE,YES,");
      assertThat(shell.run("describe nothing_here", o, e)).isEqualTo(Shell.Outcome.FAILED);
      assertThat(err.toString()).isEqualTo("Error: no table nothing_here\n");
      assertThat(shell.run("exit", o, e)).isEqualTo(Shell.Outcome.QUIT);
    }
  }

  @Test
  void textSplitsIntoStatementsAtSemicolonsOutsideStringsAndComments() {
    assertThat(StatementText.split("SELECT 1; SELECT ';' AS s; -- a ; comment\nSELECT 3"))
        .containsExactly("SELECT 1", "SELECT ';' AS s", "-- a ; comment\nSELECT 3");
    assertThat(StatementText.split("SELECT \"a;b\" /* ; */ FROM t;;  ;"))
        .containsExactly("SELECT \"a;b\" /* ; */ FROM t");
    assertThat(StatementText.split(" -- nothing\n")).isEmpty();
  }

  @Test
  void statementsEndAtASemicolonOutsideStringsAndComments() {
    assertThat(StatementText.isComplete("SELECT 1;")).isTrue();
    assertThat(StatementText.isComplete("SELECT 1;  -- done\n")).isTrue();
    assertThat(StatementText.isComplete("SELECT 1 /* ; */")).isFalse();
    assertThat(StatementText.isComplete("SELECT ';")).isFalse();
    assertThat(StatementText.isComplete("SELECT ';'")).isFalse();
    assertThat(StatementText.isComplete("SELECT \"a;\" FROM t;")).isTrue();
    assertThat(StatementText.isComplete("SELECT 1 -- ;")).isFalse();
    assertThat(StatementText.strip("SELECT 1 ; -- end")).isEqualTo("SELECT 1");
    assertThat(StatementText.isBlank(" -- only a comment\n/* and another */ ")).isTrue();
    assertThat(StatementText.isBlank("'")).isFalse();
  }

  @Test
  void tableNamesAsSqlSpellsThem() {
    assertThat(Shell.tableName("artifacts")).containsExactly("mlmd", "artifacts");
    assertThat(Shell.tableName("MLMD.Artifacts")).containsExactly("mlmd", "artifacts");
    assertThat(Shell.tableName("execution.\"a.b.Trainer\""))
        .containsExactly("execution", "a.b.Trainer");
  }
}

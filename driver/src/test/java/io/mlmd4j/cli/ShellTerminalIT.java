package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmd4j.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mlmd shell} from the self-contained jar in a real terminal: tmux runs it on a 160x50
 * screen, keys are typed with {@code send-keys} and the screen is read with
 * {@code capture-pane}. Each step waits until the text it expects is on the screen (up to
 * {@link #PATIENCE_SECONDS}), so a slow machine only makes the test slower. tmux must be
 * installed: without it the test fails.
 */
class ShellTerminalIT {

  private static final long PATIENCE_SECONDS = 120;

  /** A tmux server of the test's own, so that no other session is touched. */
  private final String socket = "mlmd4j-it-" + ProcessHandle.current().pid() + "-"
      + System.nanoTime();
  private Path home;

  @BeforeEach
  void startShell() throws Exception {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    assertThat(jar).exists();
    Path store = TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    home = Files.createTempDirectory(TestDatabases.tempDir(), "home");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.format("%s -Duser.home=%s -jar %s shell jdbc:mlmd:sqlite:%s 2>%s",
        java, home, jar, store, home.resolve("stderr.txt"));
    tmux("new-session", "-d", "-x", "160", "-y", "50", "-s", "shell", command);
  }

  @AfterEach
  void stopTmux() throws Exception {
    // Only this test's server (its own socket); it is gone already when the shell exited.
    new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void queriesCompletesRecallsAndRecoversFromErrors() throws Exception {
    String banner = awaitScreen("the banner and a prompt",
        s -> s.contains("mlmd4j shell on") && s.contains("mlmd> "));
    // The terminal comes from JLine's JNI or exec provider, not the dumb fallback: the
    // providers' service files and native code survived the shading.
    assertThat(banner).containsPattern("via (jni|exec)\\)");

    // A query's table.
    type("select id, uri from artifacts where id <= 2 order by id;");
    keys("Enter");
    String table = awaitScreen("the query's table", s -> s.endsWith("(2 rows)\nmlmd> "));
    assertThat(table).containsPattern(Pattern.compile(
        "^id  uri\n--  -+\n 1  \\./pipeline/CsvExampleGen/examples/1\n"
            + " 2  \\./pipeline/CsvExampleGen/examples/2\n\\(2 rows\\)\nmlmd> $",
        Pattern.MULTILINE));

    // A statement over two lines: Enter before the ';' continues it.
    clear();
    type("select count(*) as n");
    keys("Enter");
    awaitScreen("the continuation prompt", s -> s.contains("\n   -> "));
    type("from artifacts;");
    keys("Enter");
    assertThat(awaitScreen("the count", s -> s.endsWith("(1 row)\nmlmd> ")))
        .contains("mlmd> select count(*) as n\n   -> from artifacts;\nn\n---\n199\n(1 row)");

    // Tab completes a per-type table name.
    clear();
    type("select count(*) as stats from artifact.\"ExampleSt");
    keys("Tab");
    awaitScreen("the completed table name",
        s -> s.endsWith("from artifact.\"ExampleStatistics\""));
    type(";");
    keys("Enter");
    assertThat(awaitScreen("the count of statistics", s -> s.endsWith("(1 row)\nmlmd> ")))
        .containsPattern("stats\n-----\n +\\d+\n\\(1 row\\)");

    // LQL: keywords complete too, and the statement goes through the driver.
    clear();
    type("lineage upstr");
    keys("Tab");
    awaitScreen("the completed LQL keyword", s -> s.endsWith("mlmd> lineage upstream"));
    type("of artifacts where id = 3 max hops 1 return executions;");
    keys("Enter");
    assertThat(awaitScreen("the lineage", s -> s.endsWith("(1 row)\nmlmd> ")))
        .containsPattern(" 3 +\\d+ +tfx\\.components\\.example_gen\\.csv_example_gen\\.component"
            + "\\.CsvExampleGen +NULL +RUNNING +NULL +\\d+ +\\d+ +1\n");

    // Up, Up recalls the statement before the last; Enter runs it again.
    clear();
    keys("Up", "Up");
    awaitScreen("the recalled statement",
        s -> s.contains("mlmd> select count(*) as stats from artifact.\"ExampleStatistics\" ;"));
    keys("Enter");
    awaitScreen("the recalled statement's result", s -> s.endsWith("(1 row)\nmlmd> "));

    // An error is one line, and the shell goes on.
    clear();
    type("select nope from artifacts;");
    keys("Enter");
    assertThat(awaitScreen("the error and a new prompt",
        s -> s.contains("Error: ") && s.endsWith("mlmd> ")))
        .contains("\nError: From line 1, column 8 to line 1, column 11: Column 'nope' not found"
            + " in any table [SQLState 42000]\nmlmd> ");
    type("select 40 + 2 as answer from artifacts where id = 1;");
    keys("Enter");
    awaitScreen("a query after the error", s -> s.endsWith("\n    42\n(1 row)\nmlmd> "));

    // Two statements on one line run in turn; an unquoted per-type name completes.
    clear();
    type("select 1 as x; select 2 as y from artifact.examplesta");
    keys("Tab");
    awaitScreen("the unquoted per-type name completed",
        s -> s.endsWith("from artifact.ExampleStatistics"));
    type(" limit 1;");
    keys("Enter");
    assertThat(awaitScreen("both results", s -> s.endsWith("(1 row)\nmlmd> ")))
        .containsPattern("\nx\n-\n1\n\\(1 row\\)\n\ny\n-\n2\n\\(1 row\\)\nmlmd> $");

    // Ctrl-D leaves; the history is kept.
    keys("C-d");
    awaitExit();
    assertThat(Files.readString(home.resolve(".mlmd4j/shell_history")))
        .contains("select count(*) as n").contains("select nope from artifacts;");
    assertThat(Files.readString(home.resolve("stderr.txt"))).isEmpty();
  }

  /** Ctrl-C while a statement runs cancels it in the database; the shell goes on. */
  @Test
  void ctrlCCancelsTheRunningStatement() throws Exception {
    awaitScreen("a prompt", s -> s.contains("mlmd> "));
    // Six artifacts tables of the lab fixture joined: runs for days if nothing stops it.
    type("select count(*) from artifacts a, artifacts b, artifacts c, artifacts d,"
        + " artifacts e, artifacts f where a.id + b.id + c.id + d.id + e.id > f.id;");
    keys("Enter");
    Thread.sleep(1000);
    keys("C-c");
    assertThat(awaitScreen("the cancelled statement and a new prompt",
        s -> s.contains("Error: ") && s.endsWith("mlmd> ")))
        .contains("Error: The query was cancelled [SQLState 57014]");
    type("select 40 + 2 as answer from artifacts where id = 1;");
    keys("Enter");
    awaitScreen("a query after the cancel", s -> s.endsWith("\n    42\n(1 row)\nmlmd> "));
    keys("C-d");
    awaitExit();
  }

  @Test
  void quitLeaves() throws Exception {
    awaitScreen("a prompt", s -> s.contains("mlmd> "));
    type("help");
    keys("Enter");
    awaitScreen("the help", s -> s.contains("describe TABLE") && s.endsWith("mlmd> "));
    type("quit");
    keys("Enter");
    awaitExit();
  }

  /** Types text literally (as bytes, so that no character is taken as a key name). */
  private void type(String text) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "shell", "-H"));
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      args.add(String.format("%02x", b & 0xff));
    }
    tmux(args.toArray(new String[0]));
  }

  /** Presses keys by tmux's names: Enter, Tab, Up, C-d. */
  private void keys(String... names) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "shell"));
    args.addAll(List.of(names));
    tmux(args.toArray(new String[0]));
  }

  /** Clears the screen (JLine's Ctrl-L) so that the next step reads only its own output. */
  private void clear() throws Exception {
    keys("C-l");
    awaitScreen("a cleared screen", s -> s.startsWith("mlmd> ") && s.strip().equals("mlmd>"));
  }

  /** The screen's text, lines joined where they wrapped, trailing blank lines dropped. */
  private String screen() throws Exception {
    String text = tmux("capture-pane", "-p", "-J", "-t", "shell");
    return text.replaceAll("(?m)[ \t]+$", "").replaceAll("\n+$", "")
        // The prompt's trailing blank is significant.
        .replaceAll("(?m)^mlmd>$", "mlmd> ").replaceAll("(?m)^   ->$", "   -> ");
  }

  private String awaitScreen(String what, Predicate<String> expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    String screen = "";
    while (System.nanoTime() < deadline) {
      if (!sessionAlive()) {
        fail("the shell exited while waiting for " + what + "; its stderr:\n"
            + Files.readString(home.resolve("stderr.txt")) + "\nlast screen:\n" + screen);
      }
      screen = screen();
      if (expected.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    return fail("waited " + PATIENCE_SECONDS + " s for " + what + "; the screen:\n" + screen);
  }

  private void awaitExit() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (sessionAlive()) {
      if (System.nanoTime() > deadline) {
        fail("the shell did not exit; the screen:\n" + screen());
      }
      Thread.sleep(100);
    }
  }

  private boolean sessionAlive() throws Exception {
    Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", "shell")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0;
  }

  /** Runs a tmux command on the test's server; fails the test when tmux is missing or fails. */
  private String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail("tmux is needed to test the shell in a terminal (apt-get install tmux): "
          + e.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", command, output).isZero();
    return output;
  }
}

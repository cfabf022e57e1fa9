package io.mlmd4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code mlmd shell} from the self-contained jar with statements piped into it. */
class ShellPipeIT {

  @Test
  void readsStatementsFromStandardInput() throws Exception {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    Path store = TestDatabases.copyOfFixture("tfx-v10-lab.sqlite");
    Path home = Files.createTempDirectory(TestDatabases.tempDir(), "home");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Duser.home=" + home, "-jar", jar.toString(), "shell",
        "jdbc:mlmd:sqlite:" + store, "--format", "csv")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().write(String.join("\n",
        "select count(*) as n",
        "from artifacts;",
        "select nope from artifacts;",
        "lineage upstream of artifacts where id = 3 max hops 1 return executions;",
        "").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // One statement failed: the rest ran, and the exit code says so.
    assertThat(p.exitValue()).isEqualTo(1);
    // Two CSV tables, a blank line between them.
    assertThat(Files.readString(out)).startsWith("n\r\n199\r\n\r\nid,type_id,type,name,")
        .contains("\r\n3,").hasLineCount(5);
    assertThat(Files.readString(err)).isEqualTo("Error: From line 1, column 8 to line 1,"
        + " column 11: Column 'nope' not found in any table [SQLState 42000]\n");
    // No terminal, so no history.
    assertThat(home.resolve(".mlmd4j")).doesNotExist();
  }

  /** Without a URL, the shell works on the demo store, created on first use. */
  @Test
  void withoutAUrlAnswersOnTheDemoStore() throws Exception {
    Path jar = Path.of(System.getProperty("mlmd4j.jar"));
    Path home = Files.createTempDirectory(TestDatabases.tempDir(), "home");
    Path out = home.resolve("out.txt");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Duser.home=" + home, "-jar", jar.toString(), "shell", "-e",
        "SELECT COUNT(*) AS runs FROM context.pipeline_run", "--format", "json")
        .redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("MLMD4J_DEMO", home.resolve("demo.sqlite").toString());
    Process p = builder.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(out)).isZero();
    assertThat(Files.readString(out)).isEqualTo("Created the demo store "
        + home.resolve("demo.sqlite") + ": " + StoreSelection.DEMO_RUNS
        + " runs of a TFX pipeline.\n[\n  {\"runs\": " + StoreSelection.DEMO_RUNS + "}\n]\n");
  }
}

package io.mlmd4j.cli;

import io.mlmd4j.MlmdException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlmd shell}: SQL and LQL through mlmd4j's JDBC driver, interactively or not. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"An SQL and LQL shell on the store, through mlmd4j's JDBC driver.",
        "On a terminal: line editing, history (~/.mlmd4j/shell_history), statements over several"
            + " lines until ';' (several on a line run in turn), Tab completion of keywords,"
            + " tables, type and column names;"
            + " 'help' lists the meta commands. With standard input not a terminal, reads the"
            + " statements from it. A failed statement prints one error line and the shell"
            + " goes on."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every statement ran", "1:a statement failed (with -e or from standard"
        + " input)", "2:bad usage (unknown option, format)",
        "3:an -e statement is not valid (syntax, unknown name), or the store is missing",
        "4:the store refused the connection"})
final class ShellCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreUrl url;

  @Option(names = {"-e", "--execute"}, paramLabel = "STATEMENT",
      description = "Run these statements (separated by ';', the last one optional) in turn,"
          + " print their results and exit; the first that fails ends the run.")
  String statement;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (aligned, NULL shown), csv (RFC 4180) or json (an array of objects)"
          + "; default ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResultFormat resultFormat;
    try {
      resultFormat = Shell.parseFormat(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String storeUrl = StoreSelection.url(url.value, err);
    try (Connection connection = connect(storeUrl)) {
      Shell shell = new Shell(connection, resultFormat);
      if (statement != null) {
        try {
          for (String sql : StatementText.split(statement)) {
            shell.execute(sql, out);
          }
          out.flush();
          return 0;
        } catch (SQLException e) {
          out.flush();
          err.println("mlmd: " + Shell.describe(e));
          err.flush();
          return e.getSQLState() != null && e.getSQLState().startsWith("42") ? 3 : 1;
        }
      }
      if (isTerminal()) {
        InteractiveShell.run(shell, ShellCompleter.of(connection.getMetaData()), storeUrl);
        return 0;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      return shell.runScript(in, out, err) == 0 ? 0 : 1;
    }
  }

  /**
   * Connects through the driver. A failure the store reported (a missing file, a refused
   * login) is rethrown as that MlmdException, so the command's exit code is the one the other
   * commands give for it.
   */
  private static Connection connect(String url) throws SQLException {
    try {
      return new io.mlmd4j.jdbc.Driver().connect(url, new Properties());
    } catch (SQLException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof MlmdException m) {
          throw m;
        }
      }
      throw e;
    }
  }

  /** Whether standard input and output are a terminal (Java 22+ has a console even if not). */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

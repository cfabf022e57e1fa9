package io.mlmd4j.cli;

import io.mlmd4j.connect.ConnectionUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.TerminalExt;

/**
 * The shell on a terminal, through JLine: line editing, history kept in
 * {@code ~/.mlmd4j/shell_history}, statements over several lines until {@code ;}, Tab
 * completion. Ctrl-C drops the statement being typed; Ctrl-D or {@code quit} leaves.
 */
final class InteractiveShell {

  static final String PROMPT = "mlmd> ";
  static final String CONTINUATION = "   -> ";

  private InteractiveShell() {}

  /** The history file: {@code ~/.mlmd4j/shell_history}. */
  static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".mlmd4j", "shell_history");
  }

  /** Runs the shell until the user leaves. */
  static void run(Shell shell, ShellCompleter completer, String url) throws IOException,
      SQLException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      Path history = historyFile();
      Files.createDirectories(history.getParent());
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("mlmd")
          .parser(new ShellParser())
          .completer(completer)
          .variable(LineReader.HISTORY_FILE, history)
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
          .variable(LineReader.INDENTATION, 0)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.INSERT_TAB, false)
          // artifact.mo completes to artifact.Model, as SQL finds it.
          .option(LineReader.Option.CASE_INSENSITIVE, true)
          .build();
      PrintWriter out = terminal.writer();
      String provider = terminal instanceof TerminalExt ext && ext.getProvider() != null
          ? ext.getProvider().name() : "none";
      out.printf("mlmd4j shell on %s (terminal %s via %s). Statements end with ';'; type help.%n",
          ConnectionUrl.redact(url), terminal.getType(), provider);
      while (true) {
        String text;
        try {
          text = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (StatementText.isBlank(text)) {
          continue;
        }
        // Ctrl-C while a statement runs cancels it (the terminal would otherwise end the JVM).
        Terminal.SignalHandler previous =
            terminal.handle(Terminal.Signal.INT, signal -> shell.cancelRunning());
        Shell.Outcome outcome;
        try {
          outcome = shell.run(text, out, out);
        } finally {
          terminal.handle(Terminal.Signal.INT, previous);
        }
        if (outcome == Shell.Outcome.QUIT) {
          break;
        }
      }
      reader.getHistory().save();
    }
  }
}

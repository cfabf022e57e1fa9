package io.mlmd4j.cli;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.jdbc.impl.DriverImpl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code mlmd} command. Without a subcommand it summarises the demo store. Errors are one
 * line naming the problem and exit with a non-zero code; {@code --debug} adds the stack trace.
 */
@Command(name = "mlmd", mixinStandardHelpOptions = true, versionProvider = Mlmd.Version.class,
    description = "Look into an MLMD store (jdbc:mlmd:fake, jdbc:mlmd:sqlite:<path>,"
        + " jdbc:mlmd:mysql://host[:port]/db). Without a URL: the demo store, a TFX pipeline"
        + " history created under ~/.mlmd4j on first use.",
    subcommands = {SummaryCommand.class, TypesCommand.class, NodesCommand.Artifacts.class,
        NodesCommand.Executions.class, CompareCommand.class, DemoCommand.class,
        MigrateCommand.class, CopyCommand.class, LineageCommand.class, ShellCommand.class,
        CachedCommand.class, CommandLine.HelpCommand.class})
public final class Mlmd implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    return new SummaryCommand().summarize(null, spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /** {@code mlmd --version}: the version the build set. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mlmd4j " + DriverImpl.version()};
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Mlmd root = new Mlmd();
    CommandLine line = new CommandLine(root);
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean debug = parsed.hasMatchedOption("--debug")
          || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
      if (debug) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(redactUrls(trace.toString(), args));
      }
      err.println("mlmd: " + redactUrls(describe(e), args));
      err.flush();
      return e instanceof MlmdException m ? exitCode(m) : 1;
    });
    line.setParameterExceptionHandler((ParameterException e, String[] a) -> {
      err.println("mlmd: " + redactUrls(oneLine(e.getMessage()), args) + suggestions(e) + " (see 'mlmd "
          + (e.getCommandLine() == line ? "" : e.getCommandLine().getCommandName() + " ")
          + "--help')");
      err.flush();
      return 2;
    });
    return line.execute(args);
  }

  /** For a misspelt command or option, the closest ones picocli knows: "; did you mean ...?". */
  private static String suggestions(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getSuggestions().isEmpty()) {
      return "";
    }
    List<String> closest = unmatched.getSuggestions();
    return "; did you mean " + String.join(" or ", closest.subList(0, Math.min(3, closest.size())))
        + "?";
  }

  /**
   * {@code text} with each store URL among the arguments shown redacted: picocli quotes
   * arguments it cannot place, and a driver's message might quote the URL it was given.
   */
  private static String redactUrls(String text, String[] args) {
    String shown = text;
    for (String arg : args) {
      int url = arg.toLowerCase(Locale.ROOT).indexOf(ConnectionUrl.PREFIX);
      if (url >= 0) {
        String given = arg.substring(url);
        shown = shown.replace(given, ConnectionUrl.redact(given));
      }
    }
    return shown;
  }

  /**
   * The error as one line: an MlmdException's message and code; for anything else the message
   * of its innermost cause, which names the problem where wrappers only repeat it.
   */
  static String describe(Throwable e) {
    if (e instanceof MlmdException m) {
      return oneLine(m.getMessage()) + " (" + m.code() + ")";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
    return message == null ? root.toString() : oneLine(message);
  }

  /** Drivers' messages may span lines (Connector/J's link failures do): joined into one. */
  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** 3 for a bad argument or a missing thing, 4 for the store refusing, 1 otherwise. */
  private static int exitCode(MlmdException e) {
    return switch (e.code()) {
      case INVALID_ARGUMENT, NOT_FOUND, OUT_OF_RANGE -> 3;
      case FAILED_PRECONDITION, ALREADY_EXISTS, UNAUTHENTICATED, PERMISSION_DENIED,
          UNAVAILABLE -> 4;
      default -> 1;
    };
  }
}

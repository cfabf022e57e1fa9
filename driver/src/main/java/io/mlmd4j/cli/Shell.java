package io.mlmd4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statements and meta commands of {@code mlmd shell} on one JDBC connection of mlmd4j's
 * driver: SQL and LQL alike go to {@link Statement#execute}, results are printed in the chosen
 * {@link ResultFormat}, and a failed statement prints one error line. The interactive loop
 * ({@link InteractiveShell}) and the script reader ({@link #runScript}) both come here.
 */
final class Shell {

  /** Meta commands: a line that starts with one of these is not SQL and needs no {@code ;}. */
  static final Set<String> META_COMMANDS = Set.of("help", "tables", "describe", "format", "quit",
      "exit");

  static final String HELP = String.join("\n",
      "Statements are SQL (read-only, on the logical schemas; see the README) or LQL (LINEAGE ...,",
      "CACHED EXECUTIONS ...; see grammar/README.md), and end with ';'. Tab completes keywords,",
      "tables, type and column names. Meta commands (no ';'):",
      "  help                        this text",
      "  tables                      the tables of every schema",
      "  describe TABLE              the columns of a table (e.g. describe artifact.Model)",
      "  format table|csv|json       how results are printed",
      "  quit, exit, Ctrl-D          leave");

  private final Connection connection;
  private ResultFormat format;

  /** Whether the current input (a line, a script's statement, -e's text) printed results. */
  private boolean printedByInput;
  /** The format of the last result set printed; null before the first. */
  private @Nullable ResultFormat lastPrinted;

  /** The statement executing now; null between statements. */
  private volatile @Nullable Statement running;

  Shell(Connection connection, ResultFormat format) {
    this.connection = connection;
    this.format = format;
  }

  /** What a line the user entered is. */
  enum Outcome { DONE, FAILED, QUIT }

  /** Whether the entered text starts with a meta command. */
  static boolean isMeta(String text) {
    String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return META_COMMANDS.contains(first.endsWith(";") ? first.substring(0, first.length() - 1)
        : first);
  }

  /**
   * Runs a meta command, or the statements of the text in turn (several may share a line); a
   * failed statement prints one line on {@code err} and the next runs. FAILED if any failed.
   */
  Outcome run(String text, PrintWriter out, PrintWriter err) {
    printedByInput = false;
    try {
      if (isMeta(text)) {
        return meta(StatementText.strip(text), out);
      }
      Outcome outcome = Outcome.DONE;
      for (String statement : StatementText.split(text)) {
        try {
          execute(statement, out);
        } catch (SQLException | RuntimeException e) {
          err.println("Error: " + describe(e));
          err.flush();
          outcome = Outcome.FAILED;
        }
      }
      return outcome;
    } catch (SQLException | RuntimeException e) {
      // Whatever a statement throws, the shell goes on.
      err.println("Error: " + describe(e));
      return Outcome.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Executes one statement (without its {@code ;}) and prints every result set it gives, or its
   * update count.
   */
  void execute(String sql, PrintWriter out) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      boolean isResultSet = statement.execute(sql);
      while (true) {
        if (isResultSet) {
          separate(out);
          try (ResultSet rs = statement.getResultSet()) {
            format.print(rs, out);
          }
          printedByInput = true;
          lastPrinted = format;
        } else if (statement.getUpdateCount() >= 0) {
          out.println("(" + statement.getUpdateCount() + " rows changed)");
        } else {
          break;
        }
        isResultSet = statement.getMoreResults();
      }
    } finally {
      running = null;
    }
  }

  /**
   * A blank line before a result set that follows another: tables of one input (an LQL
   * statement's RETURN items, statements sharing a line) and any CSV after CSV, whose tables
   * would otherwise run together.
   */
  private void separate(PrintWriter out) {
    switch (format) {
      case TABLE -> {
        if (printedByInput) {
          out.println();
        }
      }
      case CSV -> {
        if (lastPrinted == ResultFormat.CSV) {
          out.print("\r\n");
        }
      }
      case JSON -> { } // each result set is an array of its own
    }
  }

  /**
   * Cancels the statement running now, if any: the shell calls it on Ctrl-C, from the thread
   * that handles the signal. The statement fails with "cancelled" and the shell goes on.
   */
  void cancelRunning() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // Finished and closed meanwhile: nothing is left to cancel.
      }
    }
  }

  private Outcome meta(String command, PrintWriter out) throws SQLException {
    String[] words = command.split("\\s+", 2);
    String argument = words.length > 1 ? words[1].trim() : "";
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "quit", "exit" -> {
        return Outcome.QUIT;
      }
      case "help" -> out.println(HELP);
      case "format" -> {
        if (argument.isEmpty()) {
          out.println("format " + format.name().toLowerCase(Locale.ROOT));
        } else {
          format = parseFormat(argument);
        }
      }
      case "tables" -> {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
          format.print(ResultFormat.Rows.read(rs, "TABLE_SCHEM", "TABLE_NAME", "REMARKS"), out);
        }
      }
      case "describe" -> {
        String[] table = tableName(argument);
        DatabaseMetaData md = connection.getMetaData();
        if (!argument.endsWith("\"")) {
          table[1] = unquotedTable(md, table[0], table[1]);
        }
        ResultFormat.Rows columns;
        try (ResultSet rs = md.getColumns(null, table[0], table[1], "%")) {
          columns = ResultFormat.Rows.read(rs, "COLUMN_NAME", "TYPE_NAME", "IS_NULLABLE",
              "REMARKS");
        }
        if (columns.rows().isEmpty()) {
          throw new IllegalArgumentException("no table " + argument);
        }
        format.print(columns, out);
      }
      default -> throw new IllegalStateException(words[0]);
    }
    return Outcome.DONE;
  }

  /**
   * A table name as SQL spells it ({@code artifacts}, {@code mlmd.artifacts},
   * {@code artifact."Model"}) as schema and name: unquoted parts in lower case, quoted ones
   * exact, schema {@code mlmd} when none is given.
   */
  static String[] tableName(String text) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end;
      if (text.charAt(i) == '"') {
        end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in " + text);
        }
        parts.add(text.substring(i + 1, end));
        end++;
      } else {
        end = text.indexOf('.', i);
        end = end < 0 ? text.length() : end;
        parts.add(text.substring(i, end).trim().toLowerCase(Locale.ROOT));
      }
      i = end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
      if (end < text.length() && text.charAt(end) != '.') {
        throw new IllegalArgumentException("not a table name: " + text);
      }
    }
    if (parts.isEmpty() || parts.size() > 2) {
      throw new IllegalArgumentException("describe takes a table name, e.g. artifact.\"Model\"");
    }
    return parts.size() == 1 ? new String[] {"mlmd", parts.get(0)}
        : new String[] {parts.get(0), parts.get(1)};
  }

  /**
   * The table an unquoted name finds, as in SQL: the table of that (lower case) name, else the
   * one per-type table whose name differs from it only in case ({@code artifact.model}).
   */
  private static String unquotedTable(DatabaseMetaData md, String schema, String name)
      throws SQLException {
    List<String> found = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        if (table.equals(name)) {
          return name;
        }
        if (table.equalsIgnoreCase(name)) {
          found.add(table);
        }
      }
    }
    return found.size() == 1 ? found.get(0) : name;
  }

  static ResultFormat parseFormat(String name) {
    try {
      return ResultFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; expected table, csv or"
          + " json");
    }
  }

  /**
   * Reads statements from a script (statements end with {@code ;}; a line starting with a meta
   * command is one; the text after the last {@code ;} is a statement too) and runs each, going
   * on after errors. Returns the number of statements that failed.
   */
  int runScript(BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
    int failed = 0;
    StringBuilder pending = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (StatementText.isBlank(pending.toString()) && isMeta(line)) {
        pending.setLength(0);
        Outcome outcome = run(line, out, err);
        failed += outcome == Outcome.FAILED ? 1 : 0;
        if (outcome == Outcome.QUIT) {
          return failed;
        }
        continue;
      }
      pending.append(line).append('\n');
      if (StatementText.isComplete(pending.toString())) {
        failed += run(pending.toString(), out, err) == Outcome.FAILED ? 1 : 0;
        pending.setLength(0);
      }
    }
    if (!StatementText.isBlank(pending.toString())) {
      failed += run(pending.toString(), out, err) == Outcome.FAILED ? 1 : 0;
    }
    return failed;
  }

  /** An error as one line: its message's first line, with the SQLState. */
  static String describe(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl).strip();
    }
    if (e instanceof SQLException s && s.getSQLState() != null) {
      message += " [SQLState " + s.getSQLState() + "]";
    }
    return message;
  }
}

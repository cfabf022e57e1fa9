package io.mlmd4j.cli;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell: SQL and LQL keywords, meta commands, schemas, tables
 * ({@code artifacts}, {@code mlmd.artifacts}, {@code artifact."Model"}, {@code artifact.Model}),
 * type names (as the
 * string literals LQL and filters take: {@code 'Model'}) and column names, read once from the
 * connection's {@link DatabaseMetaData}.
 */
final class ShellCompleter implements Completer {

  /** The SQL words a query over the logical schema mostly needs. */
  private static final List<String> SQL = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY",
      "HAVING", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET", "FETCH", "FIRST", "NEXT", "ROWS",
      "ONLY", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "USING", "AS",
      "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "BETWEEN", "EXISTS", "CASE", "WHEN", "THEN",
      "ELSE", "END", "DISTINCT", "ALL", "UNION", "EXCEPT", "INTERSECT", "WITH", "VALUES",
      "EXPLAIN", "PLAN", "FOR", "CAST", "COUNT", "SUM", "AVG", "MIN", "MAX", "TRUE", "FALSE",
      "BIGINT", "VARCHAR", "DOUBLE", "BOOLEAN");

  /** LQL's keywords (grammar/README.md). */
  private static final List<String> LQL = List.of("LINEAGE", "UPSTREAM", "DOWNSTREAM", "BOTH",
      "OF", "ARTIFACTS", "EXECUTIONS", "MAX", "HOPS", "STOP", "AT", "INCLUSIVE", "RETURN",
      "EVENTS", "GRAPH", "PATHS", "TO", "CACHED", "TYPE", "VERSION", "INPUTS", "MATCHING",
      "PROPERTIES");

  private final Set<String> words = new TreeSet<>();

  private ShellCompleter() {}

  /** The completions for a connection: its schemas, tables, types and columns. */
  static ShellCompleter of(DatabaseMetaData md) throws SQLException {
    ShellCompleter completer = new ShellCompleter();
    Set<String> words = completer.words;
    words.addAll(SQL);
    words.addAll(LQL);
    words.addAll(Shell.META_COMMANDS);
    Map<String, Integer> caseless = new HashMap<>();
    List<String[]> perType = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        String table = rs.getString("TABLE_NAME");
        words.add(schema);
        if (schema.equals("mlmd")) {
          words.add(table);
          words.add(schema + "." + table);
        } else {
          words.add(schema + "." + quote(table));
          words.add("'" + table.replace("'", "\\'") + "'");
          perType.add(new String[] {schema, table});
          caseless.merge(schema + "." + table.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    // As SQL finds them: unquoted, when no other table of the schema differs only in case.
    for (String[] t : perType) {
      if (t[1].matches("[A-Za-z_][A-Za-z0-9_]*")
          && caseless.get(t[0] + "." + t[1].toLowerCase(Locale.ROOT)) == 1) {
        words.add(t[0] + "." + t[1]);
      }
    }
    try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        words.add(quote(rs.getString("COLUMN_NAME")));
      }
    }
    return completer;
  }

  /** A name as an SQL identifier: bare when it is lower case letters, digits and _. */
  private static String quote(String name) {
    return name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, line.wordCursor());
    // Keywords are offered in the case the user started typing them in.
    boolean lower = !word.isEmpty() && Character.isLowerCase(word.charAt(0));
    for (String w : words) {
      boolean keyword = SQL.contains(w) || LQL.contains(w);
      String value = keyword && lower ? w.toLowerCase(Locale.ROOT) : w;
      candidates.add(new Candidate(value, value, null, null, null, null, true));
    }
  }
}

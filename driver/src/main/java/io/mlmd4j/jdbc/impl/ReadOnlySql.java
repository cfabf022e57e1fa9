package io.mlmd4j.jdbc.impl;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses SQL that would change the store or the session before Calcite sees it: the driver only
 * reads, and writes go through {@code MetadataStore}. A statement is judged by its first keyword,
 * after any comments and opening parentheses; {@code EXPLAIN ... FOR} and {@code DESCRIBE
 * [STATEMENT]} are judged by the statement they wrap. The tables would refuse a write anyway
 * (none is modifiable, and the backend connections are read-only); this gives the one clear
 * error, SQLState 25006.
 */
public final class ReadOnlySql {

  /** SQLState 25006: read-only SQL-transaction. */
  public static final String READ_ONLY = "25006";

  /** Data changes, DDL, session settings and procedure calls. */
  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE",
      "UPSERT", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME", "GRANT", "REVOKE",
      "COMMENT", "SET", "RESET", "CALL");

  private ReadOnlySql() {}

  /** Throws SQLState 25006 when {@code sql} is a data change, DDL, SET, RESET or CALL. */
  public static void check(String sql) throws SQLException {
    String keyword = firstKeyword(sql, wrappedStatement(sql));
    if (WRITES.contains(keyword)) {
      throw new SQLException("mlmd4j's SQL is read-only: " + keyword + " is refused and"
          + " nothing was changed; write through io.mlmd4j.MetadataStore", READ_ONLY);
    }
  }

  /**
   * Where the statement that {@code sql} is about starts: after {@code EXPLAIN ... FOR} and
   * {@code DESCRIBE [STATEMENT]} (as often as they nest), else at 0.
   */
  private static int wrappedStatement(String sql) {
    int at = 0;
    while (true) {
      String keyword = firstKeyword(sql, at);
      if (keyword.equals("EXPLAIN")) {
        int i = at;
        do {
          i = afterWord(sql, i);
          keyword = firstKeyword(sql, i);
        } while (!keyword.isEmpty() && !keyword.equals("FOR"));
        if (keyword.isEmpty()) {
          return at;
        }
        at = afterWord(sql, i);
      } else if (keyword.equals("DESCRIBE") || keyword.equals("DESC")) {
        at = afterWord(sql, at);
        if (firstKeyword(sql, at).equals("STATEMENT")) {
          at = afterWord(sql, at);
        }
      } else {
        return at;
      }
    }
  }

  /** The index after the next word at or after {@code from}. */
  private static int afterWord(String sql, int from) {
    int start = start(sql, from);
    int i = start;
    while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return i == start ? Math.min(sql.length(), i + 1) : i;
  }

  private static int start(String sql, int from) {
    int n = sql.length();
    int i = Blanks.skip(sql, from);
    while (i < n && sql.charAt(i) == '(') {
      i = Blanks.skip(sql, i + 1);
    }
    return i;
  }

  private static String firstKeyword(String sql, int from) {
    int n = sql.length();
    int start = start(sql, from);
    int i = start;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}

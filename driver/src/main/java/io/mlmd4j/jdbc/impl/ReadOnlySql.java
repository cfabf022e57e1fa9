package io.mlmd4j.jdbc.impl;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses SQL that would change the store before Calcite sees it: the driver only reads, and
 * writes go through {@code MetadataStore}. A statement is judged by its first keyword, after any
 * comments and opening parentheses. The tables would refuse a write anyway (none is modifiable,
 * and the backend connections are read-only); this gives the one clear error, SQLState 25006.
 */
public final class ReadOnlySql {

  /** SQLState 25006: read-only SQL-transaction. */
  public static final String READ_ONLY = "25006";

  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE",
      "UPSERT", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME", "GRANT", "REVOKE",
      "COMMENT");

  private ReadOnlySql() {}

  /** Throws SQLState 25006 when {@code sql} is a data change or DDL. */
  public static void check(String sql) throws SQLException {
    String keyword = firstKeyword(sql);
    if (WRITES.contains(keyword)) {
      throw new SQLException("mlmd4j's SQL is read-only: " + keyword + " is refused and"
          + " nothing was changed; write through io.mlmd4j.MetadataStore", READ_ONLY);
    }
  }

  static String firstKeyword(String sql) {
    int n = sql.length();
    int i = Blanks.skip(sql, 0);
    while (i < n && sql.charAt(i) == '(') {
      i = Blanks.skip(sql, i + 1);
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}

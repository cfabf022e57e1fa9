package io.mlmd4j.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Random SQL over the driver's logical schema, read from the connection's metadata: queries
 * with joins, filters, functions, aggregates, sorts and limits over hostile literals; the
 * {@code lineage} table function and LQL; and statements that write, which must all fail.
 */
final class SqlGenerator {

  /** A column of a table of the logical schema, as the query names it. */
  record Column(String name, boolean numeric) {}

  /** Statements that would change the store: each must fail. */
  static final List<String> WRITES = List.of(
      "INSERT INTO artifacts (id, name) VALUES (1000, 'x')",
      "UPDATE artifacts SET name = 'x'", "DELETE FROM artifacts",
      "DELETE FROM events WHERE id > 0", "CREATE TABLE t (x INT)", "DROP TABLE artifacts",
      "ALTER TABLE artifacts ADD COLUMN x INT", "TRUNCATE TABLE artifacts",
      "MERGE INTO artifacts a USING artifacts b ON a.id = b.id WHEN MATCHED THEN UPDATE SET"
          + " name = 'x'",
      "UPSERT INTO artifacts (id) VALUES (1)", "CREATE VIEW v AS SELECT 1",
      "INSERT INTO artifact.\"Model\" (id) VALUES (5)");

  private static final List<String> FUNCTIONS = List.of(
      "UPPER(%s)", "LOWER(%s)", "CHAR_LENGTH(%s)", "SUBSTRING(%s FROM 2 FOR 3)", "TRIM(%s)",
      "COALESCE(%s, %s)", "ABS(%s)", "MOD(%s, 7)", "CAST(%s AS VARCHAR(20))",
      "CAST(%s AS BIGINT)", "CAST(%s AS DOUBLE)", "%s || %s", "NULLIF(%s, %s)",
      "CASE WHEN %s IS NULL THEN 0 ELSE 1 END", "POSITION(%s IN %s)", "REPLACE(%s, 'a', %s)",
      "%s + %s", "%s - %s", "%s * %s", "%s / %s", "-%s", "FLOOR(%s)", "ROUND(%s, 2)",
      "CHAR_LENGTH(CAST(%s AS VARCHAR))");

  private final Map<String, List<Column>> tables;
  private final LqlGenerator lql;

  SqlGenerator(Connection c, Vocabulary words) throws SQLException {
    this.tables = tables(c);
    this.lql = new LqlGenerator(words);
  }

  private static Map<String, List<Column>> tables(Connection c) throws SQLException {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        String table = quoted(rs.getString("TABLE_SCHEM")) + "."
            + quoted(rs.getString("TABLE_NAME"));
        int type = rs.getInt("DATA_TYPE");
        boolean numeric = type == Types.BIGINT || type == Types.INTEGER
            || type == Types.DOUBLE || type == Types.SMALLINT;
        tables.computeIfAbsent(table, t -> new ArrayList<>())
            .add(new Column(quoted(rs.getString("COLUMN_NAME")), numeric));
      }
    }
    return tables;
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** {@code value} as an SQL string literal, quotes doubled: it means exactly the value. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  String statement(Random r) {
    return switch (r.nextInt(20)) {
      case 0 -> Hostile.pick(r, WRITES);
      case 1 -> lql.statement(r);
      case 2 -> "EXPLAIN PLAN FOR " + select(r, 1);
      case 3 -> deep(r);
      default -> select(r, 1 + r.nextInt(2));
    };
  }

  private String select(Random r, int depth) {
    List<String> names = new ArrayList<>(tables.keySet());
    String table = Hostile.pick(r, names);
    List<Column> columns = tables.get(table);
    StringBuilder s = new StringBuilder("SELECT ");
    boolean grouped = r.nextInt(4) == 0;
    Column key = Hostile.pick(r, columns);
    if (grouped) {
      s.append("t.").append(key.name()).append(", ")
          .append(Hostile.pick(r, List.of("COUNT(*)", "MIN(%s)", "MAX(%s)", "SUM(%s)",
              "AVG(%s)", "COUNT(DISTINCT %s)")).replace("%s", value(r, columns, 1)));
    } else if (r.nextInt(5) == 0) {
      s.append("*");
    } else {
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        s.append(i == 0 ? "" : ", ").append(value(r, columns, 2));
      }
    }
    s.append(" FROM ").append(from(r, table, depth));
    if (r.nextInt(3) != 0) {
      s.append(" WHERE ").append(condition(r, columns, 3));
    }
    if (grouped) {
      s.append(" GROUP BY t.").append(key.name());
    }
    if (r.nextInt(3) == 0) {
      s.append(" ORDER BY 1").append(r.nextBoolean() ? " DESC" : "");
    }
    if (r.nextInt(3) == 0) {
      s.append(" LIMIT ").append(r.nextInt(4) == 0 ? Hostile.number(r) : r.nextInt(10));
    }
    return s.toString();
  }

  private String from(Random r, String table, int depth) {
    return switch (r.nextInt(8)) {
      case 0 -> table + " t JOIN \"mlmd\".\"events\" e ON e.\"artifact_id\" = t.\"id\"";
      case 1 -> "TABLE(lineage(" + literal(Hostile.pick(r, List.of("UPSTREAM", "DOWNSTREAM",
          "BOTH", "SIDEWAYS", ""))) + ", 'ARTIFACTS', " + literal(lqlFilter(r)) + ")) l, "
          + table + " t";
      case 2 -> "TABLE(lineage(" + literal(lql.statement(r)) + ")) l, " + table + " t";
      case 3 -> depth > 1 ? "(" + select(r, depth - 1) + ") s, " + table + " t" : table + " t";
      default -> table + " t";
    };
  }

  private String lqlFilter(Random r) {
    return r.nextBoolean() ? "id = " + Hostile.number(r)
        : "name = " + FilterGenerator.quote(Hostile.string(r), '\'');
  }

  private String condition(Random r, List<Column> columns, int depth) {
    if (depth > 0 && r.nextInt(3) == 0) {
      return "(" + condition(r, columns, depth - 1) + (r.nextBoolean() ? " AND " : " OR ")
          + condition(r, columns, depth - 1) + ")";
    }
    String v = value(r, columns, 2);
    return switch (r.nextInt(8)) {
      case 0 -> v + " LIKE " + literal(Hostile.string(r))
          + (r.nextBoolean() ? " ESCAPE '\\'" : "");
      case 1 -> v + " IN (" + list(r) + ")";
      case 2 -> v + " IS " + (r.nextBoolean() ? "NOT " : "") + "NULL";
      case 3 -> v + " BETWEEN " + Hostile.number(r) + " AND " + Hostile.number(r);
      case 4 -> "NOT " + condition(r, columns, depth - 1);
      default -> v + " " + Hostile.pick(r, List.of("=", "<>", "<", ">=")) + " "
          + value(r, columns, 1);
    };
  }

  private String list(Random r) {
    int n = r.nextInt(20) == 0 ? r.nextInt(FilterGenerator.MAX_LIST) : 1 + r.nextInt(4);
    StringBuilder s = new StringBuilder();
    boolean strings = r.nextBoolean();
    for (int i = 0; i < Math.max(1, n); i++) {
      s.append(i == 0 ? "" : ", ")
          .append(strings ? literal(Hostile.string(r)) : String.valueOf(i));
    }
    return s.toString();
  }

  private String value(Random r, List<Column> columns, int depth) {
    return switch (r.nextInt(depth > 0 ? 6 : 3)) {
      case 0, 1 -> "t." + Hostile.pick(r, columns).name();
      case 2 -> r.nextBoolean() ? literal(Hostile.string(r)) : Hostile.number(r);
      case 3 -> Hostile.pick(r, List.of("NULL", "TRUE",
          "CAST(NULL AS VARCHAR)", "'NaN'", "CAST('NaN' AS DOUBLE)", "1e308 * 10",
          "CURRENT_TIMESTAMP"));
      default -> {
        String f = Hostile.pick(r, FUNCTIONS);
        while (f.contains("%s")) {
          f = f.replaceFirst("%s", Matcher.quoteReplacement(
              value(r, columns, depth - 1)));
        }
        yield f;
      }
    };
  }

  /** Deep nesting: parentheses, subqueries, long boolean chains, unary minus. */
  private String deep(Random r) {
    int n = 1 + r.nextInt(r.nextBoolean() ? 100 : 2000);
    return switch (r.nextInt(4)) {
      case 0 -> "SELECT " + "(".repeat(n) + "1" + ")".repeat(n);
      case 1 -> "SELECT id FROM artifacts WHERE " + "(".repeat(n) + "id = 1" + ")".repeat(n);
      case 2 -> "SELECT id FROM artifacts WHERE " + String.join(" OR ",
          Collections.nCopies(n, "id = 1"));
      default -> "SELECT * FROM (".repeat(Math.min(n, 300)) + "SELECT 1 AS x"
          + ") t".repeat(Math.min(n, 300));
    };
  }
}

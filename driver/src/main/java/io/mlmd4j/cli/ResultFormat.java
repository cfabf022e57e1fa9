package io.mlmd4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * How the shell prints a result set. {@link #TABLE}: aligned columns under a header, numbers to
 * the right, {@code NULL} for a null, then the row count. {@link #CSV}: RFC 4180 (a header line,
 * CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled); a null
 * is an empty field and an empty string {@code ""}. {@link #JSON}: an array of objects, one per
 * row, keyed by column label, with numbers and booleans as JSON numbers and booleans, null as
 * {@code null}, everything else as strings.
 */
enum ResultFormat {
  TABLE {
    @Override
    void print(Rows result, PrintWriter out) {
      int n = result.labels().size();
      List<String[]> rows = new ArrayList<>();
      String[] header = result.labels().toArray(new String[0]);
      int[] widths = new int[n];
      boolean[] right = new boolean[n];
      for (int c = 0; c < n; c++) {
        widths[c] = header[c].length();
        right[c] = isNumber(result.types()[c]);
      }
      for (Object[] values : result.rows()) {
        String[] row = new String[n];
        for (int c = 0; c < n; c++) {
          String text = text(values[c]);
          row[c] = text == null ? "NULL" : text.replace("\r", "\\r").replace("\n", "\\n");
          widths[c] = Math.max(widths[c], row[c].length());
        }
        rows.add(row);
      }
      line(out, header, widths, new boolean[n]);
      StringBuilder rule = new StringBuilder();
      for (int c = 0; c < n; c++) {
        rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
      }
      out.println(rule);
      for (String[] row : rows) {
        line(out, row, widths, right);
      }
      out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private void line(PrintWriter out, String[] cells, int[] widths, boolean[] right) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        String pad = " ".repeat(widths[c] - cells[c].length());
        line.append(c == 0 ? "" : "  ");
        if (right[c]) {
          line.append(pad).append(cells[c]);
        } else {
          line.append(cells[c]).append(c < cells.length - 1 ? pad : "");
        }
      }
      out.println(line);
    }
  },

  CSV {
    @Override
    void print(Rows result, PrintWriter out) {
      StringBuilder line = new StringBuilder();
      for (String label : result.labels()) {
        line.append(line.length() == 0 ? "" : ",").append(field(label));
      }
      out.print(line.append("\r\n"));
      for (Object[] values : result.rows()) {
        line.setLength(0);
        for (int c = 0; c < values.length; c++) {
          String text = text(values[c]);
          line.append(c == 0 ? "" : ",").append(text == null ? "" : field(text));
        }
        out.print(line.append("\r\n"));
      }
    }

    private String field(String text) {
      boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
          || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
      return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
  },

  JSON {
    @Override
    void print(Rows result, PrintWriter out) {
      out.print("[");
      boolean first = true;
      for (Object[] values : result.rows()) {
        StringBuilder object = new StringBuilder(first ? "\n  {" : ",\n  {");
        for (int c = 0; c < values.length; c++) {
          object.append(c == 0 ? "" : ", ").append(string(result.labels().get(c))).append(": ")
              .append(value(values[c], result.types()[c]));
        }
        out.print(object.append('}'));
        first = false;
      }
      out.println(first ? "]" : "\n]");
    }

    private String value(Object value, int type) {
      if (value == null) {
        return "null";
      }
      if (value instanceof Boolean b) {
        return b.toString();
      }
      if (value instanceof Number number && isNumber(type)) {
        boolean finite = !(number instanceof Double d && !Double.isFinite(d))
            && !(number instanceof Float f && !Float.isFinite(f));
        // JSON has no NaN or infinity: those stay strings.
        return finite ? number.toString() : string(number.toString());
      }
      return string(text(value));
    }

    private String string(String text) {
      StringBuilder json = new StringBuilder("\"");
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        switch (ch) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          case '\n' -> json.append("\\n");
          case '\r' -> json.append("\\r");
          case '\t' -> json.append("\\t");
          default -> {
            if (ch < 0x20) {
              json.append(String.format("\\u%04x", (int) ch));
            } else {
              json.append(ch);
            }
          }
        }
      }
      return json.append('"').toString();
    }
  };

  /** Prints the rows. */
  abstract void print(Rows rows, PrintWriter out);

  /** Prints the rest of the result set; returns the number of rows printed. */
  int print(ResultSet rs, PrintWriter out) throws SQLException {
    Rows rows = Rows.read(rs);
    print(rows, out);
    return rows.rows().size();
  }

  /**
   * Rows read from a result set: the column labels, their {@link Types} and the values. A
   * table's widths depend on every row, so the rows are read before printing.
   */
  record Rows(List<String> labels, int[] types, List<Object[]> rows) {

    /** The rest of the result set, every column. */
    static Rows read(ResultSet rs) throws SQLException {
      ResultSetMetaData md = rs.getMetaData();
      String[] labels = new String[md.getColumnCount()];
      for (int c = 0; c < labels.length; c++) {
        labels[c] = md.getColumnLabel(c + 1);
      }
      return read(rs, labels);
    }

    /** The rest of the result set, only the named columns (as DatabaseMetaData's). */
    static Rows read(ResultSet rs, String... labels) throws SQLException {
      ResultSetMetaData md = rs.getMetaData();
      int[] types = new int[labels.length];
      for (int c = 0; c < labels.length; c++) {
        types[c] = md.getColumnType(rs.findColumn(labels[c]));
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[labels.length];
        for (int c = 0; c < labels.length; c++) {
          row[c] = rs.getObject(labels[c]);
        }
        rows.add(row);
      }
      return new Rows(List.of(labels), types, rows);
    }
  }

  /** A value as text; null for SQL NULL. Bytes (MLMD's proto values) are read as UTF-8. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  static boolean isNumber(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL,
          Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
      default -> false;
    };
  }
}

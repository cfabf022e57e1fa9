package io.mlmd4j.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints rows as a fixed-width text table, with a line saying what the ratio means. */
final class ResultTable {

  private ResultTable() {}

  static void print(List<Row> rows, PrintStream out) {
    int op = "operation".length();
    for (Row r : rows) {
      op = Math.max(op, r.operation().length() + r.unit().length() + 3);
    }
    String format = "%-" + op + "s  %-7s  %12s  %12s  %6s%s%n";
    out.printf(Locale.ROOT, format, "operation", "backend", "mlmd4j", "baseline", "ratio", "");
    out.println("-".repeat(op + 2 + 7 + 2 + 12 + 2 + 12 + 2 + 6));
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.operation() + " [" + r.unit() + "]", r.backend(),
          number(r.mlmd4j()), number(r.baseline()),
          Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()),
          r.note().isEmpty() ? "" : "  " + r.note());
    }
    out.println();
    out.println("ratio: mlmd4j's speed relative to the baseline's (throughput / throughput;"
        + " baseline latency or round trips / mlmd4j's); 1.00 = as fast, higher is better.");
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

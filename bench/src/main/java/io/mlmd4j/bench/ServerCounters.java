package io.mlmd4j.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A MySQL server's statement counters at one moment: {@code Questions} (statements received
 * from clients) and the {@code Com_*} count of each kind of command. The difference of two
 * snapshots counts what was sent in between, by every client of the server: measure on a server
 * nothing else uses.
 */
final class ServerCounters {

  private final Map<String, Long> values;

  private ServerCounters(Map<String, Long> values) {
    this.values = values;
  }

  static ServerCounters read(Connection server) throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    try (Statement s = server.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL"
        + " STATUS WHERE Variable_name = 'Questions' OR Variable_name LIKE 'Com\\_%'")) {
      while (rs.next()) {
        try {
          values.put(rs.getString(1), Long.parseLong(rs.getString(2)));
        } catch (NumberFormatException e) {
          // a few Com_ variables are not counts
        }
      }
    }
    return new ServerCounters(values);
  }

  /**
   * The counts since {@code before}, without the one status query that took this snapshot
   * (the server counts it in Questions and Com_show_status).
   */
  Map<String, Long> since(ServerCounters before) {
    Map<String, Long> delta = new TreeMap<>();
    for (Map.Entry<String, Long> e : values.entrySet()) {
      long d = e.getValue() - before.values.getOrDefault(e.getKey(), 0L);
      if (e.getKey().equals("Questions") || e.getKey().equals("Com_show_status")) {
        d--;
      }
      if (d > 0) {
        delta.put(e.getKey(), d);
      }
    }
    return delta;
  }

  /**
   * The command counts of a delta, divided by {@code calls}, largest first; those under one in
   * a hundred calls (a pool's pings) are left out.
   */
  static String perCall(Map<String, Long> delta, int calls) {
    return delta.entrySet().stream()
        .filter(e -> !e.getKey().equals("Questions") && e.getValue() * 100 >= calls)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format("%s %.2f", e.getKey().substring("Com_".length()),
            (double) e.getValue() / calls))
        .collect(Collectors.joining(", "));
  }
}

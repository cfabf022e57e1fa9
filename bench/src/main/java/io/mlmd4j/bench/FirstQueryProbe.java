package io.mlmd4j.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What {@link DriverBench} runs in a fresh JVM: connects to a JDBC URL, runs one query and
 * prints its first row's first value, then exits. It uses nothing but {@code java.sql}, so it
 * runs on the self-contained jar alone.
 */
public final class FirstQueryProbe {

  /** The line printed once the first row is read. */
  static final String FIRST_ROW = "first row: ";

  private FirstQueryProbe() {}

  /** Arguments: the JDBC URL and the query. */
  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      if (!rs.next()) {
        throw new SQLException("No row from " + args[1]);
      }
      System.out.println(FIRST_ROW + rs.getString(1));
      System.out.flush();
    }
  }
}

package io.mlmd4j.jdbc.preload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run by {@link PreloadedJarIT} in a JVM of its own with the jar: answers a point query, then
 * waits for the preloading thread, if it is still running.
 */
public final class PreloadProbe {

  private PreloadProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM artifacts WHERE id = 1")) {
      rs.next();
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("mlmd4j-class-preloading")) {
        thread.join();
      }
    }
  }
}

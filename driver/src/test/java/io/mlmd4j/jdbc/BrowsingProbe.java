package io.mlmd4j.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by {@link FirstConnectionIT} in a JVM of its own with the jar: connects, browses the
 * schema as a SQL client's tree view does, and runs the SQL query given, if any.
 */
public final class BrowsingProbe {

  private BrowsingProbe() {}

  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection(args[0])) {
      DatabaseMetaData meta = c.getMetaData();
      drain(meta.getSchemas());
      drain(meta.getTables(null, null, "%", null));
      drain(meta.getColumns(null, "mlmd", "artifacts", "%"));
      if (args.length > 1) {
        try (Statement s = c.createStatement()) {
          drain(s.executeQuery(args[1]));
        }
      }
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }
}

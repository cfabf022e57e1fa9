package io.mlmd4j.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Run by {@link SavedPlansIT} in a JVM of its own with the jar: prepares and runs a query (its
 * {@code ?}, if any, bound to the third argument) and prints everything its result's metadata
 * and rows say, so that two JVMs' outputs can be compared.
 */
public final class SavedPlanProbe {

  private SavedPlanProbe() {}

  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection(args[0]);
        PreparedStatement s = c.prepareStatement(args[1])) {
      if (args.length > 2) {
        s.setString(1, args[2]);
      }
      System.out.println("parameters " + s.getParameterMetaData().getParameterCount());
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData m = rs.getMetaData();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          System.out.println(String.join(" | ", m.getColumnLabel(i), m.getColumnName(i),
              m.getColumnTypeName(i), m.getColumnClassName(i), m.getTableName(i),
              m.getSchemaName(i), m.getCatalogName(i), "type " + m.getColumnType(i),
              "precision " + m.getPrecision(i), "scale " + m.getScale(i),
              "nullable " + m.isNullable(i), "signed " + m.isSigned(i),
              "size " + m.getColumnDisplaySize(i), "read-only " + m.isReadOnly(i),
              "searchable " + m.isSearchable(i), "case " + m.isCaseSensitive(i)));
        }
        while (rs.next()) {
          StringBuilder row = new StringBuilder("row");
          for (int i = 1; i <= m.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            row.append(" | ").append(v).append(v == null ? "" : " " + v.getClass().getName());
          }
          System.out.println(row);
        }
      }
    }
  }
}

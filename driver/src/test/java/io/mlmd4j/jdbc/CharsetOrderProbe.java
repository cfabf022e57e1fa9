package io.mlmd4j.jdbc;

import io.mlmd4j.MetadataStore;
import io.mlmd4j.proto.GetArtifactsRequest;
import io.mlmd4j.proto.ListOperationOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by {@link CalciteCharsetTest} in a JVM of its own: a filter query through the store and
 * SQL through the driver, both with a literal outside Latin-1, in the order the second argument
 * names ({@code store-first} or {@code driver-first}), on the store the first names. Prints the
 * number of artifacts each found.
 */
public final class CharsetOrderProbe {

  static final String NAME = "uni\u2019quote";

  private CharsetOrderProbe() {}

  public static void main(String[] args) throws SQLException {
    if (args[1].equals("store-first")) {
      filter(args[0]);
      sql(args[0]);
    } else {
      sql(args[0]);
      filter(args[0]);
    }
  }

  private static void filter(String url) {
    try (MetadataStore store = MetadataStore.open(url)) {
      System.out.println("filter " + store.getArtifacts(GetArtifactsRequest.newBuilder()
          .setOptions(ListOperationOptions.newBuilder().setFilterQuery("name = '" + NAME + "'"))
          .build()).getArtifactsCount());
    }
  }

  private static void sql(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM artifacts WHERE name = '" + NAME + "'")) {
      rs.next();
      System.out.println("sql " + rs.getLong(1));
    }
  }
}

package io.mlmd4j.testing;

import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Plain JDBC connections to the test MySQL server, beside the store under test: to look at what
 * a store wrote, to set up old schemas, or to break connections.
 */
public final class MySqlAdmin {

  private MySqlAdmin() {}

  /**
   * A connection as the test server's user to {@code database} (none when empty), autocommit
   * on.
   */
  public static Connection connect(String database) throws SQLException {
    MySQLDatabaseConfig mysql = config(TestDatabases.mysqlUrl("mysql"));
    return DriverManager.getConnection(
        "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getPort() + "/" + database
            + "?sslMode=PREFERRED&allowPublicKeyRetrieval=true",
        mysql.getUser(), mysql.getPassword());
  }

  /** The database a {@code jdbc:mlmd:mysql:} URL names. */
  public static String databaseOf(String url) {
    return config(url).getDatabase();
  }

  /** The MySQL part of a {@code jdbc:mlmd:mysql:} URL. */
  public static MySQLDatabaseConfig config(String url) {
    return ConnectionUrl.parse(url).config().getMysql();
  }
}

package io.mlmd4j.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A MySQL or MariaDB database reached through a HikariCP pool, so that many threads write at once
 * and a connection the server dropped (idle timeout, restart) is replaced by a fresh one instead of
 * failing the application. Logins use MySQL Connector/J, which speaks MySQL 8's
 * {@code caching_sha2_password} (MLMD's C++ client does not).
 */
final class MySqlSource extends MetadataSource {

  private static final int DEFAULT_PORT = 3306;
  private static final int POOL_SIZE = 8;

  private static final int ACCESS_DENIED = 1045;
  private static final int ACCESS_DENIED_TO_DATABASE = 1044;
  private static final int UNKNOWN_DATABASE = 1049;
  /** The server is shutting down, and ends the session. */
  private static final int SERVER_SHUTDOWN = 1053;
  /** MariaDB: the session was killed. */
  private static final int CONNECTION_KILLED = 1927;
  /** MySQL 8.0.24+ sends this, in place of a reply, to a session idle past wait_timeout. */
  private static final int CLIENT_INTERACTION_TIMEOUT = 4031;

  /** Connections of the read-only pool: SQL queries are short, and few run at once. */
  private static final int READ_POOL_SIZE = 4;

  private final HikariDataSource pool;
  private final HikariConfig readConfig;
  private final String description;
  private HikariDataSource readPool;

  private MySqlSource(HikariDataSource pool, HikariConfig readConfig, String description) {
    super(Backend.MYSQL, Dialect.MYSQL);
    this.pool = pool;
    this.readConfig = readConfig;
    this.description = description;
  }

  static MySqlSource open(MySQLDatabaseConfig mysql) {
    if (mysql.getDatabase().isEmpty()) {
      throw MlmdException.invalidArgument("MySQL config names no database");
    }
    String database = mysql.getDatabase();
    Properties props = MySqlTls.connectionProperties(mysql);
    String server;
    String location;
    if (mysql.getHost().isEmpty()) {
      // MLMD's empty host: the local server's Unix socket. Connector/J speaks to sockets
      // through junixsocket's socket factory; the host name then only labels the connection.
      if (mysql.getSocket().isEmpty()) {
        throw MlmdException.invalidArgument("MySQL config names neither a host nor a socket");
      }
      props.setProperty("socketFactory", "org.newsclub.net.mysql.AFUNIXDatabaseSocketFactoryCJ");
      props.setProperty("junixsocket.file", mysql.getSocket());
      server = "localhost";
      location = "MySQL " + mysql.getSocket();
    } else {
      server = mysql.getHost() + ":" + (mysql.getPort() == 0 ? DEFAULT_PORT : mysql.getPort());
      location = "MySQL " + server;
    }
    String description = location + "/" + database;
    props.setProperty("user", mysql.getUser());
    props.setProperty("password", mysql.getPassword());

    // One plain connection first: it reports a wrong password or an unreachable server in one
    // clear error, and creates the database before the pool opens connections to it.
    try (Connection c = DriverManager.getConnection("jdbc:mysql://" + server + "/", props);
        Statement s = c.createStatement()) {
      if (!mysql.getSkipDbCreation()) {
        s.execute("CREATE DATABASE IF NOT EXISTS " + quote(database)
            + " CHARACTER SET utf8mb4 COLLATE " + exactCollation(s));
      }
      // Switching to the database now reports a missing one (skipDbCreation) in one clear error.
      c.setCatalog(database);
    } catch (SQLException e) {
      if (e.getErrorCode() == UNKNOWN_DATABASE) {
        throw new MlmdException(MlmdException.Code.NOT_FOUND, "Database '" + database
            + "' does not exist on " + location + " (not created: skipDbCreation is set)", e);
      }
      throw connectFailure(description, mysql.getUser(), e);
    }

    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl("jdbc:mysql://" + server + "/" + database);
    hikari.setDataSourceProperties(props);
    hikari.setMaximumPoolSize(POOL_SIZE);
    hikari.setMinimumIdle(1);
    hikari.setAutoCommit(false);
    hikari.setPoolName("mlmd4j " + description);
    hikari.setConnectionTimeout(30_000);
    // Connections are checked when idle and renewed before a server's usual wait_timeout.
    hikari.setKeepaliveTime(60_000);
    hikari.setIdleTimeout(300_000);
    hikari.setMaxLifetime(600_000);
    hikari.setExceptionOverride(new EvictEndedSessions());
    HikariConfig read = new HikariConfig();
    hikari.copyStateTo(read);
    read.setPoolName(hikari.getPoolName() + " (read-only)");
    read.setMaximumPoolSize(READ_POOL_SIZE);
    read.setMinimumIdle(0);
    read.setAutoCommit(true);
    // Connector/J sends SET SESSION TRANSACTION READ ONLY: the server refuses every write.
    read.setReadOnly(true);
    // Quoted literals and parameters get utf8mb4's default collation, that of a literal written
    // with the _utf8mb4 introducer (as the driver writes some), so that the two mix. The sql_mode
    // is left alone: Connector/J does not notice a NO_BACKSLASH_ESCAPES set after connecting and
    // would go on escaping a parameter's quote as \', which that mode reads as its end.
    read.setConnectionInitSql("SET NAMES utf8mb4");
    try {
      return new MySqlSource(new HikariDataSource(hikari), read, description);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
      throw new MlmdException(MlmdException.Code.UNAVAILABLE,
          "Cannot connect to " + description + ": " + cause.getMessage(), e);
    }
  }

  /**
   * utf8mb4 with a binary collation that does not pad: names compare exactly, as on SQLite
   * ("a" and "a " differ, as do "a" and "A"), and any text fits. MariaDB (10.2 on) and MySQL
   * (8.0.17 on) have one; older servers only have utf8mb4_bin, which ignores trailing spaces.
   */
  private static String exactCollation(Statement s) throws SQLException {
    // MariaDB 11.4 names utf8mb4_bin utf8mb4_0900_bin too, for MySQL's sake: nopad_bin first.
    try (ResultSet rs = s.executeQuery("SELECT COLLATION_NAME FROM information_schema.COLLATIONS"
        + " WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')"
        + " ORDER BY COLLATION_NAME = 'utf8mb4_nopad_bin' DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "utf8mb4_bin";
    }
  }

  private static MlmdException connectFailure(String description, String user,
      SQLException e) {
    if (e.getErrorCode() == ACCESS_DENIED || "28000".equals(e.getSQLState())) {
      return new MlmdException(MlmdException.Code.UNAUTHENTICATED,
          "Login to " + description + " refused for user '" + user + "': " + e.getMessage(), e);
    }
    if (e.getErrorCode() == ACCESS_DENIED_TO_DATABASE) {
      return new MlmdException(MlmdException.Code.PERMISSION_DENIED,
          "User '" + user + "' may not use or create the database of " + description + ": "
              + e.getMessage(), e);
    }
    return new MlmdException(MlmdException.Code.UNAVAILABLE,
        "Cannot connect to " + description + ": " + linkFailure(e), e);
  }

  /**
   * Why the server could not be reached, from the network's own exception: Connector/J's
   * message ("Communications link failure" and two lines on packets) does not say.
   */
  private static String linkFailure(SQLException e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "host name not found";
      }
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return "no answer within " + MySqlTls.CONNECT_TIMEOUT_MILLIS / 1000 + " s";
      }
      if (t instanceof java.net.NoRouteToHostException) {
        return "no route to host";
      }
    }
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /**
   * A second pool, opened on first use, whose sessions are in read-only mode (MySQL refuses their
   * writes) and in auto-commit: each query reads its own consistent snapshot.
   */
  @Override
  public synchronized DataSource readOnlyDataSource() {
    if (readPool == null) {
      try {
        readPool = new HikariDataSource(readConfig);
      } catch (RuntimeException e) {
        throw new MlmdException(MlmdException.Code.UNAVAILABLE,
            "Cannot open read-only connections to " + description + ": " + e.getMessage(), e);
      }
    }
    return readPool;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  protected <T> T runOnce(SqlWork<T> work, boolean writes) throws SQLException {
    try (Connection c = checkout()) {
      T result;
      try {
        result = work.run(Cancellation.enrol(c));
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        if (isConnectionLost(e)) {
          // The commit may or may not have reached the server: repeating the work could
          // apply it twice, so the caller is told rather than retried.
          throw new MlmdException(MlmdException.Code.UNAVAILABLE,
              "The connection to " + description + " was lost while committing; the call's"
                  + " outcome is unknown: " + e.getMessage(), e);
        }
        rollbackQuietly(c, e);
        throw e;
      }
      return result;
    }
  }

  /**
   * A connection from the pool. The pool already waited its connection timeout for one (and
   * tried to open new ones): the server is down or out of connections, which retrying the
   * transaction would only wait out again, so the caller hears it now.
   */
  private Connection checkout() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new MlmdException(MlmdException.Code.UNAVAILABLE,
          "No connection to " + description + " could be had: " + e.getMessage(), e);
    }
  }

  /**
   * A connection lost before the commit (server restart, idle timeout, killed session) is
   * retried on a fresh connection from the pool; nothing of the transaction was committed.
   */
  @Override
  protected boolean isConnectionLost(SQLException e) {
    return isSessionEnded(e);
  }

  /**
   * The server ended the session: Connector/J reports a broken link with SQLState class 08, and
   * the server may first say why, with an error of its own.
   */
  static boolean isSessionEnded(SQLException e) {
    int code = e.getErrorCode();
    return e.getSQLState() != null && e.getSQLState().startsWith("08")
        || code == SERVER_SHUTDOWN || code == CONNECTION_KILLED
        || code == CLIENT_INTERACTION_TIMEOUT;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (readPool != null) {
        readPool.close();
      }
    }
    pool.close();
  }

  @Override
  public String toString() {
    return description;
  }

  /** Hikari drops connections on its own list of link errors; the server's own end them too. */
  private static final class EvictEndedSessions implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      return isSessionEnded(e)
          ? SQLExceptionOverride.Override.MUST_EVICT
          : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
  }
}

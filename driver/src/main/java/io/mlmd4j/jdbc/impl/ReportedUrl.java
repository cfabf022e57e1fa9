package io.mlmd4j.jdbc.impl;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionProperty;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The URL {@code DatabaseMetaData.getURL()} reports, {@code jdbc:mlmd:backend=sqlite;path=...}
 * or {@code jdbc:mlmd:backend=mysql;host=...;port=...;database=...}: it names the store, carries
 * no user or password, and never contains {@code :sqlite:} or {@code :mysql:}, from which tools
 * such as jOOQ conclude that they talk to plain SQLite or MySQL and send SQL for those. The
 * driver accepts it back, so that a tool can reconnect with the URL it was told (and the login
 * as properties).
 */
final class ReportedUrl {

  private static final String PREFIX = ConnectionUrl.PREFIX + "backend=";
  private static final String PATH = ";path=";

  private ReportedUrl() {}

  /** The reported URL of a store. */
  static String of(ConnectionSettings settings) {
    Backend backend = settings.backend();
    String prefix = PREFIX + backend.name().toLowerCase(Locale.ROOT);
    return switch (backend) {
      case FAKE -> prefix;
      case SQLITE -> {
        SqliteMetadataSourceConfig sqlite = settings.config().getSqlite();
        String mode = sqlite.getConnectionMode().name();
        yield prefix + (mode.equals(ConnectionProperty.MODE.defaultValue()) ? ""
            : ";mode=" + mode) + PATH + sqlite.getFilenameUri();
      }
      case MYSQL -> {
        MySQLDatabaseConfig mysql = settings.config().getMysql();
        yield prefix + ";host=" + mysql.getHost()
            + (mysql.getPort() == 0 ? "" : ";port=" + mysql.getPort())
            + (mysql.getSocket().isEmpty() ? "" : ";socket=" + mysql.getSocket())
            + ";database=" + mysql.getDatabase();
      }
    };
  }

  /** A reported URL in the form {@link ConnectionUrl} reads; any other URL as it is. */
  static String toConnectable(String url) {
    if (!url.startsWith(PREFIX)) {
      return url;
    }
    String rest = url.substring(ConnectionUrl.PREFIX.length());
    // A SQLite path comes last and is taken whole: it may hold ';' or '='.
    int path = rest.indexOf(PATH);
    Map<String, String> parts = new HashMap<>();
    for (String part : (path < 0 ? rest : rest.substring(0, path)).split(";")) {
      int eq = part.indexOf('=');
      parts.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
    }
    String backend = parts.getOrDefault("backend", "");
    return switch (backend) {
      case "sqlite" -> ConnectionUrl.PREFIX + "sqlite:"
          + (path < 0 ? "" : rest.substring(path + PATH.length()))
          + (parts.containsKey("mode") ? "?mode=" + parts.get("mode") : "");
      case "mysql" -> {
        String host = parts.getOrDefault("host", "");
        yield ConnectionUrl.PREFIX + "mysql://" + (host.contains(":") ? "[" + host + "]" : host)
            + (parts.containsKey("port") ? ":" + parts.get("port") : "") + "/"
            + encode(parts.getOrDefault("database", ""))
            + (parts.containsKey("socket") ? "?socket=" + encode(parts.get("socket")) : "");
      }
      // fake, or an unknown backend that ConnectionUrl reports as such
      default -> ConnectionUrl.PREFIX + backend;
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

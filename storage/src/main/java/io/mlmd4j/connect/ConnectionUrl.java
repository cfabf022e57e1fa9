package io.mlmd4j.connect;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.ConnectionConfig;
import io.mlmd4j.proto.FakeDatabaseConfig;
import io.mlmd4j.proto.MigrationOptions;
import io.mlmd4j.proto.MySQLDatabaseConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Parses the URL forms of an MLMD connection into {@link ConnectionSettings}:
 *
 * <ul>
 *   <li>{@code jdbc:mlmd:fake}: an in-memory store, gone when it closes;
 *   <li>{@code jdbc:mlmd:sqlite:<path or file: URI>[?mode=...]}, mode READONLY, READWRITE or
 *       READWRITE_OPENCREATE;
 *   <li>{@code jdbc:mlmd:mysql://[host][:port]/database[?user=..&password=..&ssl...]};
 * </ul>
 *
 * <p>and {@code enableUpgradeMigration=true}, {@code downgradeToSchemaVersion=N} or
 * {@code lineageWalk=perHop} on any of them.
 * Query parameters are {@link ConnectionProperty} names (case-insensitive), values percent-encoded.
 * Every error is INVALID_ARGUMENT and names the part of the URL that is wrong.
 */
public final class ConnectionUrl {

  public static final String PREFIX = "jdbc:mlmd:";

  private ConnectionUrl() {}

  /** True when the URL is one this parser is meant for (it may still be malformed). */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  public static ConnectionSettings parse(String url) {
    return parse(url, new Properties());
  }

  /**
   * Parses {@code url}; {@code info} supplies further properties (the JDBC driver's), which the
   * URL's own query parameters override.
   */
  public static ConnectionSettings parse(String url, Properties info) {
    if (url == null || url.isBlank()) {
      throw MlmdException.invalidArgument("No connection URL given; expected %s", forms());
    }
    if (!accepts(url)) {
      throw bad(url, "it does not start with '" + PREFIX + "'; expected " + forms());
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String target = query < 0 ? rest : rest.substring(0, query);
    Map<ConnectionProperty, String> props = new EnumMap<>(ConnectionProperty.class);
    for (String name : info.stringPropertyNames()) {
      ConnectionProperty p = ConnectionProperty.forName(name).orElseThrow(
          () -> bad(url, "unknown property '" + name + "'; known: " + known()));
      props.put(p, info.getProperty(name));
    }
    if (query >= 0) {
      parseQuery(url, rest.substring(query + 1), props);
    }

    int colon = target.indexOf(':');
    String scheme = (colon < 0 ? target : target.substring(0, colon)).toLowerCase(Locale.ROOT);
    ConnectionConfig.Builder config = ConnectionConfig.newBuilder();
    Backend backend;
    switch (scheme) {
      case "fake" -> {
        if (colon >= 0) {
          throw bad(url, "'fake' takes no path, found '" + target.substring(colon) + "'");
        }
        backend = Backend.FAKE;
        config.setFakeDatabase(FakeDatabaseConfig.getDefaultInstance());
      }
      case "sqlite" -> {
        backend = Backend.SQLITE;
        String file = colon < 0 ? "" : target.substring(colon + 1);
        if (file.isEmpty()) {
          throw bad(url, "the SQLite file is missing: write jdbc:mlmd:sqlite:<path or file: URI>");
        }
        SqliteMetadataSourceConfig.Builder sqlite =
            SqliteMetadataSourceConfig.newBuilder().setFilenameUri(file);
        sqlite.setConnectionMode(connectionMode(url, props.getOrDefault(
            ConnectionProperty.MODE, ConnectionProperty.MODE.defaultValue())));
        config.setSqlite(sqlite);
      }
      case "mysql" -> {
        backend = Backend.MYSQL;
        config.setMysql(mysql(url, colon < 0 ? "" : target.substring(colon + 1), props));
      }
      default -> throw bad(url, "unknown backend '" + scheme + "'; expected fake, sqlite or mysql");
    }

    for (ConnectionProperty p : props.keySet()) {
      if (!p.appliesTo(backend)) {
        throw bad(url, "property '" + p.propertyName() + "' does not apply to "
            + backend.name().toLowerCase(Locale.ROOT));
      }
    }
    MigrationOptions.Builder migration = MigrationOptions.newBuilder();
    if (props.containsKey(ConnectionProperty.ENABLE_UPGRADE_MIGRATION)) {
      migration.setEnableUpgradeMigration(
          bool(url, ConnectionProperty.ENABLE_UPGRADE_MIGRATION, props));
    }
    if (props.containsKey(ConnectionProperty.DOWNGRADE_TO_SCHEMA_VERSION)) {
      String value = props.get(ConnectionProperty.DOWNGRADE_TO_SCHEMA_VERSION).trim();
      try {
        migration.setDowngradeToSchemaVersion(Long.parseLong(value));
      } catch (NumberFormatException e) {
        throw bad(url, "downgradeToSchemaVersion '" + value + "' is not a whole number");
      }
    }
    return new ConnectionSettings(config.build(), migration.build(), perHop(url, props));
  }

  /**
   * Parses {@code url} as {@link #parse(String, Properties)} does, for a store that must exist
   * already (one that is only read): a SQLite file is opened in {@code sqliteMode} and a MySQL
   * database is not created, unless the URL or {@code info} sets {@code mode} or
   * {@code skipDbCreation} itself. A mistyped name is then reported missing, not created empty.
   */
  public static ConnectionSettings parseExisting(String url, Properties info,
      ConnectionMode sqliteMode) {
    Properties withDefaults = new Properties();
    info.stringPropertyNames().forEach(n -> withDefaults.setProperty(n, info.getProperty(n)));
    switch (parse(url, info).backend()) {
      case SQLITE -> {
        if (!given(info, ConnectionProperty.MODE)) {
          withDefaults.setProperty(ConnectionProperty.MODE.propertyName(), sqliteMode.name());
        }
      }
      case MYSQL -> {
        if (!given(info, ConnectionProperty.SKIP_DB_CREATION)) {
          withDefaults.setProperty(ConnectionProperty.SKIP_DB_CREATION.propertyName(), "true");
        }
      }
      case FAKE -> { }
    }
    // The URL's own parameters override these, as always.
    return parse(url, withDefaults);
  }

  private static boolean given(Properties info, ConnectionProperty property) {
    return info.stringPropertyNames().stream()
        .anyMatch(n -> ConnectionProperty.forName(n).orElse(null) == property);
  }

  /**
   * The URL's own parameters, decoded; INVALID_ARGUMENT, as {@link #parse}, for one that is
   * unknown or wrongly encoded.
   */
  public static Map<ConnectionProperty, String> parameters(String url) {
    Map<ConnectionProperty, String> props = new EnumMap<>(ConnectionProperty.class);
    int query = url.indexOf('?');
    if (query >= 0) {
      parseQuery(url, url.substring(query + 1), props);
    }
    return props;
  }

  private static boolean perHop(String url, Map<ConnectionProperty, String> props) {
    String v = props.getOrDefault(ConnectionProperty.LINEAGE_WALK,
        ConnectionProperty.LINEAGE_WALK.defaultValue()).trim();
    if (v.equalsIgnoreCase("perHop")) {
      return true;
    } else if (v.equalsIgnoreCase("auto")) {
      return false;
    }
    throw bad(url, "lineageWalk '" + v + "' is not auto or perHop");
  }

  /**
   * Reads the query's parameters into {@code props}. A password's value is never quoted back: a
   * raw '%' in it fails decoding, a raw '&' makes its rest look like a parameter of its own.
   */
  private static void parseQuery(String url, String query, Map<ConnectionProperty, String> props) {
    boolean afterPassword = false;
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<ConnectionProperty> named = property(rawName);
      if (named.isEmpty()) {
        throw bad(url, afterPassword
            ? "the password is followed by a parameter that is none of " + known()
                + "; a '&' in the password is written %26"
            : "unknown parameter '" + decode(url, rawName) + "'; known: " + known());
      }
      ConnectionProperty p = named.get();
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      if (p == ConnectionProperty.PASSWORD) {
        try {
          props.put(p, URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw bad(url, "the password is not correctly percent-encoded; a '%' in it is written"
              + " %25");
        }
      } else {
        props.put(p, decode(url, rawValue));
      }
      afterPassword = p == ConnectionProperty.PASSWORD;
    }
  }

  /** The property a URL parameter's name (percent-encoded) names; empty for anything else. */
  private static Optional<ConnectionProperty> property(String rawName) {
    try {
      return ConnectionProperty.forName(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static MySQLDatabaseConfig mysql(String url, String target,
      Map<ConnectionProperty, String> props) {
    if (!target.startsWith("//")) {
      throw bad(url, "expected '//' after 'mysql:', as in jdbc:mlmd:mysql://host:3306/database");
    }
    String authority = target.substring(2);
    if (authority.contains("@")) {
      throw bad(url, "a user or password before '@' is not read: give them as parameters,"
          + " ?user=...&password=... (a database name with '@' is written %40)");
    }
    int slash = authority.indexOf('/');
    if (slash < 0 || slash == authority.length() - 1) {
      throw bad(url, "the database name is missing: write jdbc:mlmd:mysql://host[:port]/database");
    }
    String database = decode(url, authority.substring(slash + 1));
    if (database.contains("/")) {
      throw bad(url, "database name '" + database + "' contains '/'");
    }
    String hostPort = authority.substring(0, slash);
    String host = hostPort;
    MySQLDatabaseConfig.Builder mysql = MySQLDatabaseConfig.newBuilder();
    int portColon = hostPort.lastIndexOf(':');
    if (portColon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, portColon);
      String port = hostPort.substring(portColon + 1);
      int number;
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number < 1 || number > 65535) {
        throw bad(url, "port '" + port + "' is not a number from 1 to 65535");
      }
      mysql.setPort(number);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!host.isEmpty()) {
      mysql.setHost(host);
    }
    mysql.setDatabase(database);
    props.forEach((p, v) -> {
      switch (p) {
        case USER -> mysql.setUser(v);
        case PASSWORD -> mysql.setPassword(v);
        case SOCKET -> mysql.setSocket(v);
        case SKIP_DB_CREATION -> mysql.setSkipDbCreation(bool(url, p, props));
        case SSL_KEY -> mysql.getSslOptionsBuilder().setKey(v);
        case SSL_CERT -> mysql.getSslOptionsBuilder().setCert(v);
        case SSL_CA -> mysql.getSslOptionsBuilder().setCa(v);
        case SSL_CAPATH -> mysql.getSslOptionsBuilder().setCapath(v);
        case SSL_CIPHER -> mysql.getSslOptionsBuilder().setCipher(v);
        case SSL_VERIFY_SERVER_CERT ->
            mysql.getSslOptionsBuilder().setVerifyServerCert(bool(url, p, props));
        default -> { } // not a MySQL setting; checked by the caller
      }
    });
    if (host.isEmpty() && !mysql.hasSocket()) {
      throw bad(url, "the host is missing: give host[:port], or a socket=<path> parameter");
    }
    return mysql.build();
  }

  private static ConnectionMode connectionMode(String url, String value) {
    String wanted = value.trim().toUpperCase(Locale.ROOT);
    for (ConnectionMode mode : ConnectionMode.values()) {
      if (mode != ConnectionMode.UNKNOWN && mode.name().equals(wanted)) {
        return mode;
      }
    }
    throw bad(url, "mode '" + value + "' is not one of READONLY, READWRITE, READWRITE_OPENCREATE");
  }

  private static boolean bool(String url, ConnectionProperty p,
      Map<ConnectionProperty, String> props) {
    String v = props.get(p).trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes", "" -> true;
      case "false", "0", "no" -> false;
      default -> throw bad(url, p.propertyName() + " '" + props.get(p) + "' is not true or false");
    };
  }

  private static String decode(String url, String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(url, "'" + part + "' is not correctly percent-encoded");
    }
  }

  private static String forms() {
    return "jdbc:mlmd:fake, jdbc:mlmd:sqlite:<path> or jdbc:mlmd:mysql://host[:port]/database";
  }

  private static String known() {
    return Arrays.stream(ConnectionProperty.values())
        .map(ConnectionProperty::propertyName)
        .collect(Collectors.joining(", "));
  }

  private static MlmdException bad(String url, String what) {
    return MlmdException.invalidArgument("Bad connection URL '%s': %s", redact(url), what);
  }

  /**
   * The URL with what may be secret hidden, for messages and logs: the password's value (with
   * any text after it up to the next known parameter, which a raw {@code &} in the password makes),
   * the values of unknown parameters (a misspelt password), and anything before an '@' of a
   * MySQL URL's host (a user and password written there).
   */
  public static String redact(String url) {
    int query = url.indexOf('?');
    String target = query < 0 ? url : url.substring(0, query);
    target = target.replaceFirst("(?is)^(jdbc:mlmd:mysql://).*@", "$1***@");
    if (query < 0) {
      return target;
    }
    StringBuilder shown = new StringBuilder(target).append('?');
    boolean inPassword = false;
    String separator = "";
    for (String pair : url.substring(query + 1).split("&", -1)) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<ConnectionProperty> p = property(rawName);
      if (p.isEmpty() && inPassword) {
        continue;
      }
      inPassword = p.isPresent() && p.get() == ConnectionProperty.PASSWORD;
      boolean visible = p.isPresent() && !inPassword || eq < 0;
      shown.append(separator).append(visible ? pair : rawName + "=***");
      separator = "&";
    }
    return shown.toString();
  }
}

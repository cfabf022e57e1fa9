package io.mlmd4j.connect;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every property a connection URL (or the JDBC driver's {@code Properties}) may carry: its name,
 * default, description and the backends it applies to. This enum is the one list the URL parser,
 * the driver's {@code getPropertyInfo} and the README's table are made from.
 */
public enum ConnectionProperty {
  MODE("mode", "READWRITE_OPENCREATE",
      "SQLite connection mode: READONLY (file must exist; every write fails), READWRITE (file must"
          + " exist) or READWRITE_OPENCREATE (created when missing). The JDBC driver and mlmd's"
          + " reading commands default to READWRITE: they never create a store unless asked.",
      Backend.SQLITE),
  USER("user", "", "MySQL user name.", Backend.MYSQL),
  PASSWORD("password", "", "MySQL password.", Backend.MYSQL),
  SOCKET("socket", "", "MySQL Unix socket path, used when no host is given.", Backend.MYSQL),
  SKIP_DB_CREATION("skipDbCreation", "false",
      "Do not CREATE DATABASE when the named MySQL database is missing. The JDBC driver and"
          + " mlmd's reading commands default to true.", Backend.MYSQL),
  SSL_KEY("sslKey", "", "Path of the client's private key (PEM) for MySQL TLS.", Backend.MYSQL),
  SSL_CERT("sslCert", "", "Path of the client's certificate (PEM) for MySQL TLS.", Backend.MYSQL),
  SSL_CA("sslCa", "", "Path of the CA certificate (PEM) that signed the MySQL server's.",
      Backend.MYSQL),
  SSL_CAPATH("sslCapath", "", "Directory of trusted CA certificates for MySQL TLS.", Backend.MYSQL),
  SSL_CIPHER("sslCipher", "", "Allowed TLS cipher suites for MySQL, comma separated.",
      Backend.MYSQL),
  SSL_VERIFY_SERVER_CERT("sslVerifyServerCert", "false",
      "Verify the MySQL server's certificate and host name.", Backend.MYSQL),
  ENABLE_UPGRADE_MIGRATION("enableUpgradeMigration", "false",
      "Upgrade an older MLMD schema to version 10 when opening; without it an older schema is"
          + " refused with FAILED_PRECONDITION.",
      Backend.FAKE, Backend.SQLITE, Backend.MYSQL),
  DOWNGRADE_TO_SCHEMA_VERSION("downgradeToSchemaVersion", "-1",
      "Downgrade the schema to this version and close (as MLMD's downgrade_schema); -1 = no"
          + " downgrade.",
      Backend.FAKE, Backend.SQLITE, Backend.MYSQL),
  LINEAGE_WALK("lineageWalk", "auto",
      "How LQL lineage walks run: auto (one recursive query where the server has them, else one"
          + " query per hop over the whole frontier, as on MySQL 5.7 and MariaDB before 10.2.2)"
          + " or perHop (one query per hop on any server, with the same results).",
      Backend.FAKE, Backend.SQLITE, Backend.MYSQL);

  private final String propertyName;
  private final String defaultValue;
  private final String description;
  private final Set<Backend> backends;

  ConnectionProperty(String name, String defaultValue, String description, Backend first,
      Backend... rest) {
    this.propertyName = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.backends = EnumSet.of(first, rest);
  }

  /** The name as written in a URL query or a {@code Properties} key. */
  public String propertyName() {
    return propertyName;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public boolean appliesTo(Backend backend) {
    return backends.contains(backend);
  }

  /** The property of that name, compared without regard to case. */
  public static Optional<ConnectionProperty> forName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (ConnectionProperty p : values()) {
      if (p.propertyName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}

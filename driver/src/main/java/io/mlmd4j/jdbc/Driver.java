package io.mlmd4j.jdbc;

import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionProperty;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.jdbc.impl.DriverImpl;
import io.mlmd4j.planner.CalciteCharset;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * mlmd4j's JDBC driver: SQL over an MLMD store. URLs are those of {@code MetadataStore}:
 * {@code jdbc:mlmd:fake}, {@code jdbc:mlmd:sqlite:<path>}, {@code jdbc:mlmd:mysql://host/db};
 * their properties are the {@link ConnectionProperty} values, in the URL or in the
 * {@code Properties} given to {@code connect} (the URL's win; properties that do not apply to the
 * URL's backend are ignored). Registered with {@link DriverManager} when loaded, and named in
 * {@code META-INF/services/java.sql.Driver}.
 *
 * <p>A connection shows the store as the logical schemas {@code mlmd} (the default: artifacts,
 * executions, contexts, their properties, events, types and links) and {@code artifact},
 * {@code execution}, {@code context} (a table per type, properties as columns), described in the
 * README. SQL is read-only: a data change or DDL fails with SQLState 25006.
 * {@code connection.unwrap(MetadataStore.class)} gives the store the connection reads, for
 * writes; the connection owns it, so do not close it.
 *
 * <p>Plans of SQL texts are kept per connection and saved on disk for later JVMs, in
 * {@code $XDG_CACHE_HOME/mlmd4j} (else {@code ~/.cache/mlmd4j}); the system property
 * {@code mlmd4j.planCache} names another directory, or {@code off}.
 *
 * <p>Loading the driver sets Calcite's default character set to UTF-8 (system properties
 * {@code calcite.default.charset} and the like) unless they are set, so that SQL text can hold any
 * character, as the store's filter queries do first when they are the first to use Calcite
 * ({@link CalciteCharset}); Calcite that code outside mlmd4j used first keeps its own.
 */
public final class Driver implements java.sql.Driver {

  static {
    CalciteCharset.useUtf8();
    try {
      DriverManager.registerDriver(new Driver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final DriverImpl impl = new DriverImpl();

  /**
   * Opens a connection to the store the URL names; null for a URL that is not
   * {@code jdbc:mlmd:}. Failures are SQLExceptions: 08001 for a bad URL or an unreachable
   * store, 28000 for a refused login.
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return impl.connect(url, info == null ? new Properties() : info);
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  /**
   * The {@link ConnectionProperty} values that apply to the URL's backend (all of them when the
   * backend cannot be told), with their current values from the URL and {@code info}; the
   * password's value is not given back (null), so that it is never shown.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    Properties given = info == null ? new Properties() : info;
    Backend backend = null;
    Map<ConnectionProperty, String> current = new EnumMap<>(ConnectionProperty.class);
    for (String name : given.stringPropertyNames()) {
      ConnectionProperty.forName(name).ifPresent(p -> current.put(p, given.getProperty(name)));
    }
    try {
      backend = ConnectionUrl.parse(url).backend();
      current.putAll(ConnectionUrl.parameters(url));
    } catch (RuntimeException e) {
      // A URL that does not parse yet: offer every property.
    }
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (backend != null && !p.appliesTo(backend)) {
        continue;
      }
      DriverPropertyInfo d = new DriverPropertyInfo(p.propertyName(),
          p == ConnectionProperty.PASSWORD ? null : current.getOrDefault(p, p.defaultValue()));
      d.description = p.description();
      d.required = false;
      list.add(d);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public int getMajorVersion() {
    return impl.getDriverVersion().majorVersion;
  }

  @Override
  public int getMinorVersion() {
    return impl.getDriverVersion().minorVersion;
  }

  /** False: mlmd4j's SQL is read-only and its DDL refused, which JDBC compliance rules out. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("mlmd4j logs through SLF4J", "0A000");
  }
}

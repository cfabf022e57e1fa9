package io.mlmd4j.jdbc.impl;

import io.mlmd4j.MlmdException;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionProperty;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import io.mlmd4j.proto.SqliteMetadataSourceConfig.ConnectionMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.MlmdConnection;
import org.apache.calcite.jdbc.MlmdJdbcFactory;

/**
 * The driver behind {@link io.mlmd4j.jdbc.Driver}: Calcite's JDBC driver with mlmd4j's URL
 * prefix, connection objects and metadata. Each connection gets its own root schema holding the
 * logical schemas over the store the URL names.
 */
public final class DriverImpl extends org.apache.calcite.jdbc.Driver {

  /** The Calcite settings every connection has: SQL's identifier rules, nothing cached. */
  private static final Map<CalciteConnectionProperty, String> CALCITE_SETTINGS = Map.of(
      CalciteConnectionProperty.CASE_SENSITIVE, "true",
      CalciteConnectionProperty.UNQUOTED_CASING, "TO_LOWER",
      CalciteConnectionProperty.QUOTED_CASING, "UNCHANGED",
      CalciteConnectionProperty.QUOTING, "DOUBLE_QUOTE",
      CalciteConnectionProperty.MATERIALIZATIONS_ENABLED, "false",
      CalciteConnectionProperty.CREATE_MATERIALIZATIONS, "false");

  public DriverImpl() {
    super(null);
  }

  @Override
  protected String getConnectStringPrefix() {
    return ConnectionUrl.PREFIX;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return MlmdJdbcFactory.class.getName();
  }

  /** mlmd4j's version, as the build set it: {@code 0.1.0-SNAPSHOT}, or a release's. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = DriverImpl.class.getResourceAsStream("mlmd4j-jdbc.properties")) {
      if (in == null) {
        throw new IllegalStateException("mlmd4j-jdbc.properties is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  @Override
  protected DriverVersion createDriverVersion() {
    String version = version();
    String[] parts = version.replaceAll("-.*$", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = Integer.parseInt(parts[1]);
    return new DriverVersion("mlmd4j JDBC driver", version, "mlmd4j", version, false, major,
        minor, major, minor);
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new MlmdPrepare();
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new MlmdMeta(connection);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionSettings settings = settings(url, info);
    OpenStore store;
    try {
      store = OpenStore.acquire(settings);
    } catch (MlmdException e) {
      throw connectFailure(e);
    }
    try {
      CalciteSchema root = CalciteSchema.createRootSchema(false, false);
      root.add(MlmdSchema.NAME, new MlmdSchema(store.physical()));
      for (NodeKind kind : NodeKind.values()) {
        root.add(kind.singular, new TypeSchema(kind, store.physical(), store.types(), null));
      }
      Properties calcite = new Properties();
      CALCITE_SETTINGS.forEach((k, v) -> calcite.setProperty(k.camelName(), v));
      MlmdConnection connection = (MlmdConnection) ((CalciteFactory) factory).newConnection(
          this, factory, ReportedUrl.of(settings), calcite, root, null);
      connection.attach(store.store(), new PlanCache(store.types(), store.physical(), SavedPlans.ofJvm()), store::release);
      connection.setSchema(MlmdSchema.NAME);
      return connection;
    } catch (SQLException | RuntimeException e) {
      store.release();
      throw e;
    }
  }

  /**
   * The URL (or the URL that {@code getURL()} reported) parsed by {@link ConnectionUrl} for a
   * store that must exist, with those of {@code info}'s properties that apply to its backend;
   * others (a user name given to a SQLite URL by a generic client, say) are ignored.
   */
  static ConnectionSettings settings(String givenUrl, Properties info) throws SQLException {
    String url = ReportedUrl.toConnectable(givenUrl);
    try {
      Backend backend = ConnectionUrl.parse(url).backend();
      Properties applicable = new Properties();
      for (String name : info.stringPropertyNames()) {
        Optional<ConnectionProperty> p = ConnectionProperty.forName(name);
        if (p.isPresent() && p.get().appliesTo(backend)) {
          applicable.setProperty(name, info.getProperty(name));
        }
      }
      // The driver only reads: a missing SQLite file or MySQL database is refused, not created.
      return ConnectionUrl.parseExisting(url, applicable, ConnectionMode.READWRITE);
    } catch (MlmdException e) {
      throw connectFailure(e);
    }
  }

  private static SQLException connectFailure(MlmdException e) {
    return switch (e.code()) {
      case UNAUTHENTICATED, PERMISSION_DENIED ->
          new SQLInvalidAuthorizationSpecException(e.getMessage(), "28000", e);
      case UNAVAILABLE, ABORTED ->
          new SQLTransientConnectionException(e.getMessage(), "08001", e);
      default -> new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    };
  }
}

package org.apache.calcite.jdbc;

import io.mlmd4j.jdbc.impl.PlanCache;
import io.mlmd4j.jdbc.impl.ReadOnlySql;
import io.mlmd4j.jdbc.impl.SqlErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A connection of mlmd4j's driver: Calcite's, plus {@code unwrap} to the store it reads, read-only
 * SQL, errors with SQLStates, and a close that closes its statements and releases the store.
 */
public final class MlmdConnection extends CalciteConnectionImpl {

  private @Nullable Object store;
  private @Nullable PlanCache plans;
  private @Nullable Runnable release;
  /** Set by the first {@link #config()}, which Calcite's constructor calls. */
  private @Nullable CalciteConnectionConfig config;

  MlmdConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
      @Nullable CalciteSchema rootSchema, @Nullable JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
    ConcurrentServer.install(this);
  }

  /**
   * Attaches the store this connection reads: {@code unwrap} returns it, its SQL is planned
   * through {@code plans}, and {@code release} runs once when the connection closes.
   */
  public void attach(Object store, PlanCache plans, Runnable release) {
    this.store = store;
    this.plans = plans;
    this.release = release;
  }

  /** Plans a statement's SQL, or takes its plan from this connection's {@link PlanCache}. */
  @Override
  <T> CalcitePrepare.CalciteSignature<T> parseQuery(CalcitePrepare.Query<T> query,
      CalcitePrepare.Context prepareContext, long maxRowCount) {
    PlanCache cache = plans;
    if (cache == null || query.sql == null) {
      return super.parseQuery(query, prepareContext, maxRowCount);
    }
    return cache.plan(query.sql, prepareContext.getDefaultSchemaPath(), maxRowCount,
        prepareContext.getRootSchema(),
        () -> super.parseQuery(query, prepareContext, maxRowCount));
  }

  /**
   * The connection's Calcite settings. Calcite makes them anew from the connection's properties
   * at each call, several times per execution of a statement; the properties do not change once
   * the connection is made, so one object serves, and it reads each setting read per execution
   * once.
   */
  @Override
  public CalciteConnectionConfig config() {
    CalciteConnectionConfig c = config;
    if (c == null) {
      c = new FixedConfig(info);
      config = c;
    }
    return c;
  }

  /**
   * The context a statement's execution reads its parameters from. Calcite's builds a map of
   * all its variables (times, time zone, locale, user, streams) at every execution, though most
   * statements read only their parameters and the start time (the JDBC adapter times its
   * queries out from it); this one answers those and the other times itself, and makes
   * Calcite's when a statement reads one of the rest.
   */
  @Override
  public DataContext createDataContext(Map<String, Object> parameterValues,
      @Nullable CalciteSchema rootSchema) {
    if (config().spark()) {
      return super.createDataContext(parameterValues, rootSchema);
    }
    return new ParameterDataContext(this, parameterValues, rootSchema);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (store != null && iface.isInstance(store)) {
      checkOpen();
      return iface.cast(store);
    }
    return super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return store != null && iface.isInstance(store) || super.isWrapperFor(iface);
  }

  @Override
  public CalcitePreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkOpen();
    ReadOnlySql.check(sql);
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    } catch (StackOverflowError e) {
      throw SqlErrors.translateThrown(e);
    }
  }

  /** Always true: the connection reads only, whatever a pool sets ({@code setReadOnly} hints). */
  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return true;
  }

  /** Ignored: the connection reads only (writes go through {@code MetadataStore}). */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
  }

  /** Empty: no user-defined type is mapped (schema browsers ask). */
  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new HashMap<>();
  }

  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw SqlErrors.closed("Connection");
    }
  }

  @Override
  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    try {
      List<AvaticaStatement> open = new ArrayList<>(statementMap.values());
      for (AvaticaStatement s : open) {
        s.close();
      }
      super.close();
    } finally {
      Runnable r = release;
      release = null;
      if (r != null) {
        r.run();
      }
    }
  }

  /** Calcite's settings, with those read per execution parsed once. */
  private static final class FixedConfig extends CalciteConnectionConfigImpl {
    private final @Nullable String timeZone;
    private final @Nullable String locale;
    private final boolean spark;
    private final boolean autoTemp;
    private final int fetchSize;

    FixedConfig(Properties properties) {
      super(properties);
      timeZone = super.timeZone();
      locale = super.locale();
      spark = super.spark();
      autoTemp = super.autoTemp();
      fetchSize = super.fetchSize();
    }

    @Override
    public @Nullable String timeZone() {
      return timeZone;
    }

    @Override
    public @Nullable String locale() {
      return locale;
    }

    @Override
    public boolean spark() {
      return spark;
    }

    @Override
    public boolean autoTemp() {
      return autoTemp;
    }

    @Override
    public int fetchSize() {
      return fetchSize;
    }
  }

  /**
   * A statement's parameters, cancel flag and timeout, and the time the execution started in
   * Calcite's variables for it (the JDBC adapter reads one to time its queries out); Calcite's
   * context, made on first use, for the other variables.
   */
  private static final class ParameterDataContext implements DataContext {
    private static final Set<String> OTHER_CALCITE_VARIABLES = Stream.of(
        Variable.TIME_FRAME_SET, Variable.USER, Variable.SYSTEM_USER, Variable.LOCALE,
        Variable.STDIN, Variable.STDOUT, Variable.STDERR, Variable.SQL_ADVISOR)
        .map(v -> v.camelName).collect(Collectors.toUnmodifiableSet());

    private final MlmdConnection connection;
    private final Map<String, Object> values;
    private final @Nullable CalciteSchema rootSchema;
    /** When the execution started, as Calcite's context takes it (a hook may set it). */
    private final long time;
    private @Nullable TimeZone timeZone;
    private @Nullable DataContext calcite;

    ParameterDataContext(MlmdConnection connection, Map<String, Object> values,
        @Nullable CalciteSchema rootSchema) {
      this.connection = connection;
      this.values = values;
      this.rootSchema = rootSchema;
      Holder<Long> time = Holder.of(System.currentTimeMillis());
      Hook.CURRENT_TIME.run(time);
      this.time = time.get();
    }

    @Override
    public synchronized @Nullable Object get(String name) {
      if (Variable.TIMEOUT.camelName.equals(name)) {
        // The statement times its queries out itself (QueryControl). Calcite's JDBC adapter
        // would hand the backend the whole seconds left, and fail any query under a timeout
        // of one second that starts a millisecond late.
        return null;
      }
      if (Variable.UTC_TIMESTAMP.camelName.equals(name)) {
        return time;
      }
      if (Variable.CURRENT_TIMESTAMP.camelName.equals(name)
          || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
        return time + timeZone().getOffset(time);
      }
      if (Variable.SYS_TIMESTAMP.camelName.equals(name)) {
        return time + TimeZone.getDefault().getOffset(time);
      }
      if (Variable.TIME_ZONE.camelName.equals(name)) {
        return timeZone();
      }
      if (!OTHER_CALCITE_VARIABLES.contains(name)) {
        return values.get(name);
      }
      if (calcite == null) {
        calcite = new DataContextImpl(connection, values, rootSchema);
      }
      return calcite.get(name);
    }

    private TimeZone timeZone() {
      if (timeZone == null) {
        timeZone = connection.getTimeZone();
      }
      return timeZone;
    }

    @Override
    public @Nullable SchemaPlus getRootSchema() {
      return rootSchema == null ? null : rootSchema.plus();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return connection.getTypeFactory();
    }

    @Override
    public QueryProvider getQueryProvider() {
      return connection;
    }
  }
}

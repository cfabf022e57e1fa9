package io.mlmd4j.jdbc.impl;

import com.google.protobuf.ByteString;
import com.zaxxer.hikari.HikariDataSource;
import io.mlmd4j.MetadataStore;
import io.mlmd4j.connect.Backend;
import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.storage.Cancellation;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A store opened for the driver, with what SQL needs of it: its tables and dialect, and its
 * types. Connections with the same settings share one (one pool, one schema check); it closes
 * when the last of them does. Each {@code jdbc:mlmd:fake} connection has a store of its own, as
 * each MLMD fake database is new and empty.
 */
final class OpenStore {

  private static final Map<SharingKey, OpenStore> SHARED = new HashMap<>();

  private final SharingKey key;
  private final MetadataStore store;
  private final PhysicalSchema physical;
  private final TypeDirectory types;
  /** The pool the driver reads SQLite through; null on MySQL, whose store pools already. */
  private final @Nullable HikariDataSource pool;
  private int users;

  private OpenStore(SharingKey key, MetadataStore store, PhysicalSchema physical,
      TypeDirectory types, @Nullable HikariDataSource pool) {
    this.key = key;
    this.store = store;
    this.physical = physical;
    this.types = types;
    this.pool = pool;
  }

  /** The store the settings name, opened (and its schema checked) if no connection has it. */
  static synchronized OpenStore acquire(ConnectionSettings settings) {
    boolean shared = settings.backend() != Backend.FAKE;
    SharingKey key = SharingKey.of(settings);
    OpenStore open = shared ? SHARED.get(key) : null;
    if (open == null) {
      open = open(settings, key);
      if (shared) {
        SHARED.put(key, open);
      }
    }
    open.users++;
    return open;
  }

  private static OpenStore open(ConnectionSettings settings, SharingKey key) {
    MetadataStore store = MetadataStore.open(settings);
    HikariDataSource pool = null;
    try {
      DataSource dataSource = store.readOnlyDataSource();
      DataSource sql;
      if (settings.backend() == Backend.MYSQL) {
        // The store's read-only pool, whose settings open the connection that kills a query.
        sql = MySqlStreaming.over((HikariDataSource) dataSource);
      } else {
        pool = SqliteReadPool.over(dataSource, settings.backend().name().toLowerCase(Locale.ROOT));
        dataSource = pool;
        sql = pool;
      }
      return new OpenStore(key, store,
          PhysicalSchema.over(settings.backend(), Cancellation.enrolling(sql), MlmdSchema.NAME),
          new TypeDirectory(dataSource), pool);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      store.close();
      throw e;
    }
  }

  /** Called once by each connection that acquired the store, when it closes. */
  void release() {
    synchronized (OpenStore.class) {
      if (--users > 0) {
        return;
      }
      SHARED.remove(key, this);
    }
    if (pool != null) {
      pool.close();
    }
    store.close();
  }

  MetadataStore store() {
    return store;
  }

  PhysicalSchema physical() {
    return physical;
  }

  TypeDirectory types() {
    return types;
  }

  /**
   * Settings compared by their serialized protos: a message's own {@code hashCode} builds the
   * descriptors of all of metadata_store.proto, a tenth of a second of the first connection.
   */
  private record SharingKey(ByteString config, ByteString migration, boolean perHop) {

    static SharingKey of(ConnectionSettings settings) {
      return new SharingKey(settings.config().toByteString(),
          settings.migration().toByteString(), settings.perHopLineageWalks());
    }

    /** Without the config, whose bytes hold the password. */
    @Override
    public String toString() {
      return "SharingKey[perHop=" + perHop + "]";
    }
  }
}

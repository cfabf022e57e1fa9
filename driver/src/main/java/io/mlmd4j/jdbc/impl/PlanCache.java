package io.mlmd4j.jdbc.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.jdbc.CalciteSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A connection's plans by SQL text, so that a text run again through a {@code Statement}, or
 * prepared again (as Spring's {@code JdbcTemplate} does at every call), skips parsing,
 * validation and planning: 3 to 25 ms each time. A plan is kept under its text, the default
 * schema and row limit it was planned with, and the store's types as they were (the per-type
 * tables are made from them: after a new type or property, texts are planned again). LQL
 * statements are not kept, as their signature holds their latest run. At most
 * {@value #CAPACITY} texts; the least recently used goes first.
 */
public final class PlanCache {

  static final int CAPACITY = 256;

  private record Key(String sql, List<String> schemaPath, long maxRowCount, List<Long> types) {}

  private final Supplier<List<Long>> typesFingerprint;
  private final @Nullable TypeDirectory types;
  private final @Nullable PhysicalSchema physical;
  private final @Nullable SavedPlans saved;
  private final Map<Key, CalciteSignature<?>> plans =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CalciteSignature<?>> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The plans of a connection to the store of {@code types} and {@code physical}. */
  PlanCache(TypeDirectory types, PhysicalSchema physical, @Nullable SavedPlans saved) {
    this.typesFingerprint = types::fingerprint;
    this.types = types;
    this.physical = physical;
    this.saved = saved;
  }

  /** Plans kept in memory only, for types of the given fingerprints. */
  PlanCache(Supplier<List<Long>> typesFingerprint) {
    this.typesFingerprint = typesFingerprint;
    this.types = null;
    this.physical = null;
    this.saved = null;
  }

  /**
   * The plan of {@code sql} kept from before, or the one {@code planner} makes, which is kept
   * unless it is LQL's. Planning errors are not kept.
   */
  @SuppressWarnings("unchecked")
  public <T> CalciteSignature<T> plan(String sql, @Nullable List<String> schemaPath,
      long maxRowCount, @Nullable CalciteSchema rootSchema,
      Supplier<CalciteSignature<T>> planner) {
    Key key = new Key(sql, schemaPath == null ? List.of() : List.copyOf(schemaPath),
        maxRowCount, typesFingerprint.get());
    CalciteSignature<?> kept;
    synchronized (plans) {
      kept = plans.get(key);
    }
    if (kept != null) {
      return (CalciteSignature<T>) kept;
    }
    // The types as the fingerprint of the key above read them.
    String typesBefore = saved == null || LqlSignature.isLql(sql) ? null
        : String.valueOf(types.lastRead());
    String savedKey = typesBefore == null ? null : SavedPlans.key(physical.identity(),
        typesBefore, String.valueOf(key.schemaPath()), Long.toString(maxRowCount), sql);
    CalciteSignature<T> planned = savedKey == null ? null
        : (CalciteSignature<T>) saved.read(savedKey, physical.dataSource(), rootSchema);
    if (planned == null) {
      planned = planner.get();
      // Saved only if no type changed while it was planned: it would hold the new types under
      // the old types' key, which another store with those types would read.
      if (savedKey != null && planned instanceof BackendSignature<T> backend
          && typesBefore.equals(String.valueOf(types.current()))) {
        saved.write(savedKey, backend);
      }
    }
    if (!(planned instanceof LqlSignature)) {
      synchronized (plans) {
        plans.put(key, planned);
      }
    }
    return planned;
  }
}

package io.mlmd4j.planner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The most recently used plans, by what they were planned from. Planning runs outside the lock:
 * two threads planning the same new query at once both plan it, and one result is kept.
 */
final class PlanCache<K, V> {

  private final Map<K, V> entries;

  PlanCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached value of {@code key}, or the one {@code plan} makes, which is then cached. */
  V get(K key, Function<K, V> plan) {
    synchronized (entries) {
      V cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    V planned = plan.apply(key);
    synchronized (entries) {
      entries.put(key, planned);
    }
    return planned;
  }

  /** How many plans are cached. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}

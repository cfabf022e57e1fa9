package io.mlmd4j.jdbc.impl;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A type as the per-type tables need it: id, kind, name, version and declared properties (name
 * to MLMD's {@code PropertyType} number).
 */
record NodeType(long id, NodeKind kind, String name, String version,
    SortedMap<String, Integer> properties) {

  NodeType {
    properties = new TreeMap<>(properties);
  }

  /** The table's name: the type's name, and {@code @version} for a versioned type. */
  String tableName() {
    return version == null || version.isEmpty() ? name : name + "@" + version;
  }
}

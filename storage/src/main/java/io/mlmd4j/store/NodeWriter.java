package io.mlmd4j.store;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.Value;
import io.mlmd4j.store.NodeRepository.PropertyRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Upserts nodes with MLMD's semantics, a whole batch at a time: one read of the stored nodes,
 * one of their types, then JDBC batches for rows and properties.
 *
 * <ul>
 *   <li>A node without id is inserted: it needs an existing type (INVALID_ARGUMENT without
 *       type_id, NOT_FOUND for an unknown one) and declared properties of the declared kinds.
 *   <li>A node with id is updated: it must exist (INVALID_ARGUMENT), keep its type, and is
 *       replaced whole, or only in the {@code update_mask} paths. Artifact and execution names
 *       never change; a context's does. Its last-update time moves only when something changed
 *       (or {@code forceUpdateTime}), and then always forward, even within one millisecond.
 * </ul>
 */
final class NodeWriter {

  private static final String PROPERTIES = "properties";
  private static final String CUSTOM_PROPERTIES = "custom_properties";

  private final NodeRepository nodes;
  private final TypeRepository types;

  NodeWriter(NodeRepository nodes, TypeRepository types) {
    this.nodes = nodes;
    this.types = types;
  }

  /** Upserts the nodes in one batch; the returned ids are aligned with {@code batch}. */
  <M extends Message> List<Long> upsert(NodeAdapter<M> a, List<M> batch, FieldMask mask,
      boolean forceUpdateTime) throws SQLException {
    List<Long> ids = new ArrayList<>(batch.size());
    List<M> inserts = new ArrayList<>();
    List<Integer> insertPositions = new ArrayList<>();
    Set<Long> updateIds = new HashSet<>();
    Set<Long> typeIds = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      M node = batch.get(i);
      ids.add(null);
      if (a.hasId(node)) {
        updateIds.add(a.id(node));
      } else {
        Long typeId = a.typeId(node);
        if (typeId == null) {
          throw MlmdException.invalidArgument("Type id is missing.");
        }
        typeIds.add(typeId);
        inserts.add(node);
        insertPositions.add(i);
      }
    }
    Map<Long, M> stored = nodes.mapByIds(a, updateIds);
    for (M s : stored.values()) {
      typeIds.add(a.typeId(s));
    }
    Map<Long, StoredType> typesById = types.mapByIds(a.kind.typeKind, typeIds);
    long now = System.currentTimeMillis();

    for (M node : inserts) {
      StoredType type = typesById.get(a.typeId(node));
      if (type == null) {
        throw MlmdException.notFound("Cannot find type for %s: No type found for query,"
            + " type_id: %d", a.kind.label(), a.typeId(node));
      }
      validate(a, node, type, null);
      if (a.kind == NodeKind.CONTEXT && (a.name(node) == null || a.name(node).isEmpty())) {
        throw MlmdException.invalidArgument("Context name should not be empty");
      }
    }
    List<Long> inserted = nodes.insert(a, inserts, now);
    for (int i = 0; i < inserted.size(); i++) {
      ids.set(insertPositions.get(i), inserted.get(i));
    }

    Updates<M> updates = new Updates<>();
    for (int i = 0; i < batch.size(); i++) {
      M node = batch.get(i);
      if (!a.hasId(node)) {
        continue;
      }
      M before = stored.get(a.id(node));
      if (before == null) {
        throw MlmdException.invalidArgument("Cannot find the given id %d", a.id(node));
      }
      update(a, node, before, typesById.get(a.typeId(before)), mask, forceUpdateTime, now,
          updates);
      ids.set(i, a.id(node));
    }
    nodes.deleteProperties(a.kind, updates.deletes);
    nodes.insertProperties(a.kind, updates.inserts);
    nodes.updateRows(a, updateColumns(a), updates.rows, updates.times);
    return ids;
  }

  private static final class Updates<M> {
    final List<PropertyRow> deletes = new ArrayList<>();
    final List<PropertyRow> inserts = new ArrayList<>();
    final List<M> rows = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
  }

  private <M extends Message> void update(NodeAdapter<M> a, M node, M before, StoredType type,
      FieldMask mask, boolean forceUpdateTime, long now, Updates<M> updates) {
    long id = a.id(node);
    Long typeId = a.typeId(node);
    if (typeId != null && !typeId.equals(a.typeId(before))) {
      throw MlmdException.invalidArgument("Given type_id %d is different from the one known"
          + " before: %d", typeId, a.typeId(before));
    }
    if (type == null) {
      throw MlmdException.failedPrecondition("Stored %s %d has no type", a.kind.label(), id);
    }
    validate(a, node, type, mask);
    int changed = reconcile(a.kind, id, a.properties(node), a.properties(before), false, mask,
        updates)
        + reconcile(a.kind, id, a.customProperties(node), a.customProperties(before), true, mask,
            updates);

    Message.Builder merged;
    if (mask.getPathsCount() == 0) {
      merged = node.toBuilder();
    } else {
      merged = before.toBuilder();
      for (String path : mask.getPathsList()) {
        FieldDescriptor f = a.field(path);
        if (f == null || path.startsWith(PROPERTIES) || path.startsWith(CUSTOM_PROPERTIES)) {
          continue;
        }
        if (node.hasField(f)) {
          merged.setField(f, node.getField(f));
        } else {
          merged.clearField(f);
        }
      }
    }
    merged.setField(a.field("type_id"), a.typeId(before));
    M row = a.cast(merged.build());
    if (a.kind == NodeKind.CONTEXT && (a.name(row) == null || a.name(row).isEmpty())) {
      throw MlmdException.invalidArgument("Context name should not be empty");
    }
    if (forceUpdateTime || changed > 0 || !sameAttributes(node, before)) {
      updates.rows.add(row);
      long previous = (Long) before.getField(a.field("last_update_time_since_epoch"));
      updates.times.add(Math.max(now, previous + 1));
    }
  }

  /**
   * MLMD's test for a change of the node itself: every field but type_id, the property maps and
   * the two times, compared as given (a request without the output-only {@code type} differs).
   */
  private static boolean sameAttributes(Message node, Message before) {
    return strip(node).equals(strip(before));
  }

  private static Message strip(Message m) {
    Message.Builder b = m.toBuilder();
    for (String field : List.of("type_id", PROPERTIES, CUSTOM_PROPERTIES,
        "create_time_since_epoch", "last_update_time_since_epoch")) {
      b.clearField(m.getDescriptorForType().findFieldByName(field));
    }
    return b.build();
  }

  /**
   * Queues the property rows that turn {@code before} into {@code given} for the names the
   * mask selects (all names without a mask or with the whole map in it); returns how many
   * properties change.
   */
  private static int reconcile(NodeKind kind, long id, Map<String, Value> given,
      Map<String, Value> before, boolean custom, FieldMask mask, Updates<?> updates) {
    Set<String> names = new TreeSet<>();
    String prefix = custom ? CUSTOM_PROPERTIES : PROPERTIES;
    boolean wholeMap = mask.getPathsCount() == 0 || mask.getPathsList().contains(prefix);
    if (wholeMap) {
      names.addAll(given.keySet());
      names.addAll(before.keySet());
    } else {
      for (String path : mask.getPathsList()) {
        if (path.startsWith(prefix + ".")) {
          names.add(path.substring(prefix.length() + 1));
        }
      }
    }
    int changed = 0;
    for (String name : names) {
      Value now = given.get(name);
      Value old = before.get(name);
      if (Objects.equals(now, old)) {
        continue;
      }
      changed++;
      if (old != null) {
        updates.deletes.add(new PropertyRow(id, name, custom, old));
      }
      if (now != null) {
        updates.inserts.add(new PropertyRow(id, name, custom, now));
      }
    }
    return changed;
  }

  /**
   * Declared properties must be declared by the type with the same kind of value; under a mask
   * only the masked ones are checked. Custom properties may hold any value, but one.
   */
  private static <M extends Message> void validate(NodeAdapter<M> a, M node, StoredType type,
      FieldMask mask) {
    boolean all = mask == null || mask.getPathsCount() == 0
        || mask.getPathsList().contains(PROPERTIES);
    for (Map.Entry<String, Value> p : a.properties(node).entrySet()) {
      if (!all && !mask.getPathsList().contains(PROPERTIES + "." + p.getKey())) {
        continue;
      }
      PropertyType declared = type.properties().get(p.getKey());
      if (declared == null) {
        throw MlmdException.invalidArgument("Found unknown property: %s", p.getKey());
      }
      if (!PropertyValues.matches(declared, p.getValue())) {
        throw MlmdException.invalidArgument("Found unmatched property type: %s", p.getKey());
      }
      PropertyValues.checkStorable(p.getValue(), () -> describe(a, node, "property", p.getKey()));
    }
    for (Map.Entry<String, Value> p : a.customProperties(node).entrySet()) {
      if (p.getValue().getValueCase() == Value.ValueCase.VALUE_NOT_SET) {
        throw MlmdException.invalidArgument("Custom property %s has no value", p.getKey());
      }
      PropertyValues.checkStorable(p.getValue(),
          () -> describe(a, node, "custom property", p.getKey()));
    }
  }

  /** "custom property 'x' of artifact 5" (or "of a new artifact"), for errors. */
  private static <M extends Message> String describe(NodeAdapter<M> a, M node, String what,
      String name) {
    String label = a.kind.label().toLowerCase(java.util.Locale.ROOT);
    return String.format("%s '%s' of %s", what, name,
        a.hasId(node) ? label + " " + a.id(node) : "a new " + label);
  }

  /** The columns an update writes: all mutable ones but an artifact's or execution's name. */
  private static List<String> updateColumns(NodeAdapter<?> a) {
    List<String> columns = new ArrayList<>(a.columns);
    if (a.kind != NodeKind.CONTEXT) {
      columns.remove("name");
    }
    return columns;
  }
}

package io.mlmd4j.store;

import io.mlmd4j.proto.PropertyType;
import java.util.SortedMap;

/**
 * A type as MLMD's {@code Type}, {@code TypeProperty} and {@code ParentType} rows hold it, the same
 * for the three kinds. {@code version}, {@code description}, {@code externalId} and the JSON of
 * {@code inputType} / {@code outputType} are null when unset; {@code baseTypeName} is the name of
 * the simple type it inherits from ({@code mlmd.Model} ...), or null.
 */
record StoredType(long id, TypeKind kind, String name, String version, String description,
    String externalId, String inputType, String outputType,
    SortedMap<String, PropertyType> properties, String baseTypeName) {

  StoredType withId(long newId) {
    return new StoredType(newId, kind, name, version, description, externalId, inputType,
        outputType, properties, baseTypeName);
  }

  StoredType withProperties(SortedMap<String, PropertyType> newProperties) {
    return new StoredType(id, kind, name, version, description, externalId, inputType,
        outputType, newProperties, baseTypeName);
  }

  StoredType withExternalId(String newExternalId) {
    return new StoredType(id, kind, name, version, description, newExternalId, inputType,
        outputType, properties, baseTypeName);
  }

  /** MLMD stores an empty version as NULL: {@code ""} and unset name the same type. */
  static String normalizeVersion(String version) {
    return version == null || version.isEmpty() ? null : version;
  }
}

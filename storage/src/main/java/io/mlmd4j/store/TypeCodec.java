package io.mlmd4j.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.util.JsonFormat;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.ArtifactStructType;
import io.mlmd4j.proto.ArtifactType;
import io.mlmd4j.proto.ContextType;
import io.mlmd4j.proto.ExecutionType;
import io.mlmd4j.proto.MetadataStoreProto;
import io.mlmd4j.proto.PropertyType;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Converts between the three type messages and {@link StoredType}. A request's base type becomes
 * the simple type's name through the {@code system_type_extension} option MLMD puts on each enum
 * value ({@code MODEL} is {@code mlmd.Model}); the UNSET values map to {@link #UNSET_BASE}.
 */
final class TypeCodec {

  /** The base type name of the UNSET enum values, which MLMD refuses to store. */
  static final String UNSET_BASE = "";

  private TypeCodec() {}

  static StoredType fromProto(ArtifactType t) {
    return new StoredType(t.getId(), TypeKind.ARTIFACT, t.getName(),
        StoredType.normalizeVersion(t.getVersion()), t.hasDescription() ? t.getDescription() : null,
        t.hasExternalId() ? t.getExternalId() : null, null, null,
        new TreeMap<>(t.getPropertiesMap()), t.hasBaseType() ? baseName(t.getBaseType()) : null);
  }

  static StoredType fromProto(ExecutionType t) {
    return new StoredType(t.getId(), TypeKind.EXECUTION, t.getName(),
        StoredType.normalizeVersion(t.getVersion()), t.hasDescription() ? t.getDescription() : null,
        t.hasExternalId() ? t.getExternalId() : null,
        t.hasInputType() ? json(t.getInputType()) : null,
        t.hasOutputType() ? json(t.getOutputType()) : null,
        new TreeMap<>(t.getPropertiesMap()), t.hasBaseType() ? baseName(t.getBaseType()) : null);
  }

  static StoredType fromProto(ContextType t) {
    return new StoredType(t.getId(), TypeKind.CONTEXT, t.getName(),
        StoredType.normalizeVersion(t.getVersion()), t.hasDescription() ? t.getDescription() : null,
        t.hasExternalId() ? t.getExternalId() : null, null, null,
        new TreeMap<>(t.getPropertiesMap()), t.hasBaseType() ? baseName(t.getBaseType()) : null);
  }

  /** The artifact type message; {@code withBaseType} adds the base type as MLMD's Get*Type do. */
  static ArtifactType toArtifactType(StoredType t, boolean withBaseType) {
    ArtifactType.Builder b = ArtifactType.newBuilder().setId(t.id()).setName(t.name())
        .putAllProperties(t.properties());
    if (t.version() != null) {
      b.setVersion(t.version());
    }
    if (t.description() != null) {
      b.setDescription(t.description());
    }
    if (t.externalId() != null) {
      b.setExternalId(t.externalId());
    }
    if (withBaseType && t.baseTypeName() != null) {
      for (ArtifactType.SystemDefinedBaseType v : ArtifactType.SystemDefinedBaseType.values()) {
        if (t.baseTypeName().equals(baseName(v))) {
          b.setBaseType(v);
        }
      }
    }
    return b.build();
  }

  static ExecutionType toExecutionType(StoredType t, boolean withBaseType) {
    ExecutionType.Builder b = ExecutionType.newBuilder().setId(t.id()).setName(t.name())
        .putAllProperties(t.properties());
    if (t.version() != null) {
      b.setVersion(t.version());
    }
    if (t.description() != null) {
      b.setDescription(t.description());
    }
    if (t.externalId() != null) {
      b.setExternalId(t.externalId());
    }
    if (t.inputType() != null) {
      b.setInputType(parse(t.inputType()));
    }
    if (t.outputType() != null) {
      b.setOutputType(parse(t.outputType()));
    }
    if (withBaseType && t.baseTypeName() != null) {
      for (ExecutionType.SystemDefinedBaseType v : ExecutionType.SystemDefinedBaseType.values()) {
        if (t.baseTypeName().equals(baseName(v))) {
          b.setBaseType(v);
        }
      }
    }
    return b.build();
  }

  static ContextType toContextType(StoredType t) {
    ContextType.Builder b = ContextType.newBuilder().setId(t.id()).setName(t.name())
        .putAllProperties(t.properties());
    if (t.version() != null) {
      b.setVersion(t.version());
    }
    if (t.description() != null) {
      b.setDescription(t.description());
    }
    if (t.externalId() != null) {
      b.setExternalId(t.externalId());
    }
    return b.build();
  }

  /** The simple type's name an enum value stands for, or {@link #UNSET_BASE}. */
  static String baseName(ProtocolMessageEnum value) {
    String name = value.getValueDescriptor().getOptions()
        .getExtension(MetadataStoreProto.systemTypeExtension).getTypeName();
    return name.startsWith("unset_") ? UNSET_BASE : name;
  }

  private static String json(ArtifactStructType type) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(type);
    } catch (InvalidProtocolBufferException e) {
      throw MlmdException.invalidArgument("Cannot store the struct type: %s", e.getMessage());
    }
  }

  private static ArtifactStructType parse(String json) {
    ArtifactStructType.Builder b = ArtifactStructType.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw MlmdException.internal("Stored struct type is not valid JSON: " + json, e);
    }
    return b.build();
  }

  static SortedMap<String, PropertyType> union(Map<String, PropertyType> a,
      Map<String, PropertyType> b) {
    SortedMap<String, PropertyType> all = new TreeMap<>(a);
    all.putAll(b);
    return all;
  }
}

package io.mlmd4j.store;

import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.*;
import io.mlmd4j.storage.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Type RPCs. A type is identified by (kind, name, version); re-putting it evolves the stored one
 * under {@code can_add_fields} / {@code can_omit_fields} as MLMD does, reporting violations as
 * ALREADY_EXISTS.
 *
 * <p>Decisions on MLMD's quirks: a re-put that omits {@code external_id} keeps the stored one
 * (MLMD's C++ overwrites it with ''); everything else is as MLMD.
 */
public final class TypeOperations {

  /** MLMD's built-in simple types, hidden from Get*Types. */
  static final Set<String> SIMPLE_TYPE_NAMES = Set.of("mlmd.Dataset", "mlmd.Model",
      "mlmd.Metrics", "mlmd.Statistics", "mlmd.Train", "mlmd.Transform", "mlmd.Process",
      "mlmd.Evaluate", "mlmd.Deploy");

  private final Connection connection;
  private final Dialect dialect;
  private final TypeRepository types;

  public TypeOperations(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
    this.types = new TypeRepository(connection);
  }

  public PutArtifactTypeResponse putArtifactType(PutArtifactTypeRequest request)
      throws SQLException {
    checkAllFieldsMatch(request.getAllFieldsMatch());
    dialect.lockTypeWrites(connection);
    long id = upsert(TypeCodec.fromProto(request.getArtifactType()), request.getCanAddFields(),
        request.getCanOmitFields(), new HashMap<>());
    return PutArtifactTypeResponse.newBuilder().setTypeId(id).build();
  }

  public PutExecutionTypeResponse putExecutionType(PutExecutionTypeRequest request)
      throws SQLException {
    checkAllFieldsMatch(request.getAllFieldsMatch());
    dialect.lockTypeWrites(connection);
    long id = upsert(TypeCodec.fromProto(request.getExecutionType()), request.getCanAddFields(),
        request.getCanOmitFields(), new HashMap<>());
    return PutExecutionTypeResponse.newBuilder().setTypeId(id).build();
  }

  public PutContextTypeResponse putContextType(PutContextTypeRequest request)
      throws SQLException {
    checkAllFieldsMatch(request.getAllFieldsMatch());
    dialect.lockTypeWrites(connection);
    long id = upsert(TypeCodec.fromProto(request.getContextType()), request.getCanAddFields(),
        request.getCanOmitFields(), new HashMap<>());
    return PutContextTypeResponse.newBuilder().setTypeId(id).build();
  }

  public PutTypesResponse putTypes(PutTypesRequest request) throws SQLException {
    checkAllFieldsMatch(request.getAllFieldsMatch());
    dialect.lockTypeWrites(connection);
    boolean add = request.getCanAddFields();
    boolean omit = request.getCanOmitFields();
    Map<String, StoredType> seen = new HashMap<>();
    PutTypesResponse.Builder response = PutTypesResponse.newBuilder();
    for (ArtifactType t : request.getArtifactTypesList()) {
      response.addArtifactTypeIds(upsert(TypeCodec.fromProto(t), add, omit, seen));
    }
    for (ExecutionType t : request.getExecutionTypesList()) {
      response.addExecutionTypeIds(upsert(TypeCodec.fromProto(t), add, omit, seen));
    }
    for (ContextType t : request.getContextTypesList()) {
      response.addContextTypeIds(upsert(TypeCodec.fromProto(t), add, omit, seen));
    }
    return response.build();
  }

  public GetArtifactTypeResponse getArtifactType(GetArtifactTypeRequest request)
      throws SQLException {
    StoredType t = byName(TypeKind.ARTIFACT, request.getTypeName(), request.getTypeVersion());
    return GetArtifactTypeResponse.newBuilder()
        .setArtifactType(TypeCodec.toArtifactType(t, true)).build();
  }

  public GetArtifactTypesByIDResponse getArtifactTypesByID(GetArtifactTypesByIDRequest request)
      throws SQLException {
    return GetArtifactTypesByIDResponse.newBuilder().addAllArtifactTypes(
        map(types.byIds(TypeKind.ARTIFACT, request.getTypeIdsList()),
            t -> TypeCodec.toArtifactType(t, true))).build();
  }

  public GetArtifactTypesResponse getArtifactTypes(GetArtifactTypesRequest request)
      throws SQLException {
    return GetArtifactTypesResponse.newBuilder().addAllArtifactTypes(
        map(userTypes(TypeKind.ARTIFACT), t -> TypeCodec.toArtifactType(t, true))).build();
  }

  public GetExecutionTypeResponse getExecutionType(GetExecutionTypeRequest request)
      throws SQLException {
    StoredType t = byName(TypeKind.EXECUTION, request.getTypeName(), request.getTypeVersion());
    return GetExecutionTypeResponse.newBuilder()
        .setExecutionType(TypeCodec.toExecutionType(t, true)).build();
  }

  public GetExecutionTypesByIDResponse getExecutionTypesByID(
      GetExecutionTypesByIDRequest request) throws SQLException {
    return GetExecutionTypesByIDResponse.newBuilder().addAllExecutionTypes(
        map(types.byIds(TypeKind.EXECUTION, request.getTypeIdsList()),
            t -> TypeCodec.toExecutionType(t, true))).build();
  }

  public GetExecutionTypesResponse getExecutionTypes(GetExecutionTypesRequest request)
      throws SQLException {
    return GetExecutionTypesResponse.newBuilder().addAllExecutionTypes(
        map(userTypes(TypeKind.EXECUTION), t -> TypeCodec.toExecutionType(t, true))).build();
  }

  public GetContextTypeResponse getContextType(GetContextTypeRequest request)
      throws SQLException {
    StoredType t = byName(TypeKind.CONTEXT, request.getTypeName(), request.getTypeVersion());
    return GetContextTypeResponse.newBuilder().setContextType(TypeCodec.toContextType(t))
        .build();
  }

  public GetContextTypesByIDResponse getContextTypesByID(GetContextTypesByIDRequest request)
      throws SQLException {
    return GetContextTypesByIDResponse.newBuilder().addAllContextTypes(
        map(types.byIds(TypeKind.CONTEXT, request.getTypeIdsList()), TypeCodec::toContextType))
        .build();
  }

  public GetContextTypesResponse getContextTypes(GetContextTypesRequest request)
      throws SQLException {
    return GetContextTypesResponse.newBuilder().addAllContextTypes(
        map(types.all(TypeKind.CONTEXT), TypeCodec::toContextType)).build();
  }

  public GetArtifactTypesByExternalIdsResponse getArtifactTypesByExternalIds(
      GetArtifactTypesByExternalIdsRequest request) throws SQLException {
    return GetArtifactTypesByExternalIdsResponse.newBuilder().addAllArtifactTypes(
        map(byExternalIds(TypeKind.ARTIFACT, request.getExternalIdsList()),
            t -> TypeCodec.toArtifactType(t, true))).build();
  }

  public GetExecutionTypesByExternalIdsResponse getExecutionTypesByExternalIds(
      GetExecutionTypesByExternalIdsRequest request) throws SQLException {
    return GetExecutionTypesByExternalIdsResponse.newBuilder().addAllExecutionTypes(
        map(byExternalIds(TypeKind.EXECUTION, request.getExternalIdsList()),
            t -> TypeCodec.toExecutionType(t, true))).build();
  }

  public GetContextTypesByExternalIdsResponse getContextTypesByExternalIds(
      GetContextTypesByExternalIdsRequest request) throws SQLException {
    return GetContextTypesByExternalIdsResponse.newBuilder().addAllContextTypes(
        map(byExternalIds(TypeKind.CONTEXT, request.getExternalIdsList()),
            TypeCodec::toContextType)).build();
  }

  /**
   * Inserts the type, or checks and evolves the stored one of the same kind, name and version.
   * {@code seen} remembers what this call already upserted, so that PutTypes gives identical
   * entries the same id without re-reading them.
   */
  private long upsert(StoredType request, boolean canAdd, boolean canOmit,
      Map<String, StoredType> seen) throws SQLException {
    if (request.name().isEmpty()) {
      throw MlmdException.invalidArgument("No type name is specified.");
    }
    for (Map.Entry<String, PropertyType> p : request.properties().entrySet()) {
      if (p.getValue() == PropertyType.UNKNOWN) {
        throw MlmdException.invalidArgument("Property %s of type %s has type UNKNOWN",
            p.getKey(), request.name());
      }
    }
    String key = request.kind() + "\0" + request.name() + "\0" + request.version();
    StoredType stored = seen.containsKey(key) ? seen.get(key)
        : types.byName(request.kind(), request.name(), request.version());
    if (stored == null) {
      if (TypeCodec.UNSET_BASE.equals(request.baseTypeName())) {
        throw MlmdException.unimplemented("base_type deletion is not supported yet");
      }
      long id = types.insert(request);
      if (request.baseTypeName() != null) {
        types.insertParent(request.kind(), id, request.baseTypeName());
      }
      seen.put(key, request.withId(id));
      return id;
    }
    StoredType evolved = evolve(stored, request, canAdd, canOmit);
    seen.put(key, evolved);
    return stored.id();
  }

  /** MLMD's CheckFieldsConsistent followed by UpdateType and UpsertTypeInheritanceLink. */
  private StoredType evolve(StoredType stored, StoredType request, boolean canAdd,
      boolean canOmit) throws SQLException {
    int omitted = 0;
    for (Map.Entry<String, PropertyType> p : stored.properties().entrySet()) {
      PropertyType given = request.properties().get(p.getKey());
      if (given == null) {
        omitted++;
      } else if (given != p.getValue()) {
        throw MlmdException.alreadyExists("Type already exists with different properties:"
            + " property %s of type %s is stored as %s, given as %s", p.getKey(),
            stored.name(), p.getValue(), given);
      }
    }
    if (omitted > 0 && !canOmit) {
      throw MlmdException.alreadyExists("Type already exists with different properties:"
          + " can_omit_fields is false while stored type %s has more properties", stored.name());
    }
    boolean adds = stored.properties().size() - omitted != request.properties().size();
    if (adds && !canAdd) {
      throw MlmdException.alreadyExists("Type already exists with different properties:"
          + " can_add_fields is false while the given type %s has more properties",
          stored.name());
    }
    StoredType result = stored;
    if (adds) {
      SortedMap<String, PropertyType> added = new java.util.TreeMap<>(request.properties());
      added.keySet().removeAll(stored.properties().keySet());
      types.insertProperties(stored.id(), added);
      result = result.withProperties(TypeCodec.union(stored.properties(), added));
    }
    if (request.externalId() != null && !request.externalId().equals(stored.externalId())) {
      types.updateExternalId(stored.id(), request.externalId());
      result = result.withExternalId(request.externalId());
    }
    String base = request.baseTypeName();
    if (base != null) {
      if (base.equals(TypeCodec.UNSET_BASE)) {
        throw MlmdException.unimplemented("base_type deletion is not supported yet");
      }
      if (stored.baseTypeName() == null) {
        types.insertParent(stored.kind(), stored.id(), base);
        result = new StoredType(result.id(), result.kind(), result.name(), result.version(),
            result.description(), result.externalId(), result.inputType(), result.outputType(),
            result.properties(), base);
      } else if (!Objects.equals(stored.baseTypeName(), base)) {
        throw MlmdException.unimplemented("base_type update is not supported yet");
      }
    }
    return result;
  }

  private StoredType byName(TypeKind kind, String name, String version) throws SQLException {
    StoredType t = types.byName(kind, name, version);
    if (t == null) {
      throw MlmdException.notFound("No type found for query, name: `%s`, version: `%s`", name,
          version == null ? "" : version);
    }
    return t;
  }

  /** All types of the kind but MLMD's simple types, which Get*Types hide. */
  private List<StoredType> userTypes(TypeKind kind) throws SQLException {
    List<StoredType> result = new ArrayList<>();
    for (StoredType t : types.all(kind)) {
      if (!(SIMPLE_TYPE_NAMES.contains(t.name()) && t.version() == null)) {
        result.add(t);
      }
    }
    return result;
  }

  private List<StoredType> byExternalIds(TypeKind kind, List<String> externalIds)
      throws SQLException {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    checkExternalIds(externalIds);
    List<StoredType> found = types.byExternalIds(kind, externalIds);
    if (found.isEmpty()) {
      throw MlmdException.notFound("No %s types found for external ids %s", kind.label,
          externalIds);
    }
    return found;
  }

  static void checkExternalIds(List<String> externalIds) {
    for (String id : externalIds) {
      if (id.isEmpty()) {
        throw MlmdException.invalidArgument("external_id should not be empty");
      }
    }
  }

  private static void checkAllFieldsMatch(boolean allFieldsMatch) {
    if (!allFieldsMatch) {
      throw MlmdException.unimplemented("Must match all fields.");
    }
  }

  private static <T> List<T> map(List<StoredType> stored, Function<StoredType, T> f) {
    List<T> out = new ArrayList<>(stored.size());
    for (StoredType t : stored) {
      out.add(f.apply(t));
    }
    return out;
  }
}

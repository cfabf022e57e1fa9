package io.mlmd4j.store;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import io.mlmd4j.MlmdException;
import io.mlmd4j.proto.PropertyType;
import io.mlmd4j.proto.Value;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;

/**
 * How MLMD stores a {@link Value} in a property row: exactly one of the columns {@code int_value},
 * {@code double_value}, {@code string_value}, {@code proto_value}, {@code bool_value} is set.
 * A struct is a string {@code "mlmd-struct::" + base64(Struct bytes)}; a proto value is the base64
 * text of the serialized {@code Any}. Doubles keep full precision (MLMD's C++ rounds them to six
 * decimals; files stay readable both ways).
 */
final class PropertyValues {

  static final String STRUCT_PREFIX = "mlmd-struct::";

  /** The property table's value columns, in the order {@link #bind} binds them. */
  static final String VALUE_COLUMNS = "int_value, double_value, string_value, proto_value,"
      + " bool_value";

  private PropertyValues() {}

  /** Binds the five value columns at {@code first .. first + 4}. */
  static void bind(PreparedStatement s, int first, Value value) throws SQLException {
    for (int i = 0; i < 5; i++) {
      s.setNull(first + i, i == 1 ? Types.DOUBLE : i == 4 ? Types.BOOLEAN : Types.VARCHAR);
    }
    switch (value.getValueCase()) {
      case INT_VALUE -> s.setLong(first, value.getIntValue());
      case DOUBLE_VALUE -> s.setDouble(first + 1, value.getDoubleValue());
      case STRING_VALUE -> s.setString(first + 2, value.getStringValue());
      case STRUCT_VALUE -> s.setString(first + 2, STRUCT_PREFIX
          + Base64.getEncoder().encodeToString(value.getStructValue().toByteArray()));
      case PROTO_VALUE -> s.setString(first + 3,
          Base64.getEncoder().encodeToString(value.getProtoValue().toByteArray()));
      case BOOL_VALUE -> s.setBoolean(first + 4, value.getBoolValue());
      case VALUE_NOT_SET -> throw new IllegalArgumentException("value not set");
    }
  }

  /**
   * Reads the value of a property row whose value columns are named as in the table; the first
   * non-NULL of int, double, string, proto, bool wins, as in MLMD.
   */
  static Value read(ResultSet rs) throws SQLException {
    long i = rs.getLong("int_value");
    if (!rs.wasNull()) {
      return Value.newBuilder().setIntValue(i).build();
    }
    double d = rs.getDouble("double_value");
    if (!rs.wasNull()) {
      return Value.newBuilder().setDoubleValue(d).build();
    }
    String s = text(rs.getObject("string_value"));
    if (s != null) {
      if (s.startsWith(STRUCT_PREFIX)) {
        try {
          return Value.newBuilder().setStructValue(Struct.parseFrom(
              Base64.getDecoder().decode(s.substring(STRUCT_PREFIX.length())))).build();
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
          throw MlmdException.internal("Stored struct property cannot be decoded", e);
        }
      }
      return Value.newBuilder().setStringValue(s).build();
    }
    String proto = text(rs.getObject("proto_value"));
    if (proto != null) {
      Any any;
      try {
        any = Any.parseFrom(Base64.getDecoder().decode(proto.trim()));
      } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
        throw MlmdException.internal("Stored proto property cannot be decoded", e);
      }
      if (any.getTypeUrl().isEmpty()) {
        throw MlmdException.internal("Stored proto property has no type_url", null);
      }
      return Value.newBuilder().setProtoValue(any).build();
    }
    boolean b = rs.getBoolean("bool_value");
    if (!rs.wasNull()) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    throw MlmdException.internal("A stored property row has no value in any column", null);
  }

  private static String text(Object column) {
    if (column == null) {
      return null;
    }
    return column instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8) : column.toString();
  }

  /** True when the value is of the kind the type declares for the property. */
  static boolean matches(PropertyType type, Value value) {
    return switch (type) {
      case INT -> value.hasIntValue();
      case DOUBLE -> value.hasDoubleValue();
      case STRING -> value.hasStringValue();
      case STRUCT -> value.hasStructValue();
      case PROTO -> value.hasProtoValue();
      case BOOLEAN -> value.hasBoolValue();
      case UNKNOWN -> false;
    };
  }
}

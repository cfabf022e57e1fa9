package io.mlmd4j.store;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
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
import java.util.function.Supplier;

/**
 * How MLMD stores a {@link Value} in a property row: exactly one of the columns {@code int_value},
 * {@code double_value}, {@code string_value}, {@code proto_value}, {@code bool_value} is set.
 * A struct is a string {@code "mlmd-struct::" + base64(Struct bytes)}; a proto value is the base64
 * text of the serialized {@code Any}. Doubles keep full precision (MLMD's C++ rounds them to six
 * decimals; files stay readable both ways).
 *
 * <p>Only values that read back exactly are written ({@link #checkStorable}): no NaN or infinite
 * double (MySQL's {@code DOUBLE} holds none, SQLite turns NaN into NULL), no struct nested deeper
 * than protobuf parses, no proto without type_url, no lone UTF-16 surrogate in any string. A
 * stored value that cannot be read (written by another program, or damaged) fails the read with
 * INTERNAL, as in MLMD, naming the node and property.
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
      case STRING_VALUE -> s.setString(first + 2, Sql.exact(value.getStringValue()));
      case STRUCT_VALUE -> s.setString(first + 2, STRUCT_PREFIX
          + Base64.getEncoder().encodeToString(value.getStructValue().toByteArray()));
      case PROTO_VALUE -> s.setString(first + 3,
          Base64.getEncoder().encodeToString(value.getProtoValue().toByteArray()));
      case BOOL_VALUE -> s.setBoolean(first + 4, value.getBoolValue());
      case VALUE_NOT_SET -> throw new IllegalArgumentException("value not set");
    }
  }

  /**
   * Throws INVALID_ARGUMENT, naming {@code property} (such as "custom property 'x'"), when the
   * value would not read back as given.
   */
  static void checkStorable(Value value, Supplier<String> property) {
    switch (value.getValueCase()) {
      case DOUBLE_VALUE -> {
        double d = value.getDoubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw MlmdException.invalidArgument("The double value of %s is %s, which MLMD's DOUBLE"
              + " column cannot hold (MySQL stores no NaN or infinity); store it as a string",
              property.get(), d);
        }
      }
      case STRING_VALUE -> {
        try {
          Sql.exact(value.getStringValue());
        } catch (MlmdException e) {
          throw MlmdException.invalidArgument("%s: %s", property.get(), e.getMessage());
        }
      }
      case STRUCT_VALUE -> checkRoundTrip(value.getStructValue(), Struct.parser(), property,
          "struct");
      case PROTO_VALUE -> {
        if (value.getProtoValue().getTypeUrl().isEmpty()) {
          throw MlmdException.invalidArgument("The proto value of %s has no type_url, without"
              + " which MLMD does not read it", property.get());
        }
        checkRoundTrip(value.getProtoValue(), Any.parser(), property, "proto");
      }
      default -> { }
    }
  }

  /** Serializes and parses {@code m} as a read would; both must give {@code m} again. */
  private static <T extends Message> void checkRoundTrip(T m, Parser<T> parser,
      Supplier<String> property, String kind) {
    T back;
    try {
      back = parser.parseFrom(m.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw MlmdException.invalidArgument("The %s value of %s cannot be read back, so it is not"
          + " stored: %s (protobuf parses at most %d nested messages)", kind, property.get(),
          e.getMessage(), PROTOBUF_RECURSION_LIMIT);
    }
    if (!back.equals(m)) {
      throw MlmdException.invalidArgument("The %s value of %s holds a string with a lone UTF-16"
          + " surrogate, which UTF-8 cannot store", kind, property.get());
    }
  }

  /** CodedInputStream's default recursion limit, which MLMD's C++ parser has too. */
  private static final int PROTOBUF_RECURSION_LIMIT = 100;

  /**
   * Reads the value of a property row whose value columns are named as in the table; the first
   * non-NULL of int, double, string, proto, bool wins, as in MLMD.
   */
  static Value read(ResultSet rs) throws SQLException, UnreadableValue {
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
          throw new UnreadableValue("its struct text cannot be decoded: " + e.getMessage(), e);
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
        throw new UnreadableValue("its proto text cannot be decoded: " + e.getMessage(), e);
      }
      if (any.getTypeUrl().isEmpty()) {
        throw new UnreadableValue("its proto has no type_url", null);
      }
      return Value.newBuilder().setProtoValue(any).build();
    }
    boolean b = rs.getBoolean("bool_value");
    if (!rs.wasNull()) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    throw new UnreadableValue("it has no value in any column", null);
  }

  /** A property row that cannot be read; the caller names the node and property. */
  static final class UnreadableValue extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableValue(String message, Throwable cause) {
      super(message, cause);
    }
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

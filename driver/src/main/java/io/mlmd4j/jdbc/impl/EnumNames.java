package io.mlmd4j.jdbc.impl;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * MLMD stores its enums (node states, event types, property types) as numbers; the logical
 * schema shows their names, decoded by a {@code CASE} that runs in the backend with the rest of
 * the query. The names come from MLMD's protobuf enums.
 */
final class EnumNames {

  private EnumNames() {}

  /**
   * The names of a protobuf enum by number. The Java constants carry the proto's names; asking
   * the value descriptors instead would build all of metadata_store.proto's descriptors, a
   * tenth of a second that a connection's first query would wait for.
   */
  static SortedMap<Integer, String> of(ProtocolMessageEnum[] values) {
    SortedMap<Integer, String> names = new TreeMap<>();
    for (ProtocolMessageEnum v : values) {
      names.put(v.getNumber(), ((Enum<?>) v).name());
    }
    return names;
  }

  /** {@code CASE code WHEN n THEN 'NAME' ... END}: NULL for a number the enum lacks. */
  static RexNode decode(RelBuilder b, RexNode code, Map<?, String> names) {
    RexBuilder rex = b.getRexBuilder();
    RelDataType varchar = rex.getTypeFactory().createTypeWithNullability(
        rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
    List<RexNode> operands = new ArrayList<>();
    for (Map.Entry<?, String> e : names.entrySet()) {
      operands.add(b.equals(code, e.getKey() instanceof Integer n ? b.literal(n)
          : b.literal(e.getKey())));
      operands.add(varcharLiteral(rex, e.getValue()));
    }
    operands.add(rex.makeNullLiteral(varchar));
    return b.call(SqlStdOperatorTable.CASE, operands);
  }

  /** A string literal typed VARCHAR, so that a CASE of names is not padded to the longest. */
  static RexNode varcharLiteral(RexBuilder rex, String value) {
    return rex.makeCast(rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
        rex.makeLiteral(value));
  }
}

package io.mlmd4j.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The values a plan reads from the query text: each becomes a dynamic parameter ({@code ?} in
 * the SQL), numbered in the order they are added, so that no user text is ever part of the SQL.
 */
final class Parameters {

  private final RexBuilder rexBuilder;
  private final List<Object> values = new ArrayList<>();

  Parameters(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** A new parameter of {@code type} holding {@code value} (Long, Double or String). */
  RexNode add(Object value, SqlTypeName type) {
    RelDataType t = rexBuilder.getTypeFactory().createTypeWithNullability(
        rexBuilder.getTypeFactory().createSqlType(type), true);
    values.add(value);
    return rexBuilder.makeDynamicParam(t, values.size() - 1);
  }

  /** The values for the markers of an SQL text that names the parameters in {@code order}. */
  List<Object> inOrder(List<Integer> order) {
    List<Object> bound = new ArrayList<>(order.size());
    for (int index : order) {
      bound.add(values.get(index));
    }
    return bound;
  }
}

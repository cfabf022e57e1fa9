package io.mlmd4j.planner;

import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlString;

/**
 * An SQL statement and the values of its {@code ?} markers in order.
 *
 * @param sql the statement
 * @param parameters one value per marker, in the order the markers appear
 */
record SqlText(String sql, List<Object> parameters) {

  SqlText {
    parameters = List.copyOf(parameters);
  }

  /**
   * Writes a plan as one statement of {@code dialect}. The converter may put the parameters in
   * another order than they were made in; the writer records the order it wrote them in.
   */
  static SqlText of(RelNode plan, SqlDialect dialect, Parameters parameters) {
    SqlNode statement = new RelToSqlConverter(dialect).visitRoot(plan).asStatement();
    SqlString text = statement.toSqlString(c -> c.withDialect(dialect)
        .withAlwaysUseParentheses(false).withIndentation(0).withClauseStartsLine(false)
        .withSelectListItemsOnSeparateLines(false));
    List<Integer> order = text.getDynamicParameters();
    return new SqlText(text.getSql(), parameters.inOrder(order == null ? List.of() : order));
  }
}

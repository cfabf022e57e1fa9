package io.mlmd4j.jdbc.impl;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses a {@code LIMIT}, {@code OFFSET} or {@code FETCH} literal that is not a whole number
 * ({@code LIMIT 1e3}, {@code LIMIT 2.5}) as a syntax error at its position: Calcite's validator
 * lets it through and its {@code RelBuilder} then fails casting it.
 */
final class FetchLiterals extends SqlBasicVisitor<Void> {

  private static final FetchLiterals INSTANCE = new FetchLiterals();

  private FetchLiterals() {}

  /** @throws CalciteContextException at the first literal that is not a whole number */
  static void check(SqlNode query) {
    query.accept(INSTANCE);
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlSelect select) {
      check(select.getOffset(), "OFFSET");
      check(select.getFetch(), "LIMIT");
    } else if (call instanceof SqlOrderBy orderBy) {
      check(orderBy.offset, "OFFSET");
      check(orderBy.fetch, "LIMIT");
    }
    return super.visit(call);
  }

  private static void check(SqlNode node, String clause) {
    if (node instanceof SqlNumericLiteral literal
        && (!literal.isExact() || literal.getScale() == null || literal.getScale() != 0)) {
      SqlParserPos pos = literal.getParserPosition();
      CalciteContextException e = new CalciteContextException("From line " + pos.getLineNum()
          + ", column " + pos.getColumnNum() + " to line " + pos.getEndLineNum() + ", column "
          + pos.getEndColumnNum() + ": " + clause + " takes a whole number, not "
          + literal.toValue(), new CalciteException(clause + " takes a whole number", null));
      e.setPosition(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
          pos.getEndColumnNum());
      throw e;
    }
  }
}

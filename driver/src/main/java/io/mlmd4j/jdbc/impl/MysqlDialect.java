package io.mlmd4j.jdbc.impl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Calcite's MySQL dialect, with SQL's {@code ||} sent as {@code CONCAT(...)}: MySQL reads
 * {@code ||} as a logical OR (unless the session's sql_mode has PIPES_AS_CONCAT), which would
 * turn a concatenation into 0 or 1.
 */
final class MysqlDialect extends MysqlSqlDialect {

  MysqlDialect(Context context) {
    super(context);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
      writer.print("CONCAT");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode operand : call.getOperandList()) {
        writer.sep(",");
        operand.unparse(writer, 0, 0);
      }
      writer.endList(frame);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}

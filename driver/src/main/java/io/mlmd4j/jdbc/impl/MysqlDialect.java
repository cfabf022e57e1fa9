package io.mlmd4j.jdbc.impl;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's MySQL dialect, with SQL's {@code ||} sent as {@code CONCAT(...)}: MySQL reads
 * {@code ||} as a logical OR (unless the session's sql_mode has PIPES_AS_CONCAT), which would
 * turn a concatenation into 0 or 1.
 *
 * <p>String literals mean the same whatever the session's sql_mode. Calcite writes them as
 * standard SQL does, quotes doubled, but MySQL reads a backslash as an escape unless sql_mode has
 * NO_BACKSLASH_ESCAPES: {@code 'a\'} would end somewhere later in the statement, so that the
 * text after it ran as SQL. A string with a backslash or a control character is written as the
 * hex digits of its UTF-8 bytes with the utf8mb4 introducer ({@code _utf8mb4 X'615C'}), a
 * literal of the same character set and coercibility as a quoted one (the driver's sessions give
 * quoted ones the same collation).
 *
 * <p>LIKE without ESCAPE has no escape character in standard SQL and SQLite; MySQL's is the
 * backslash, whatever the sql_mode. Its pattern is sent with each backslash doubled, so that
 * MySQL reads them as the characters they are: a literal's in the literal, any other's by
 * {@code REPLACE}.
 */
final class MysqlDialect extends MysqlSqlDialect {

  MysqlDialect(Context context) {
    super(context);
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    if (val.chars().anyMatch(c -> c == '\\' || c < ' ')) {
      buf.append("_utf8mb4 X'")
          .append(HexFormat.of().formatHex(val.getBytes(StandardCharsets.UTF_8))).append('\'');
    } else {
      super.quoteStringLiteral(buf, charsetName, val);
    }
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
    if (call.getKind() == SqlKind.LIKE && call.operandCount() == 2) {
      SqlNode pattern = call.operand(1);
      SqlParserPos pos = pattern.getParserPosition();
      SqlNode doubled = pattern instanceof SqlCharStringLiteral literal
          ? SqlLiteral.createCharString(
              literal.getValueAs(String.class).replace("\\", "\\\\"), pos)
          : SqlStdOperatorTable.REPLACE.createCall(pos, pattern,
              SqlLiteral.createCharString("\\", pos), SqlLiteral.createCharString("\\\\", pos));
      super.unparseCall(writer, call.getOperator().createCall(call.getParserPosition(),
          call.operand(0), doubled), leftPrec, rightPrec);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}

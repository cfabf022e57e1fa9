package io.mlmd4j.jdbc.impl;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's SQLite dialect without character sets in casts: SQLite has no
 * {@code CHARACTER SET} clause, and Calcite's strings (UTF-8 here) would otherwise send
 * {@code CAST(x AS VARCHAR CHARACTER SET "UTF-8")}, a syntax error.
 *
 * <p>A string literal with a NUL is written as its UTF-8 bytes cast to text
 * ({@code CAST(X'6100' AS TEXT)}): SQLite ends a statement's text at a NUL.
 */
final class SqliteDialect extends SqliteSqlDialect {

  SqliteDialect(Context context) {
    super(context);
  }

  @Override
  public boolean supportsCharSet() {
    return false;
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    if (val.indexOf('\0') >= 0) {
      buf.append("CAST(X'").append(HexFormat.of().formatHex(val.getBytes(StandardCharsets.UTF_8)))
          .append("' AS TEXT)");
    } else {
      super.quoteStringLiteral(buf, charsetName, val);
    }
  }
}

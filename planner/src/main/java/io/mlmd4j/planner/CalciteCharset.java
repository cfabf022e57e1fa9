package io.mlmd4j.planner;

/**
 * Calcite's default character set for SQL text and strings: UTF-8, so that a string literal can
 * hold any character. Calcite reads its system properties once, when the first class that needs
 * them loads, and otherwise takes ISO-8859-1, in which {@code 'uni’quote'} fails to encode.
 * Each way into Calcite (this module's compiler, the JDBC driver) calls {@link #useUtf8} before
 * touching Calcite, so the JVM gets UTF-8 whichever comes first. A value the user set is kept.
 */
public final class CalciteCharset {

  private CalciteCharset() {}

  /** Sets Calcite's charset properties to UTF-8, unless they are set. */
  public static void useUtf8() {
    setIfAbsent("calcite.default.charset", "UTF-8");
    setIfAbsent("calcite.default.nationalcharset", "UTF-8");
    setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

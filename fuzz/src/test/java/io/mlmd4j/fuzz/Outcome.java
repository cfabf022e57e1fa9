package io.mlmd4j.fuzz;

import io.mlmd4j.MlmdException;
import io.mlmd4j.MlmdException.Code;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one case ended: clean (a result, or an error of the kind the API promises), or a failure
 * with a signature that names the kind of failure without the input, so that many inputs hitting
 * the same defect count as one.
 */
record Outcome(String signature, String detail) {

  static final Outcome CLEAN = new Outcome(null, null);

  /** Codes that say the store failed itself, never what a caller did wrong. */
  private static final Set<Code> CRASH_CODES =
      EnumSet.of(Code.INTERNAL, Code.UNKNOWN, Code.DATA_LOSS);

  boolean failed() {
    return signature != null;
  }

  static Outcome failure(String signature, String detail) {
    return new Outcome(signature, detail);
  }

  /** A store API call threw {@code t}: clean only as an MlmdException with a caller's code. */
  static Outcome ofStoreError(Throwable t) {
    if (t instanceof MlmdException m && !CRASH_CODES.contains(m.code())) {
      return CLEAN;
    }
    String what = t instanceof MlmdException m
        ? "MlmdException " + m.code() + causeName(m)
        : t.getClass().getName();
    return failure(what + " at " + origin(t), summary(t));
  }

  /**
   * A JDBC call threw {@code t}: clean only as an SQLException with an SQLState that does not
   * wrap a crash (the driver reports anything it does not recognise as HY000 around it) and is
   * not a timeout: no statement on the small store takes {@link Fuzzer#SLOW_MILLIS}.
   */
  static Outcome ofSqlError(Throwable t) {
    if (t instanceof SQLException s && s.getSQLState() != null) {
      if (s.getSQLState().equals("HYT00")) {
        return failure("slow case (timed out)", summary(t));
      }
      Throwable crash = crashIn(s);
      if (crash == null) {
        return CLEAN;
      }
      return failure("SQLState " + s.getSQLState() + " wrapping " + crashName(crash) + " at "
          + origin(crash), summary(t));
    }
    return failure((t instanceof SQLException ? "SQLException without SQLState"
        : t.getClass().getName()) + " at " + origin(t), summary(t));
  }

  /** The first throwable in {@code t}'s causes that means a defect rather than bad input. */
  private static Throwable crashIn(Throwable t) {
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof VirtualMachineError
          || c instanceof AssertionError
          || c instanceof LinkageError
          || c instanceof NullPointerException
          || c instanceof ClassCastException
          || c instanceof IndexOutOfBoundsException
          || c instanceof MlmdException m && CRASH_CODES.contains(m.code())) {
        return c;
      }
    }
    return null;
  }

  private static String crashName(Throwable t) {
    return t instanceof MlmdException m
        ? "MlmdException " + m.code() + causeName(m)
        : t.getClass().getName();
  }

  /**
   * The deepest cause of a crash code's MlmdException, with its message made generic (a
   * database's error text without the input's names and numbers), so that two database errors
   * are two signatures.
   */
  private static String causeName(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == t) {
      return "";
    }
    String message = String.valueOf(root.getMessage())
        .replaceAll("'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'")
        .replaceAll("[0-9]+", "N");
    return " (" + root.getClass().getSimpleName() + ": " + Texts.shorten(message, 100) + ")";
  }

  /**
   * Where {@code t} (or its deepest cause) was thrown: the first mlmd4j frame, else the top
   * frame, without line numbers so that the signature survives edits nearby.
   */
  static String origin(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] trace = root.getStackTrace();
    if (root instanceof StackOverflowError) {
      // A recursion's top frames are wherever the stack ran out; its bottom shows who recursed.
      for (int i = trace.length - 1; i >= 0; i--) {
        if (trace[i].getClassName().startsWith("io.mlmd4j.")) {
          return frame(trace[i]);
        }
      }
    }
    for (StackTraceElement e : trace) {
      if (e.getClassName().startsWith("io.mlmd4j.")) {
        return frame(e);
      }
    }
    return trace.length > 0 ? frame(trace[0]) : "unknown";
  }

  private static String frame(StackTraceElement e) {
    String name = e.getClassName();
    return name.substring(name.lastIndexOf('.') + 1) + "." + e.getMethodName();
  }

  /** The exception and its causes, one line each, messages cut short. */
  private static String summary(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String message = String.valueOf(c.getMessage());
      s.append(s.length() == 0 ? "" : "\n  caused by ").append(c.getClass().getName())
          .append(": ").append(Texts.shorten(message, 300));
    }
    return s.toString();
  }
}

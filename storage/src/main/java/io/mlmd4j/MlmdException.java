package io.mlmd4j;

import java.util.Objects;

/**
 * The one exception every mlmd4j call throws. Its {@link #code()} is the status code MLMD itself
 * would report for the same failure, so code written against MLMD's error classes
 * ({@code errors.NotFoundError}, {@code AlreadyExistsError}, ...) ports one to one.
 */
public final class MlmdException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** MLMD's status codes (absl / gRPC numbering). */
  public enum Code {
    CANCELLED(1),
    UNKNOWN(2),
    INVALID_ARGUMENT(3),
    DEADLINE_EXCEEDED(4),
    NOT_FOUND(5),
    ALREADY_EXISTS(6),
    PERMISSION_DENIED(7),
    RESOURCE_EXHAUSTED(8),
    FAILED_PRECONDITION(9),
    ABORTED(10),
    OUT_OF_RANGE(11),
    UNIMPLEMENTED(12),
    INTERNAL(13),
    UNAVAILABLE(14),
    DATA_LOSS(15),
    UNAUTHENTICATED(16);

    private final int number;

    Code(int number) {
      this.number = number;
    }

    /** The numeric value gRPC and MLMD's Python client use for this code. */
    public int number() {
      return number;
    }
  }

  private final Code code;

  public MlmdException(Code code, String message) {
    this(code, message, null);
  }

  public MlmdException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public Code code() {
    return code;
  }

  @Override
  public String toString() {
    return code + ": " + getMessage();
  }

  public static MlmdException invalidArgument(String format, Object... args) {
    return new MlmdException(Code.INVALID_ARGUMENT, String.format(format, args));
  }

  public static MlmdException notFound(String format, Object... args) {
    return new MlmdException(Code.NOT_FOUND, String.format(format, args));
  }

  public static MlmdException alreadyExists(String format, Object... args) {
    return new MlmdException(Code.ALREADY_EXISTS, String.format(format, args));
  }

  public static MlmdException failedPrecondition(String format, Object... args) {
    return new MlmdException(Code.FAILED_PRECONDITION, String.format(format, args));
  }

  public static MlmdException aborted(String format, Object... args) {
    return new MlmdException(Code.ABORTED, String.format(format, args));
  }

  public static MlmdException unimplemented(String format, Object... args) {
    return new MlmdException(Code.UNIMPLEMENTED, String.format(format, args));
  }

  public static MlmdException internal(String message, Throwable cause) {
    return new MlmdException(Code.INTERNAL, message, cause);
  }
}

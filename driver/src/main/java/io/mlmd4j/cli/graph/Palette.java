package io.mlmd4j.cli.graph;

/** The colours of the pictures: artifacts blue, executions by their last known state. */
final class Palette {

  static final String ARTIFACT_FILL = "#e8f1fb";
  static final String ARTIFACT_STROKE = "#3b78c2";

  /** The execution states that have colours of their own, as {@link #stateClass} names them. */
  static final String[] STATE_CLASSES = {"COMPLETE", "CACHED", "FAILED", "RUNNING", "OTHER"};

  private Palette() {}

  /** {@code state} if it has colours of its own, else {@code OTHER}. */
  static String stateClass(String state) {
    return switch (state) {
      case "COMPLETE", "CACHED", "FAILED", "RUNNING" -> state;
      default -> "OTHER";
    };
  }

  static String executionFill(String state) {
    return switch (stateClass(state)) {
      case "COMPLETE" -> "#e6f4ea";
      case "CACHED" -> "#eeeeee";
      case "FAILED" -> "#fce8e6";
      case "RUNNING" -> "#fef7e0";
      default -> "#ffffff";
    };
  }

  static String executionStroke(String state) {
    return switch (stateClass(state)) {
      case "COMPLETE" -> "#34a853";
      case "CACHED" -> "#888888";
      case "FAILED" -> "#d93025";
      case "RUNNING" -> "#f9ab00";
      default -> "#555555";
    };
  }
}

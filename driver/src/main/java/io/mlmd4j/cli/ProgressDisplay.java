package io.mlmd4j.cli;

import io.mlmd4j.storage.Progress;
import java.io.PrintWriter;

/**
 * Shows a long task's progress on standard error: on a terminal, a bar per step redrawn in place
 * (at most ten times a second); otherwise plain lines, one at each tenth of a step and one when it
 * ends, such as {@code Artifact: 120000/300000 rows}.
 */
final class ProgressDisplay implements Progress {

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final String unit;
  private String step;
  private long lastTenth = -1;
  private long lastDraw;
  private boolean drawn;
  private boolean ended;

  ProgressDisplay(PrintWriter err, boolean terminal, String unit) {
    this.err = err;
    this.terminal = terminal;
    this.unit = unit;
  }

  /** A bar when this process runs on a terminal, plain lines otherwise. */
  static ProgressDisplay on(PrintWriter err, String unit) {
    return new ProgressDisplay(err, System.console() != null, unit);
  }

  @Override
  public void update(String step, long done, long total) {
    if (!step.equals(this.step)) {
      this.step = step;
      lastTenth = -1;
      drawn = false;
      ended = false;
    }
    if (ended) {
      return;
    }
    boolean end = done >= total;
    if (terminal) {
      long now = System.nanoTime();
      if (end || !drawn || now - lastDraw >= REDRAW_NANOS) {
        lastDraw = now;
        drawn = true;
        err.print("\r" + bar(step, done, total) + (end ? System.lineSeparator() : ""));
        err.flush();
      }
    } else {
      long tenth = total == 0 ? 10 : done * 10 / total;
      if (end || tenth > lastTenth && done > 0) {
        lastTenth = tenth;
        err.printf("%s: %d/%d %s%n", step, done, total, unit);
        err.flush();
      }
    }
    ended = end;
  }

  private String bar(String name, long done, long total) {
    int filled = total == 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
    return String.format("%-22s [%s%s] %3d%% %d/%d %s", name, "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled), total == 0 ? 100 : done * 100 / total, done, total, unit);
  }
}

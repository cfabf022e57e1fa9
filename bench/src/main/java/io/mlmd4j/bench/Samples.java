package io.mlmd4j.bench;

import java.util.ArrayList;
import java.util.List;

/** Measured values of one quantity, one a round; the median stands for them. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The median; NaN when nothing was measured. */
  double median() {
    return percentile(50);
  }

  /** The value below which {@code p} percent of the samples lie (nearest rank). */
  double percentile(double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  double min() {
    return percentile(0);
  }

  double max() {
    return percentile(100);
  }

  @Override
  public String toString() {
    return values.isEmpty() ? "none" : String.format("median %.4g (min %.4g, max %.4g, n=%d)",
        median(), min(), max(), values.size());
  }
}

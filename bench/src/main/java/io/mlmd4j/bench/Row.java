package io.mlmd4j.bench;

/**
 * One line of the result table: a quantity measured for mlmd4j and for its baseline on one
 * backend. {@code ratio()} is mlmd4j's speed relative to the baseline's whatever the unit:
 * throughput over throughput, or the baseline's latency (or round trips) over mlmd4j's; 1.0 is
 * as fast as the baseline. A side that could not be measured is NaN, with {@code note} saying
 * why.
 */
record Row(String operation, String backend, String unit, double mlmd4j, double baseline,
    boolean higherIsBetter, String note) {

  double ratio() {
    return higherIsBetter ? mlmd4j / baseline : baseline / mlmd4j;
  }
}

package io.bulwark.bench.rest;

import java.util.Arrays;

/**
 * One measured row on one server with one kind of credentials.
 *
 * @param row what was measured, e.g. {@code starts, 8 clients}
 * @param unit {@code req/s} or {@code tasks/s}
 * @param server {@code Bulwark} or {@code Camunda}
 * @param auth {@code Basic} or {@code bearer}
 * @param rate operations per second
 * @param medianMs median latency
 * @param p99Ms 99th percentile latency
 * @param count operations measured
 * @param errors operations that failed
 * @param firstError the first failure's message, or empty
 */
record RowResult(
    String row,
    String unit,
    String server,
    String auth,
    double rate,
    double medianMs,
    double p99Ms,
    long count,
    long errors,
    String firstError) {

  /** A result from latencies in nanoseconds measured over {@code seconds}. */
  static RowResult of(
      String row,
      String unit,
      String server,
      String auth,
      long operations,
      double seconds,
      long[] latencies,
      long errors,
      String firstError) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new RowResult(
        row,
        unit,
        server,
        auth,
        seconds > 0 ? operations / seconds : 0,
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        operations,
        errors,
        firstError);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}

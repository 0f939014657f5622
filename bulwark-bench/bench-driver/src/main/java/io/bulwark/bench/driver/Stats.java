package io.bulwark.bench.driver;

import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Stats {

  private Stats() {}

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  static double p90(List<Double> values) {
    return percentile(values, 90);
  }

  /** The nearest-rank percentile; NaN for no values. */
  static double percentile(List<Double> values, int percent) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}

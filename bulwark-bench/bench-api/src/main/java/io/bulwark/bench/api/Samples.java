package io.bulwark.bench.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measurements of one child: every sample of every metric, in order. Not thread-safe. */
public final class Samples {

  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

  /** Adds one sample of the metric. */
  public void add(String metric, double value) {
    metrics.computeIfAbsent(metric, ignored -> new ArrayList<>()).add(value);
  }

  /** Adds a rate: {@code operations} done in {@code nanos}, per second. */
  public void addRate(String metric, int operations, long nanos) {
    add(metric, operations * 1e9 / Math.max(1, nanos));
  }

  /** Metric name to samples, in the order first added. */
  public Map<String, List<Double>> asMap() {
    return metrics;
  }
}

package io.bulwark.bench.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements of one child: every sample of every metric, in order, named {@code
 * WORKLOAD/metric}. Not thread-safe.
 */
public final class Samples {

  /** Between the workload and the metric in a sample's name. */
  public static final String SEPARATOR = "/";

  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

  /** The samples of one workload. */
  public Scoped forWorkload(Workload workload) {
    return new Scoped(this, workload.name() + SEPARATOR);
  }

  /** {@code WORKLOAD/metric} to samples, in the order first added. */
  public Map<String, List<Double>> asMap() {
    return metrics;
  }

  private void add(String name, double value) {
    metrics.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
  }

  /**
   * The samples of one workload, or a throw-away sink for warm-up operations.
   *
   * @param prefix {@code WORKLOAD/}
   */
  public record Scoped(Samples samples, String prefix) {

    /** Where warm-up operations put the figures nobody reads. */
    public static Scoped discard() {
      return new Scoped(new Samples(), "");
    }

    /** Adds one sample of the metric. */
    public void add(String metric, double value) {
      samples.add(prefix + metric, value);
    }

    /** Adds a rate: {@code operations} done in {@code nanos}, per second. */
    public void addRate(String metric, int operations, long nanos) {
      add(metric, operations * 1e9 / Math.max(1, nanos));
    }
  }
}

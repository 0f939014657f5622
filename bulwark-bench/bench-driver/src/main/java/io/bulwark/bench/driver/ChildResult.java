package io.bulwark.bench.driver;

import java.util.List;
import java.util.Map;

/**
 * What a child printed: its engine's settings and the samples of each metric.
 *
 * @param metrics samples by workload, then by metric
 */
record ChildResult(Map<String, String> settings, Map<String, Map<String, List<Double>>> metrics) {}

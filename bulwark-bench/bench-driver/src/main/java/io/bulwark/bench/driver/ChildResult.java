package io.bulwark.bench.driver;

import java.util.List;
import java.util.Map;

/** What a child printed: its engine's settings and the samples of each metric. */
record ChildResult(Map<String, String> settings, Map<String, List<Double>> metrics) {}

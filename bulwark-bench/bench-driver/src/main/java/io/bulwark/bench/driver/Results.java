package io.bulwark.bench.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every sample of every counted round, and each engine's settings as its child reported them. */
final class Results {

  private final Map<ResultKey, List<Double>> samples = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  void add(ResultKey key, List<Double> values) {
    samples.computeIfAbsent(key, ignored -> new ArrayList<>()).addAll(values);
  }

  /**
   * Merges a child's {@code WORKLOAD/name} settings into the engine's: a setting appears once by
   * name, and again as {@code name (WORKLOAD)} where a workload differs (W3 with authorization).
   */
  void settings(String engine, String db, Map<String, String> values) {
    Map<String, String> mine =
        settings.computeIfAbsent(engine + " " + db, ignored -> new LinkedHashMap<>());
    values.forEach(
        (key, value) -> {
          int slash = key.indexOf('/');
          String name = slash < 0 ? key : key.substring(slash + 1);
          String known = mine.putIfAbsent(name, value);
          if (known != null && !known.equals(value)) {
            mine.put(name + " (" + key.substring(0, Math.max(0, slash)) + ")", value);
          }
        });
  }

  /** A reason printed instead of a number, e.g. for a round that failed or is not measured. */
  void note(String engine, String db, String workload, String text) {
    notes.put(engine + "/" + db + "/" + workload, text);
  }

  Optional<String> note(String engine, String db, String workload) {
    return Optional.ofNullable(notes.get(engine + "/" + db + "/" + workload));
  }

  Optional<List<Double>> get(ResultKey key) {
    return Optional.ofNullable(samples.get(key));
  }

  Map<ResultKey, List<Double>> all() {
    return samples;
  }

  Map<String, Map<String, String>> settings() {
    return settings;
  }

  Map<String, String> notes() {
    return notes;
  }
}

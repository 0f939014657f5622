package io.bulwark.bench.driver;

import java.util.List;
import java.util.Set;

/**
 * The workloads only Bulwark runs: W1S and W2S store a sensitive (field-encrypted) variable, which
 * the peers cannot. The others run on every engine given.
 */
final class BulwarkOnly {

  static final Set<String> WORKLOADS = Set.of("W1S", "W2S");

  /** Printed for a peer's cell of a Bulwark-only workload. */
  static final String NOTE = "n/a (Bulwark only: field encryption of sensitive variables)";

  private BulwarkOnly() {}

  /** The engines that run {@code workload}, in the given order. */
  static List<String> engines(List<String> engines, String workload) {
    return engines.stream().filter(engine -> runs(engine, workload)).toList();
  }

  /** The workloads {@code engine} runs, in the given order. */
  static List<String> workloads(String engine, List<String> workloads) {
    return workloads.stream().filter(workload -> runs(engine, workload)).toList();
  }

  static boolean runs(String engine, String workload) {
    return !WORKLOADS.contains(workload) || engine.equals(Report.BULWARK);
  }
}

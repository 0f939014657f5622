package io.bulwark.bench.api;

/**
 * An adapter whose engine encrypts variables marked sensitive (issue 18, D1): Bulwark's. Its
 * factory, asked for {@link Workload#W1S} or {@link Workload#W2S}, builds the engine with {@link
 * #NAME} marked sensitive; the peers have no field encryption and do not run those workloads.
 */
public interface SensitiveVariables {

  /** The variable marked sensitive: W1S's only variable, W2S's string variable. */
  String NAME = "label";

  /** W1S: starts one instance with {@link #NAME} set to {@code value}, in its own transaction. */
  void start(BenchProcess process, String value);
}

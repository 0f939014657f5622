package io.bulwark.bench.api;

/** The workloads of the benchmark issue; the memory and start figures come from W1 rounds. */
public enum Workload {
  /** User task: starts and completions per second, build time, live heap, peak RSS. */
  W1,
  /** Exclusive gateway with three variables (string, integer, JSON). */
  W2,
  /** Authorized task query: first page and count for one user. */
  W3,
  /** External tasks fetched and completed by four concurrent workers. */
  W4,
  /**
   * W1 with one sensitive (field-encrypted) string variable per instance; only for an engine whose
   * adapter is a {@link SensitiveVariables} (Bulwark): the cost of field encryption against W1.
   */
  W1S,
  /**
   * W2 with its string variable sensitive (field-encrypted), the same three values otherwise; only
   * for a {@link SensitiveVariables} adapter (Bulwark): the cost of field encryption against W2.
   */
  W2S;

  /** Whether the workload stores a sensitive variable (W1S, W2S). */
  public boolean sensitive() {
    return this == W1S || this == W2S;
  }
}

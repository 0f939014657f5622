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
  W4
}

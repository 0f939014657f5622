package io.bulwark.bench.rest;

import java.time.Duration;

/**
 * How long and how much: warm-up and timed window of the closed-loop rows, external tasks per round
 * (an untimed round of a quarter of them first), tasks seeded for the task list.
 *
 * @param warmup untimed requests before each closed-loop row's window
 * @param timed each closed-loop row's timed window
 * @param externalTasks external tasks per timed round
 * @param taskListTasks tasks seeded for the task list (half the clerk's)
 */
record RestPlan(Duration warmup, Duration timed, int externalTasks, int taskListTasks) {

  static final RestPlan FULL =
      new RestPlan(Duration.ofSeconds(10), Duration.ofSeconds(20), 4000, 10000);
  static final RestPlan QUICK =
      new RestPlan(Duration.ofSeconds(3), Duration.ofSeconds(6), 800, 2000);

  /** The test's round: proves the harness, measures nothing. */
  static final RestPlan TINY = new RestPlan(Duration.ZERO, Duration.ofSeconds(1), 20, 60);
}

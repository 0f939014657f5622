package io.bulwark.bench.driver;

import java.util.List;

/**
 * One child run: which engine on which database runs which workloads (in order), with the plan's
 * sizes.
 */
record ChildRound(
    String engine,
    String db,
    List<String> workloads,
    String jdbcUrl,
    String user,
    String password,
    BenchPlan plan,
    String label) {

  ChildRound {
    workloads = List.copyOf(workloads);
  }
}

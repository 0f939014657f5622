package io.bulwark.bench.driver;

/**
 * One child run: which engine on which database with which workload and sizes.
 *
 * @param size instances, open tasks or external tasks, by workload
 */
record ChildRound(
    String engine,
    String db,
    String workload,
    String jdbcUrl,
    String user,
    String password,
    int size,
    int warmup,
    int queries,
    String label) {}

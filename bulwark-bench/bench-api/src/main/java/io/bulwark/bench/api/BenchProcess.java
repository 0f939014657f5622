package io.bulwark.bench.api;

/** The process models of the workloads; each adapter deploys them in its own BPMN dialect. */
public enum BenchProcess {
  /** W1: start, user task with candidate group {@code bench}, end. */
  USER_TASK("benchUserTask"),
  /** W2: start, exclusive gateway on {@code amount > 1000}, one of two user tasks, end. */
  GATEWAY("benchGateway"),
  /** W4: start, external task on topic {@code bench}, end. */
  EXTERNAL_TASK("benchExternal");

  /** Candidate group of the W1 and W2 user tasks. */
  public static final String CANDIDATE_GROUP = "bench";

  /** Topic of the W4 external task. */
  public static final String TOPIC = "bench";

  private final String key;

  BenchProcess(String key) {
    this.key = key;
  }

  /** The process definition key. */
  public String key() {
    return key;
  }
}

package io.bulwark.bench.api;

import java.util.List;
import java.util.Map;

/**
 * One engine under test, seen through the operations the workloads need. Every method is one call
 * of the engine's public API (one transaction) unless it says otherwise; set-up methods may batch
 * as they like because they are not timed. Implementations must be safe for the four concurrent W4
 * workers.
 */
public interface BenchEngine extends AutoCloseable {

  /** What to print with the results: engine version, history level, authorization, job executor. */
  Map<String, String> settings();

  /** Deploys the process model. */
  void deploy(BenchProcess process);

  /** Starts one instance without variables, in its own transaction. */
  void start(BenchProcess process);

  /** Starts one W2 instance with its three variables, in its own transaction. */
  void start(BenchProcess process, GatewayVariables variables);

  /** Ids of open user tasks, at most {@code max}. */
  List<String> openTaskIds(int max);

  /** Completes one user task. */
  void completeTask(String taskId);

  /** W3 set-up: groups, and users with their memberships. Not timed. */
  void createIdentities(List<String> groups, Map<String, List<String>> groupsByUser);

  /**
   * W3 set-up: {@code count} open tasks, task {@code i} with candidate group {@code groups.get(i %
   * groups.size())}, readable by that group where the engine has authorization. Not timed.
   */
  void createOpenTasks(int count, List<String> groups);

  /** W3: the first page of the tasks the user may see, as that user. */
  List<String> firstPage(String user, List<String> groups, int pageSize);

  /** W3: how many tasks the user may see, as that user. */
  long count(String user, List<String> groups);

  /** W4: locks up to {@code max} external tasks of the topic and completes each; how many. */
  int fetchAndComplete(String workerId, int max);

  /** Running instances of the process (W4 waits until the engine has finished them). */
  long runningInstances(BenchProcess process);

  @Override
  void close();
}

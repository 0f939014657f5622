package io.bulwark.engine.api;

import java.util.Map;

/** User tasks. Every method takes the acting principal (Z2). */
public interface TaskService {

  Page<TaskView> findTasks(Principal principal, TaskQuery query);

  TaskView getTask(Principal principal, String taskId);

  /** Assigns the task to {@code userId}; conflict when another user has claimed it. */
  void claim(Principal principal, String taskId, String userId);

  void unclaim(Principal principal, String taskId);

  /**
   * Completes the task, sets the variables on its process instance and continues it. Of two
   * concurrent completions exactly one succeeds; the other gets a conflict.
   */
  void complete(Principal principal, String taskId, Map<String, Object> variables);

  /** Sets variables on the task's process instance. */
  void setVariables(Principal principal, String taskId, Map<String, Object> variables);

  /** The process variables visible to the task. */
  Map<String, Object> getVariables(Principal principal, String taskId);
}

package io.bulwark.engine.history;

import io.bulwark.engine.command.UnitOfWork;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the candidate users and groups of a task that ends in {@code bw_hi_task_candidate} (V167),
 * so that case security (Z3) still counts them as involved in its instance: "involved now or
 * before". Written at every history level, as it decides visibility. Stateless.
 */
public final class TaskCandidateHistory {

  private static final String COPY_OF_TASK =
      "INSERT INTO bw_hi_task_candidate (task_id, process_instance_id, user_id, group_id)"
          + " SELECT l.task_id, CAST(? AS VARCHAR(64)), l.user_id, l.group_id"
          + " FROM bw_task_identity_link l WHERE l.task_id = ?";

  /**
   * Copies the candidates of the tasks of an execution that are about to be deleted; run it before
   * the links are deleted. One parameter: the execution ID.
   */
  public static final String COPY_OF_EXECUTION =
      "INSERT INTO bw_hi_task_candidate (task_id, process_instance_id, user_id, group_id)"
          + " SELECT l.task_id, t.process_instance_id, l.user_id, l.group_id"
          + " FROM bw_task_identity_link l JOIN bw_task t ON t.id = l.task_id"
          + " WHERE t.execution_id = ? AND t.process_instance_id IS NOT NULL";

  private TaskCandidateHistory() {}

  /**
   * Registers the copy of a completed task's candidates in {@code work}; call it before the unit's
   * deletion of the task's links.
   */
  public static void keep(UnitOfWork work, String taskId, @Nullable String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    work.copyAll(COPY_OF_TASK, processInstanceId, taskId);
  }
}

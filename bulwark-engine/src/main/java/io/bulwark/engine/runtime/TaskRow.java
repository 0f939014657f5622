package io.bulwark.engine.runtime;

import java.time.Instant;

/** One row of {@code bw_task}: a user task waiting for a person. */
public record TaskRow(
    String id,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String taskDefinitionKey,
    String name,
    String assignee,
    String owner,
    int priority,
    Instant dueDate,
    Instant createdAt,
    String formKey,
    String tenantId,
    long rev) {

  /** The same task with another assignee ({@code null} to unclaim). */
  public TaskRow withAssignee(String newAssignee) {
    return new TaskRow(
        id,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        taskDefinitionKey,
        name,
        newAssignee,
        owner,
        priority,
        dueDate,
        createdAt,
        formKey,
        tenantId,
        rev);
  }
}

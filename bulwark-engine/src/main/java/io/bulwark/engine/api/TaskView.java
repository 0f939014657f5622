package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * A user task waiting for a person; nullable: name, assignee, dueDate, formKey, executionId, owner,
 * delegationState ({@code PENDING} or {@code RESOLVED}; null when never delegated), followUpDate,
 * tenantId. {@code suspended}: its process instance is suspended (the task cannot be completed).
 */
public record TaskView(
    String id,
    String name,
    String taskDefinitionKey,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String assignee,
    int priority,
    Instant dueDate,
    Instant createdAt,
    String formKey,
    List<String> candidateUsers,
    List<String> candidateGroups,
    String executionId,
    String owner,
    String delegationState,
    Instant followUpDate,
    String tenantId,
    boolean suspended) {

  public TaskView {
    candidateUsers = List.copyOf(candidateUsers);
    candidateGroups = List.copyOf(candidateGroups);
  }
}

package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user task waiting for a person; nullable: name, assignee, dueDate, formKey, executionId, owner,
 * delegationState ({@code PENDING} or {@code RESOLVED}; null when never delegated), followUpDate,
 * tenantId. {@code suspended}: its process instance is suspended (the task cannot be completed).
 */
public record TaskView(
    String id,
    @Nullable String name,
    String taskDefinitionKey,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    @Nullable String assignee,
    int priority,
    @Nullable Instant dueDate,
    Instant createdAt,
    @Nullable String formKey,
    List<String> candidateUsers,
    List<String> candidateGroups,
    String executionId,
    @Nullable String owner,
    @Nullable String delegationState,
    @Nullable Instant followUpDate,
    @Nullable String tenantId,
    boolean suspended) {

  public TaskView {
    candidateUsers = List.copyOf(candidateUsers);
    candidateGroups = List.copyOf(candidateGroups);
  }
}

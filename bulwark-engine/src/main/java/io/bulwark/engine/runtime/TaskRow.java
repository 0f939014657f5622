package io.bulwark.engine.runtime;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code bw_task}: a user task waiting for a person. */
public record TaskRow(
    String id,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String taskDefinitionKey,
    @Nullable String name,
    @Nullable String assignee,
    @Nullable String owner,
    int priority,
    @Nullable Instant dueDate,
    Instant createdAt,
    @Nullable String formKey,
    @Nullable String tenantId,
    @Nullable String delegationState,
    @Nullable Instant followUpDate,
    long rev) {

  /** Delegation states (Camunda 7's {@code DelegationState}); {@code null}: never delegated. */
  public static final String PENDING = "PENDING";

  public static final String RESOLVED = "RESOLVED";

  /** The same task with another assignee ({@code null} to unclaim). */
  public TaskRow withAssignee(@Nullable String newAssignee) {
    return withDelegation(newAssignee, owner, delegationState);
  }

  /** The same task with another assignee, owner and delegation state. */
  public TaskRow withDelegation(
      @Nullable String newAssignee, @Nullable String newOwner, @Nullable String newState) {
    return new TaskRow(
        id,
        executionId,
        processInstanceId,
        processDefinitionId,
        processDefinitionKey,
        taskDefinitionKey,
        name,
        newAssignee,
        newOwner,
        priority,
        dueDate,
        createdAt,
        formKey,
        tenantId,
        newState,
        followUpDate,
        rev);
  }
}

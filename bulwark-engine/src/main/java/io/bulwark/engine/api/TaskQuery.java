package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a task list (the filters Camunda 7's task query offers that clients use), all optional
 * (null, or false for the flags), combined with AND.
 *
 * <ul>
 *   <li>Candidates: {@code candidateUser} matches tasks that list the user, or a group the user is
 *       a member of, as candidate; {@code candidateGroups} tasks that list any of the groups. Both
 *       given: either matches. Candidate filters match only unassigned tasks unless {@code
 *       includeAssignedTasks}.
 *   <li>{@code …Like}: a SQL LIKE pattern, {@code %} and {@code _} as wildcards, bound as a
 *       parameter.
 *   <li>Time bounds ({@code dueBefore}, {@code createdAfter}, …): "after" is exclusive and "before"
 *       exclusive, as in Camunda 7; a task without the date matches no bound on it.
 *   <li>Strings: at most 255 characters; at most 1000 candidate groups (W11).
 * </ul>
 *
 * Page: {@code firstResult} from 0, {@code maxResults} 1..2000 (W8). Sorted by the {@code sorting}
 * list (at most 5 keys), then by creation time, then id. Immutable; build one with {@link
 * #builder()} or start from {@link #all()}.
 */
public record TaskQuery(
    @Nullable String assignee,
    @Nullable String assigneeLike,
    @Nullable String owner,
    @Nullable String candidateUser,
    @Nullable Set<String> candidateGroups,
    boolean includeAssignedTasks,
    boolean unassigned,
    boolean assigned,
    @Nullable String delegationState,
    @Nullable String processInstanceId,
    @Nullable String processInstanceBusinessKey,
    @Nullable String processInstanceBusinessKeyLike,
    @Nullable String processDefinitionKey,
    @Nullable String processDefinitionId,
    @Nullable String executionId,
    @Nullable String taskDefinitionKey,
    @Nullable String name,
    @Nullable String nameLike,
    @Nullable String nameLikeIgnoreCase,
    @Nullable Instant dueBefore,
    @Nullable Instant dueAfter,
    @Nullable Instant followUpBefore,
    @Nullable Instant followUpAfter,
    @Nullable Instant createdBefore,
    @Nullable Instant createdAfter,
    @Nullable Integer priority,
    @Nullable Integer minPriority,
    @Nullable Integer maxPriority,
    List<Order> sorting,
    int firstResult,
    int maxResults) {

  /** The sort keys of the list (an allowlist; Camunda 7's names in the REST API). */
  public enum Sort {
    ID,
    NAME,
    ASSIGNEE,
    CREATED,
    DUE_DATE,
    FOLLOW_UP_DATE,
    PRIORITY,
    PROCESS_INSTANCE_ID,
    EXECUTION_ID
  }

  /** One sort key and its direction. */
  public record Order(Sort key, SortOrder direction) {
    public Order {
      direction = direction == null ? SortOrder.ASC : direction;
      if (key == null) {
        throw ValidationException.of("sortBy", "required", "a sort order needs a sort key");
      }
    }
  }

  public TaskQuery {
    candidateGroups = candidateGroups == null ? null : Set.copyOf(candidateGroups);
    sorting = sorting == null ? List.of() : List.copyOf(sorting);
  }

  /** Every task the caller may read, first page of 100. */
  public static TaskQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public TaskQuery assignedTo(String user) {
    return toBuilder().assignee(user).build();
  }

  /** Tasks that list {@code user} or any of {@code groups} as candidate; either may be null. */
  public TaskQuery candidateFor(@Nullable String user, @Nullable Set<String> groups) {
    return toBuilder().candidateUser(user).candidateGroups(groups).build();
  }

  public TaskQuery ofInstance(String instanceId) {
    return toBuilder().processInstanceId(instanceId).build();
  }

  public TaskQuery ofProcess(String key) {
    return toBuilder().processDefinitionKey(key).build();
  }

  public TaskQuery page(int first, int max) {
    return toBuilder().page(first, max).build();
  }

  /** Collects the values of a {@link TaskQuery}; not thread-safe. */
  public static final class Builder {
    private @Nullable String assignee;
    private @Nullable String assigneeLike;
    private @Nullable String owner;
    private @Nullable String candidateUser;
    private @Nullable Set<String> candidateGroups;
    private boolean includeAssignedTasks;
    private boolean unassigned;
    private boolean assigned;
    private @Nullable String delegationState;
    private @Nullable String processInstanceId;
    private @Nullable String processInstanceBusinessKey;
    private @Nullable String processInstanceBusinessKeyLike;
    private @Nullable String processDefinitionKey;
    private @Nullable String processDefinitionId;
    private @Nullable String executionId;
    private @Nullable String taskDefinitionKey;
    private @Nullable String name;
    private @Nullable String nameLike;
    private @Nullable String nameLikeIgnoreCase;
    private @Nullable Instant dueBefore;
    private @Nullable Instant dueAfter;
    private @Nullable Instant followUpBefore;
    private @Nullable Instant followUpAfter;
    private @Nullable Instant createdBefore;
    private @Nullable Instant createdAfter;
    private @Nullable Integer priority;
    private @Nullable Integer minPriority;
    private @Nullable Integer maxPriority;
    private List<Order> sorting = List.of();
    private int firstResult;
    private int maxResults = 100;

    private Builder() {}

    private Builder(TaskQuery q) {
      assignee = q.assignee;
      assigneeLike = q.assigneeLike;
      owner = q.owner;
      candidateUser = q.candidateUser;
      candidateGroups = q.candidateGroups;
      includeAssignedTasks = q.includeAssignedTasks;
      unassigned = q.unassigned;
      assigned = q.assigned;
      delegationState = q.delegationState;
      processInstanceId = q.processInstanceId;
      processInstanceBusinessKey = q.processInstanceBusinessKey;
      processInstanceBusinessKeyLike = q.processInstanceBusinessKeyLike;
      processDefinitionKey = q.processDefinitionKey;
      processDefinitionId = q.processDefinitionId;
      executionId = q.executionId;
      taskDefinitionKey = q.taskDefinitionKey;
      name = q.name;
      nameLike = q.nameLike;
      nameLikeIgnoreCase = q.nameLikeIgnoreCase;
      dueBefore = q.dueBefore;
      dueAfter = q.dueAfter;
      followUpBefore = q.followUpBefore;
      followUpAfter = q.followUpAfter;
      createdBefore = q.createdBefore;
      createdAfter = q.createdAfter;
      priority = q.priority;
      minPriority = q.minPriority;
      maxPriority = q.maxPriority;
      sorting = q.sorting;
      firstResult = q.firstResult;
      maxResults = q.maxResults;
    }

    public Builder assignee(@Nullable String value) {
      assignee = value;
      return this;
    }

    public Builder assigneeLike(@Nullable String value) {
      assigneeLike = value;
      return this;
    }

    public Builder owner(@Nullable String value) {
      owner = value;
      return this;
    }

    public Builder candidateUser(@Nullable String value) {
      candidateUser = value;
      return this;
    }

    public Builder candidateGroups(@Nullable Set<String> value) {
      candidateGroups = value;
      return this;
    }

    /** Candidate filters also match assigned tasks. */
    public Builder includeAssignedTasks(boolean value) {
      includeAssignedTasks = value;
      return this;
    }

    /** Only tasks without an assignee. */
    public Builder unassigned(boolean value) {
      unassigned = value;
      return this;
    }

    /** Only tasks with an assignee. */
    public Builder assigned(boolean value) {
      assigned = value;
      return this;
    }

    /** {@code PENDING} or {@code RESOLVED}. */
    public Builder delegationState(@Nullable String value) {
      delegationState = value;
      return this;
    }

    public Builder processInstanceId(@Nullable String value) {
      processInstanceId = value;
      return this;
    }

    public Builder processInstanceBusinessKey(@Nullable String value) {
      processInstanceBusinessKey = value;
      return this;
    }

    public Builder processInstanceBusinessKeyLike(@Nullable String value) {
      processInstanceBusinessKeyLike = value;
      return this;
    }

    public Builder processDefinitionKey(@Nullable String value) {
      processDefinitionKey = value;
      return this;
    }

    public Builder processDefinitionId(@Nullable String value) {
      processDefinitionId = value;
      return this;
    }

    public Builder executionId(@Nullable String value) {
      executionId = value;
      return this;
    }

    public Builder taskDefinitionKey(@Nullable String value) {
      taskDefinitionKey = value;
      return this;
    }

    public Builder name(@Nullable String value) {
      name = value;
      return this;
    }

    public Builder nameLike(@Nullable String value) {
      nameLike = value;
      return this;
    }

    /** Like {@link #nameLike} but ignoring case (Tasklist's name filter; Camunda has no such). */
    public Builder nameLikeIgnoreCase(@Nullable String value) {
      nameLikeIgnoreCase = value;
      return this;
    }

    public Builder due(@Nullable Instant after, @Nullable Instant before) {
      dueAfter = after;
      dueBefore = before;
      return this;
    }

    public Builder followUp(@Nullable Instant after, @Nullable Instant before) {
      followUpAfter = after;
      followUpBefore = before;
      return this;
    }

    public Builder created(@Nullable Instant after, @Nullable Instant before) {
      createdAfter = after;
      createdBefore = before;
      return this;
    }

    public Builder priority(@Nullable Integer value) {
      priority = value;
      return this;
    }

    public Builder priorityBetween(@Nullable Integer min, @Nullable Integer max) {
      minPriority = min;
      maxPriority = max;
      return this;
    }

    public Builder sorting(List<Order> value) {
      sorting = value;
      return this;
    }

    public Builder page(int first, int max) {
      firstResult = first;
      maxResults = max;
      return this;
    }

    public TaskQuery build() {
      return new TaskQuery(
          assignee,
          assigneeLike,
          owner,
          candidateUser,
          candidateGroups,
          includeAssignedTasks,
          unassigned,
          assigned,
          delegationState,
          processInstanceId,
          processInstanceBusinessKey,
          processInstanceBusinessKeyLike,
          processDefinitionKey,
          processDefinitionId,
          executionId,
          taskDefinitionKey,
          name,
          nameLike,
          nameLikeIgnoreCase,
          dueBefore,
          dueAfter,
          followUpBefore,
          followUpAfter,
          createdBefore,
          createdAfter,
          priority,
          minPriority,
          maxPriority,
          sorting,
          firstResult,
          maxResults);
    }
  }
}

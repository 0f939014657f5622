package io.bulwark.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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
    String assignee,
    String assigneeLike,
    String owner,
    String candidateUser,
    Set<String> candidateGroups,
    boolean includeAssignedTasks,
    boolean unassigned,
    boolean assigned,
    String delegationState,
    String processInstanceId,
    String processInstanceBusinessKey,
    String processInstanceBusinessKeyLike,
    String processDefinitionKey,
    String processDefinitionId,
    String executionId,
    String taskDefinitionKey,
    String name,
    String nameLike,
    Instant dueBefore,
    Instant dueAfter,
    Instant followUpBefore,
    Instant followUpAfter,
    Instant createdBefore,
    Instant createdAfter,
    Integer priority,
    Integer minPriority,
    Integer maxPriority,
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
  public TaskQuery candidateFor(String user, Set<String> groups) {
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
    private String assignee;
    private String assigneeLike;
    private String owner;
    private String candidateUser;
    private Set<String> candidateGroups;
    private boolean includeAssignedTasks;
    private boolean unassigned;
    private boolean assigned;
    private String delegationState;
    private String processInstanceId;
    private String processInstanceBusinessKey;
    private String processInstanceBusinessKeyLike;
    private String processDefinitionKey;
    private String processDefinitionId;
    private String executionId;
    private String taskDefinitionKey;
    private String name;
    private String nameLike;
    private Instant dueBefore;
    private Instant dueAfter;
    private Instant followUpBefore;
    private Instant followUpAfter;
    private Instant createdBefore;
    private Instant createdAfter;
    private Integer priority;
    private Integer minPriority;
    private Integer maxPriority;
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

    public Builder assignee(String value) {
      assignee = value;
      return this;
    }

    public Builder assigneeLike(String value) {
      assigneeLike = value;
      return this;
    }

    public Builder owner(String value) {
      owner = value;
      return this;
    }

    public Builder candidateUser(String value) {
      candidateUser = value;
      return this;
    }

    public Builder candidateGroups(Set<String> value) {
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
    public Builder delegationState(String value) {
      delegationState = value;
      return this;
    }

    public Builder processInstanceId(String value) {
      processInstanceId = value;
      return this;
    }

    public Builder processInstanceBusinessKey(String value) {
      processInstanceBusinessKey = value;
      return this;
    }

    public Builder processInstanceBusinessKeyLike(String value) {
      processInstanceBusinessKeyLike = value;
      return this;
    }

    public Builder processDefinitionKey(String value) {
      processDefinitionKey = value;
      return this;
    }

    public Builder processDefinitionId(String value) {
      processDefinitionId = value;
      return this;
    }

    public Builder executionId(String value) {
      executionId = value;
      return this;
    }

    public Builder taskDefinitionKey(String value) {
      taskDefinitionKey = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder nameLike(String value) {
      nameLike = value;
      return this;
    }

    public Builder due(Instant after, Instant before) {
      dueAfter = after;
      dueBefore = before;
      return this;
    }

    public Builder followUp(Instant after, Instant before) {
      followUpAfter = after;
      followUpBefore = before;
      return this;
    }

    public Builder created(Instant after, Instant before) {
      createdAfter = after;
      createdBefore = before;
      return this;
    }

    public Builder priority(Integer value) {
      priority = value;
      return this;
    }

    public Builder priorityBetween(Integer min, Integer max) {
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

package io.bulwark.engine.api;

import java.util.Set;

/**
 * Filters of a task list, all optional (null), combined with AND; candidate user and candidate
 * groups match tasks that list the user or any of the groups. Page: {@code firstResult} from 0,
 * {@code maxResults} 1..2000 (W8). Sorted by creation time, then id.
 */
public record TaskQuery(
    String assignee,
    String candidateUser,
    Set<String> candidateGroups,
    String processInstanceId,
    String processDefinitionKey,
    int firstResult,
    int maxResults) {

  public TaskQuery {
    candidateGroups = candidateGroups == null ? null : Set.copyOf(candidateGroups);
  }

  public static TaskQuery all() {
    return new TaskQuery(null, null, null, null, null, 0, 100);
  }

  public TaskQuery assignedTo(String user) {
    return new TaskQuery(
        user,
        candidateUser,
        candidateGroups,
        processInstanceId,
        processDefinitionKey,
        firstResult,
        maxResults);
  }

  public TaskQuery candidateFor(String user, Set<String> groups) {
    return new TaskQuery(
        assignee, user, groups, processInstanceId, processDefinitionKey, firstResult, maxResults);
  }

  public TaskQuery ofInstance(String instanceId) {
    return new TaskQuery(
        assignee,
        candidateUser,
        candidateGroups,
        instanceId,
        processDefinitionKey,
        firstResult,
        maxResults);
  }

  public TaskQuery ofProcess(String key) {
    return new TaskQuery(
        assignee, candidateUser, candidateGroups, processInstanceId, key, firstResult, maxResults);
  }

  public TaskQuery page(int first, int max) {
    return new TaskQuery(
        assignee,
        candidateUser,
        candidateGroups,
        processInstanceId,
        processDefinitionKey,
        first,
        max);
  }
}

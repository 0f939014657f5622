package io.bulwark.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One topic of a fetch-and-lock request (Camunda 7 semantics). Every filter that is {@code null} or
 * empty matches every task.
 *
 * @param lockDurationMillis how long the fetched tasks stay locked to the worker
 * @param variableNames the variables to return; {@code null} for all, empty for none
 * @param businessKey only tasks of instances with this business key; {@code null} for any
 * @param processDefinitionIds only tasks of these process definitions
 * @param processDefinitionKeys only tasks of definitions with these keys
 * @param tenantIds only tasks of these tenants
 * @param processVariables only tasks whose execution sees each of these variables with an equal
 *     value (strings, booleans, whole numbers, doubles)
 * @param localVariables return only the variables of the task's own execution, not its parents'
 */
public record TopicRequest(
    String topicName,
    long lockDurationMillis,
    @Nullable List<String> variableNames,
    @Nullable String businessKey,
    Set<String> processDefinitionIds,
    Set<String> processDefinitionKeys,
    Set<String> tenantIds,
    Map<String, Object> processVariables,
    boolean localVariables) {

  public TopicRequest {
    Objects.requireNonNull(topicName, "topicName");
    variableNames = variableNames == null ? null : List.copyOf(variableNames);
    processDefinitionIds =
        processDefinitionIds == null ? Set.of() : Set.copyOf(processDefinitionIds);
    processDefinitionKeys =
        processDefinitionKeys == null ? Set.of() : Set.copyOf(processDefinitionKeys);
    tenantIds = tenantIds == null ? Set.of() : Set.copyOf(tenantIds);
    processVariables =
        processVariables == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(processVariables));
  }

  /** A topic without definition, tenant or variable filters. */
  public TopicRequest(
      String topicName,
      long lockDurationMillis,
      @Nullable List<String> variableNames,
      @Nullable String businessKey) {
    this(
        topicName,
        lockDurationMillis,
        variableNames,
        businessKey,
        Set.of(),
        Set.of(),
        Set.of(),
        Map.of(),
        false);
  }
}

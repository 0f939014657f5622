package io.bulwark.engine.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of a running instance's activity instance tree (Camunda's {@code ActivityInstance}): the
 * root stands for the process instance ({@code activityId} is the definition ID, {@code
 * activityType} {@code "processDefinition"}); below it one node per activity an execution is at,
 * nested under the embedded sub-process that contains it. {@code activityName} may be null.
 */
public record ActivityInstance(
    String id,
    @Nullable String parentActivityInstanceId,
    String activityId,
    String activityType,
    @Nullable String activityName,
    String processInstanceId,
    String processDefinitionId,
    List<String> executionIds,
    List<ActivityInstance> childActivityInstances) {

  public ActivityInstance {
    executionIds = List.copyOf(executionIds);
    childActivityInstances = List.copyOf(childActivityInstances);
  }
}

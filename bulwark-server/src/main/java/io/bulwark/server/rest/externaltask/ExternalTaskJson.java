package io.bulwark.server.rest.externaltask;

import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of Camunda 7's external task resource, as records Jackson reads and writes. */
final class ExternalTaskJson {

  /** Most topics one fetch may name (W11). */
  static final int MAX_TOPICS = 100;

  private ExternalTaskJson() {}

  /** Camunda's {@code FetchExternalTasksDto}. */
  record FetchExternalTasks(
      @Nullable String workerId,
      @Nullable Integer maxTasks,
      @Nullable Boolean usePriority,
      @Nullable Long asyncResponseTimeout,
      List<FetchTopic> topics,
      List<JsonNode> sorting) {

    FetchRequest toEngine() {
      if (workerId == null || workerId.isBlank()) {
        throw ValidationException.of("workerId", "required", "workerId is required");
      }
      if (maxTasks == null) {
        throw ValidationException.of("maxTasks", "required", "maxTasks is required");
      }
      if (sorting != null && !sorting.isEmpty()) {
        throw ValidationException.of(
            "sorting", "supported", "sorting is not supported; use usePriority");
      }
      List<FetchTopic> requested = topics == null ? List.of() : topics;
      if (requested.size() > MAX_TOPICS) {
        throw ValidationException.of(
            "topics", "max-count", "a fetch may name at most " + MAX_TOPICS + " topics (W11)");
      }
      List<TopicRequest> engineTopics = new ArrayList<>();
      for (FetchTopic topic : requested) {
        if (topic == null) {
          throw ValidationException.of("topics", "required", "a topic must be an object");
        }
        engineTopics.add(topic.toEngine());
      }
      return new FetchRequest(workerId, maxTasks, engineTopics, Boolean.TRUE.equals(usePriority));
    }
  }

  /** Camunda's {@code FetchExternalTaskTopicDto}. */
  record FetchTopic(
      @Nullable String topicName,
      @Nullable Long lockDuration,
      List<String> variables,
      @Nullable Boolean localVariables,
      @Nullable String businessKey,
      @Nullable String processDefinitionId,
      List<String> processDefinitionIdIn,
      @Nullable String processDefinitionKey,
      List<String> processDefinitionKeyIn,
      @Nullable String processDefinitionVersionTag,
      @Nullable Boolean withoutTenantId,
      List<String> tenantIdIn,
      Map<String, JsonNode> processVariables,
      @Nullable Boolean deserializeValues,
      @Nullable Boolean includeExtensionProperties) {

    TopicRequest toEngine() {
      if (topicName == null || topicName.isBlank()) {
        throw ValidationException.of("topicName", "required", "topicName is required");
      }
      if (lockDuration == null) {
        throw ValidationException.of("lockDuration", "required", "lockDuration is required");
      }
      if (processDefinitionVersionTag != null || Boolean.TRUE.equals(withoutTenantId)) {
        throw ValidationException.of(
            "topics",
            "supported",
            "processDefinitionVersionTag and withoutTenantId are not supported");
      }
      return new TopicRequest(
          topicName,
          lockDuration,
          variables,
          businessKey,
          merged(processDefinitionId, processDefinitionIdIn),
          merged(processDefinitionKey, processDefinitionKeyIn),
          merged(null, tenantIdIn),
          processVariableFilter(),
          Boolean.TRUE.equals(localVariables));
    }

    /** Camunda's filter takes plain JSON values (no typed value objects). */
    private Map<String, Object> processVariableFilter() {
      Map<String, Object> filter = new LinkedHashMap<>();
      if (processVariables == null) {
        return filter;
      }
      VariableJson.checkCount(processVariables.size());
      processVariables.forEach(
          (name, value) -> {
            VariableJson.checkName(name);
            filter.put(name, plain(name, value));
          });
      return filter;
    }

    private static @Nullable Object plain(String name, JsonNode value) {
      if (value == null || value.isNull()) {
        return null;
      } else if (value.isString()) {
        return value.asString();
      } else if (value.isBoolean()) {
        return value.asBoolean();
      } else if (value.isIntegralNumber() && value.canConvertToLong()) {
        return value.asLong();
      } else if (value.isNumber()) {
        return value.asDouble();
      }
      throw ValidationException.of(
          "processVariables." + name,
          "plain-value",
          "processVariables values must be strings, booleans or numbers");
    }

    private static Set<String> merged(@Nullable String one, @Nullable List<String> many) {
      Set<String> values = new LinkedHashSet<>();
      if (one != null) {
        values.add(one);
      }
      if (many != null) {
        values.addAll(many);
      }
      return values;
    }
  }

  /** Camunda's {@code LockedExternalTaskDto}; dates in Camunda's format. */
  record LockedTask(
      @Nullable String activityId,
      @Nullable String activityInstanceId,
      @Nullable String errorMessage,
      @Nullable String errorDetails,
      @Nullable String executionId,
      @Nullable String id,
      @Nullable String lockExpirationTime,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionVersionTag,
      @Nullable String processInstanceId,
      @Nullable String tenantId,
      @Nullable Integer retries,
      @Nullable String workerId,
      long priority,
      @Nullable String topicName,
      @Nullable String businessKey,
      Map<String, VariableValueJson> variables,
      Map<String, String> extensionProperties) {

    static LockedTask of(LockedExternalTask task) {
      return new LockedTask(
          task.activityId(),
          null,
          task.errorMessage(),
          null,
          task.executionId(),
          task.id(),
          VariableJson.DATE_FORMAT.format(task.lockExpirationTime()),
          task.processDefinitionId(),
          task.processDefinitionKey(),
          null,
          task.processInstanceId(),
          task.tenantId(),
          task.retries(),
          task.workerId(),
          task.priority(),
          task.topicName(),
          task.businessKey(),
          VariableJson.toCamunda(task.variables()),
          Map.of());
    }
  }

  /** Camunda's {@code CompleteExternalTaskDto}. */
  record Complete(
      @Nullable String workerId,
      Map<String, JsonNode> variables,
      Map<String, JsonNode> localVariables) {}

  /** Camunda's {@code ExternalTaskFailureDto}. */
  record Failure(
      @Nullable String workerId,
      @Nullable String errorMessage,
      @Nullable String errorDetails,
      @Nullable Integer retries,
      @Nullable Long retryTimeout,
      Map<String, JsonNode> variables,
      Map<String, JsonNode> localVariables) {}

  /** Camunda's {@code ExternalTaskBpmnError}. */
  record BpmnError(
      @Nullable String workerId,
      @Nullable String errorCode,
      @Nullable String errorMessage,
      Map<String, JsonNode> variables) {}

  /** Camunda's {@code ExtendLockOnExternalTaskDto}. */
  record ExtendLock(@Nullable String workerId, @Nullable Long newDuration) {}

  /** Camunda's {@code RetriesDto}. */
  record Retries(@Nullable Integer retries) {}

  static String requiredWorker(@Nullable String workerId) {
    if (workerId == null || workerId.isBlank()) {
      throw ValidationException.of("workerId", "required", "workerId is required");
    }
    return workerId;
  }
}

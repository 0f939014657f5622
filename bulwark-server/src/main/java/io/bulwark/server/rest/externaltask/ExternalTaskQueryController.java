package io.bulwark.server.rest.externaltask;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ExternalTaskFilter;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.ExternalTaskView;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.CamundaDates;
import io.bulwark.server.rest.ListParameters;
import io.bulwark.server.rest.Principals;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's external task queries: list and count (filters {@code externalTaskId}, {@code
 * topicName}, {@code workerId}, {@code locked}, {@code notLocked}, {@code withRetriesLeft}, {@code
 * noRetriesLeft}, {@code processInstanceId}, {@code executionId}, {@code activityId}, {@code
 * processDefinitionId}, {@code processDefinitionKey}; paging, W8), one task, and its error details
 * as text. Only tasks the caller may read ({@code EXTERNAL_TASK READ}); another's is "not found".
 */
@RestController
final class ExternalTaskQueryController {

  private final ExternalTaskService tasks;

  ExternalTaskQueryController(BulwarkEngine engine) {
    this.tasks = engine.externalTaskService();
  }

  /** Camunda's external task query parameters that Bulwark supports. */
  record Parameters(
      @Nullable String externalTaskId,
      @Nullable String topicName,
      @Nullable String workerId,
      @Nullable Boolean locked,
      @Nullable Boolean notLocked,
      @Nullable Boolean withRetriesLeft,
      @Nullable Boolean noRetriesLeft,
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String activityId,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    ExternalTaskFilter filter() {
      return new ExternalTaskFilter(
          externalTaskId,
          topicName,
          workerId,
          pair(locked, notLocked, "locked", "notLocked"),
          pair(noRetriesLeft, withRetriesLeft, "noRetriesLeft", "withRetriesLeft"),
          processInstanceId,
          executionId,
          activityId,
          processDefinitionId,
          processDefinitionKey);
    }

    /** Camunda's two flags for one condition: TRUE, FALSE or no condition. */
    private static @Nullable Boolean pair(
        @Nullable Boolean yes, @Nullable Boolean no, String yesName, String noName) {
      if (Boolean.TRUE.equals(yes) && Boolean.TRUE.equals(no)) {
        throw ValidationException.of(
            noName, "exclusive", yesName + " and " + noName + " exclude each other");
      }
      return Boolean.TRUE.equals(yes)
          ? Boolean.TRUE
          : Boolean.TRUE.equals(no) ? Boolean.FALSE : null;
    }
  }

  /** Camunda's {@code ExternalTaskDto}; dates in Camunda's format. */
  record ExternalTaskDto(
      @Nullable String activityId,
      @Nullable String activityInstanceId,
      @Nullable String errorMessage,
      @Nullable String executionId,
      @Nullable String id,
      @Nullable String lockExpirationTime,
      @Nullable String processDefinitionId,
      @Nullable String processDefinitionKey,
      @Nullable String processDefinitionVersionTag,
      @Nullable String processInstanceId,
      @Nullable String tenantId,
      @Nullable Integer retries,
      boolean suspended,
      @Nullable String workerId,
      @Nullable String topicName,
      long priority,
      @Nullable String businessKey,
      @Nullable String createTime) {

    static ExternalTaskDto of(ExternalTaskView task) {
      return new ExternalTaskDto(
          task.activityId(),
          null,
          task.errorMessage(),
          task.executionId(),
          task.id(),
          CamundaDates.format(task.lockExpirationTime()),
          task.processDefinitionId(),
          task.processDefinitionKey(),
          null,
          task.processInstanceId(),
          task.tenantId(),
          task.retries(),
          task.suspended(),
          task.workerId(),
          task.topicName(),
          task.priority(),
          task.businessKey(),
          CamundaDates.format(task.createTime()));
    }
  }

  /** Camunda's {@code CountResultDto}. */
  record Count(long count) {}

  @GetMapping(ExternalTaskController.BASE)
  List<ExternalTaskDto> list(Parameters parameters, Authentication authentication) {
    int first = ListParameters.firstResult(parameters.firstResult());
    Page<ExternalTaskView> page =
        tasks.findExternalTasks(
            Principals.of(authentication),
            parameters.filter(),
            first,
            ListParameters.maxResults(parameters.maxResults()));
    ListParameters.requireComplete(parameters.maxResults(), first, page.total());
    return page.items().stream().map(ExternalTaskDto::of).toList();
  }

  @GetMapping(ExternalTaskController.BASE + "/count")
  Count count(Parameters parameters, Authentication authentication) {
    return new Count(
        tasks.findExternalTasks(Principals.of(authentication), parameters.filter(), 0, 1).total());
  }

  @GetMapping(ExternalTaskController.BASE + "/{id}")
  ExternalTaskDto get(@PathVariable String id, Authentication authentication) {
    return tasks
        .findExternalTasks(Principals.of(authentication), ExternalTaskFilter.byId(id), 0, 1)
        .items()
        .stream()
        .findFirst()
        .map(ExternalTaskDto::of)
        .orElseThrow(() -> new NotFoundException("external task " + id + " not found"));
  }

  @GetMapping(ExternalTaskController.BASE + "/{id}/errorDetails")
  ResponseEntity<String> errorDetails(@PathVariable String id, Authentication authentication) {
    Optional<String> details = tasks.getErrorDetails(Principals.of(authentication), id);
    return details
        .map(text -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }
}

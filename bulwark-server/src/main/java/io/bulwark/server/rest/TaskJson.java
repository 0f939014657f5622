package io.bulwark.server.rest;

import io.bulwark.engine.api.TaskComment;
import io.bulwark.engine.api.TaskIdentityLink;
import io.bulwark.engine.api.TaskView;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON shapes of Camunda 7's task resource. Bulwark has no case management, sub-tasks,
 * descriptions or task suspension: those members are answered null (or {@code false}).
 */
final class TaskJson {

  private TaskJson() {}

  /** Camunda's {@code TaskDto}. */
  record Task(
      @Nullable String id,
      @Nullable String name,
      @Nullable String assignee,
      @Nullable String owner,
      @Nullable String created,
      @Nullable String lastUpdated,
      @Nullable String due,
      @Nullable String followUp,
      @Nullable String delegationState,
      @Nullable String description,
      @Nullable String executionId,
      @Nullable String parentTaskId,
      int priority,
      @Nullable String processDefinitionId,
      @Nullable String processInstanceId,
      @Nullable String caseExecutionId,
      @Nullable String caseDefinitionId,
      @Nullable String caseInstanceId,
      @Nullable String taskDefinitionKey,
      boolean suspended,
      @Nullable String formKey,
      @Nullable Object camundaFormRef,
      @Nullable String tenantId) {

    /** This task with Camunda's {@code camundaFormRef} set. */
    Task withCamundaFormRef(FormRef ref) {
      return new Task(
          id,
          name,
          assignee,
          owner,
          created,
          lastUpdated,
          due,
          followUp,
          delegationState,
          description,
          executionId,
          parentTaskId,
          priority,
          processDefinitionId,
          processInstanceId,
          caseExecutionId,
          caseDefinitionId,
          caseInstanceId,
          taskDefinitionKey,
          suspended,
          formKey,
          ref,
          tenantId);
    }

    static Task of(TaskView t) {
      return new Task(
          t.id(),
          t.name(),
          t.assignee(),
          t.owner(),
          CamundaDates.format(t.createdAt()),
          null,
          CamundaDates.format(t.dueDate()),
          CamundaDates.format(t.followUpDate()),
          t.delegationState(),
          null,
          t.executionId(),
          null,
          t.priority(),
          t.processDefinitionId(),
          t.processInstanceId(),
          null,
          null,
          null,
          t.taskDefinitionKey(),
          t.suspended(),
          t.formKey(),
          null,
          t.tenantId());
    }
  }

  /**
   * Camunda's {@code camundaFormRef}: the form id, the binding (latest, deployment, version) and,
   * for binding version, the version.
   */
  record FormRef(@Nullable String key, @Nullable String binding, @Nullable Integer version) {
    static FormRef of(io.bulwark.engine.api.CamundaFormView form) {
      return new FormRef(
          form.formId(), form.binding(), "version".equals(form.binding()) ? form.version() : null);
    }
  }

  /** The body of claim, assignee and delegate: {@code {"userId": …}}. */
  record UserId(@Nullable String userId) {}

  /**
   * The body of complete, submit-form and resolve: Camunda's typed variables, and whether to answer
   * with the instance's variables.
   */
  record Completion(Map<String, JsonNode> variables, @Nullable Boolean withVariablesInReturn) {
    boolean variablesInReturn() {
      return Boolean.TRUE.equals(withVariablesInReturn);
    }
  }

  /** Camunda's {@code PatchVariablesDto} of {@code POST /task/{id}/variables}. */
  record Modifications(Map<String, JsonNode> modifications, List<String> deletions) {}

  /**
   * Camunda's {@code FormDto}: the form key; Bulwark serves no embedded forms (no context path).
   */
  record Form(@Nullable String key, @Nullable String contextPath) {}

  /** Camunda's {@code IdentityLinkDto}. */
  record IdentityLink(@Nullable String userId, @Nullable String groupId, @Nullable String type) {
    static IdentityLink of(TaskIdentityLink link) {
      return new IdentityLink(link.userId(), link.groupId(), link.type());
    }

    TaskIdentityLink toEngine() {
      return new TaskIdentityLink(userId, groupId, type);
    }
  }

  /** The body of {@code POST /task/{id}/comment/create}. */
  record NewComment(@Nullable String message) {}

  /** Camunda's {@code AtomLink} of a created resource. */
  record Link(@Nullable String method, @Nullable String href, @Nullable String rel) {}

  /** Camunda's {@code CommentDto}; {@code links} only on creation. */
  record Comment(
      @Nullable String id,
      @Nullable String userId,
      @Nullable String taskId,
      @Nullable String processInstanceId,
      @Nullable String time,
      @Nullable String message,
      @Nullable String removalTime,
      @Nullable String rootProcessInstanceId,
      List<Link> links) {

    static Comment of(TaskComment c, List<Link> links) {
      return new Comment(
          c.id(),
          c.userId(),
          c.taskId(),
          c.processInstanceId(),
          CamundaDates.format(c.time()),
          c.message(),
          null,
          null,
          links);
    }
  }
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.TaskComment;
import io.bulwark.engine.api.TaskIdentityLink;
import io.bulwark.engine.api.TaskView;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON shapes of Camunda 7's task resource. Bulwark has no case management, sub-tasks,
 * descriptions or task suspension: those members are answered null (or {@code false}).
 */
final class TaskJson {

  private TaskJson() {}

  /** Camunda's {@code TaskDto}. */
  record Task(
      String id,
      String name,
      String assignee,
      String owner,
      String created,
      String lastUpdated,
      String due,
      String followUp,
      String delegationState,
      String description,
      String executionId,
      String parentTaskId,
      int priority,
      String processDefinitionId,
      String processInstanceId,
      String caseExecutionId,
      String caseDefinitionId,
      String caseInstanceId,
      String taskDefinitionKey,
      boolean suspended,
      String formKey,
      Object camundaFormRef,
      String tenantId) {

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
  record FormRef(String key, String binding, Integer version) {
    static FormRef of(io.bulwark.engine.api.CamundaFormView form) {
      return new FormRef(
          form.formId(), form.binding(), "version".equals(form.binding()) ? form.version() : null);
    }
  }

  /** The body of claim, assignee and delegate: {@code {"userId": …}}. */
  record UserId(String userId) {}

  /**
   * The body of complete, submit-form and resolve: Camunda's typed variables, and whether to answer
   * with the instance's variables.
   */
  record Completion(Map<String, JsonNode> variables, Boolean withVariablesInReturn) {
    boolean variablesInReturn() {
      return Boolean.TRUE.equals(withVariablesInReturn);
    }
  }

  /** Camunda's {@code PatchVariablesDto} of {@code POST /task/{id}/variables}. */
  record Modifications(Map<String, JsonNode> modifications, List<String> deletions) {}

  /**
   * Camunda's {@code FormDto}: the form key; Bulwark serves no embedded forms (no context path).
   */
  record Form(String key, String contextPath) {}

  /** Camunda's {@code IdentityLinkDto}. */
  record IdentityLink(String userId, String groupId, String type) {
    static IdentityLink of(TaskIdentityLink link) {
      return new IdentityLink(link.userId(), link.groupId(), link.type());
    }

    TaskIdentityLink toEngine() {
      return new TaskIdentityLink(userId, groupId, type);
    }
  }

  /** The body of {@code POST /task/{id}/comment/create}. */
  record NewComment(String message) {}

  /** Camunda's {@code AtomLink} of a created resource. */
  record Link(String method, String href, String rel) {}

  /** Camunda's {@code CommentDto}; {@code links} only on creation. */
  record Comment(
      String id,
      String userId,
      String taskId,
      String processInstanceId,
      String time,
      String message,
      String removalTime,
      String rootProcessInstanceId,
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

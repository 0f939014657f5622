package io.bulwark.server.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulwark.engine.api.ActivityInstance;
import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentResource;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of Camunda 7's deployment, process definition and process instance resources, as
 * records that Jackson writes. Members Bulwark has no value for are answered as Camunda answers an
 * unset one ({@code null}, {@code false}); {@code links} is always empty.
 */
final class EngineJson {

  private EngineJson() {}

  static String date(Instant instant) {
    return instant == null ? null : VariableJson.DATE_FORMAT.format(instant);
  }

  /** Camunda's {@code DeploymentDto}. */
  record DeploymentJson(
      List<Object> links,
      String id,
      String name,
      String source,
      String deploymentTime,
      String tenantId) {

    static DeploymentJson of(Deployment d) {
      return new DeploymentJson(
          List.of(), d.id(), d.name(), null, date(d.deploymentTime()), d.tenantId());
    }
  }

  /** Camunda's {@code DeploymentWithDefinitionsDto}, the answer of {@code /deployment/create}. */
  record DeploymentWithDefinitionsJson(
      List<Object> links,
      String id,
      String name,
      String source,
      String deploymentTime,
      String tenantId,
      Map<String, ProcessDefinitionJson> deployedProcessDefinitions,
      Map<String, Object> deployedCaseDefinitions,
      Map<String, DecisionJson.DefinitionJson> deployedDecisionDefinitions,
      Map<String, Object> deployedDecisionRequirementsDefinitions) {}

  /** Camunda's {@code DeploymentResourceDto}. */
  record ResourceJson(String id, String name, String deploymentId) {
    static ResourceJson of(DeploymentResource r) {
      return new ResourceJson(r.id(), r.name(), r.deploymentId());
    }
  }

  /** Camunda's {@code ProcessDefinitionDto}. */
  record ProcessDefinitionJson(
      String id,
      String key,
      String category,
      String description,
      String name,
      int version,
      String resource,
      String deploymentId,
      String diagram,
      boolean suspended,
      String tenantId,
      String versionTag,
      Integer historyTimeToLive,
      boolean startableInTasklist) {

    static ProcessDefinitionJson of(ProcessDefinition d) {
      return new ProcessDefinitionJson(
          d.id(),
          d.key(),
          null,
          null,
          d.name(),
          d.version(),
          d.resourceName(),
          d.deploymentId(),
          null,
          d.suspended(),
          d.tenantId(),
          null,
          null,
          true);
    }
  }

  /**
   * Camunda's {@code ActivityInstanceDto}; Bulwark has no transition instances and answers
   * incidents through the incident resource, so those lists are empty; {@code name} repeats {@code
   * activityName} as Camunda does.
   */
  record ActivityInstanceJson(
      String id,
      String parentActivityInstanceId,
      String activityId,
      String activityType,
      String processInstanceId,
      String processDefinitionId,
      List<ActivityInstanceJson> childActivityInstances,
      List<Object> childTransitionInstances,
      List<String> executionIds,
      String activityName,
      String name,
      List<String> incidentIds,
      List<Object> incidents) {

    static ActivityInstanceJson of(ActivityInstance a) {
      return new ActivityInstanceJson(
          a.id(),
          a.parentActivityInstanceId(),
          a.activityId(),
          a.activityType(),
          a.processInstanceId(),
          a.processDefinitionId(),
          a.childActivityInstances().stream().map(ActivityInstanceJson::of).toList(),
          List.of(),
          a.executionIds(),
          a.activityName(),
          a.activityName(),
          List.of(),
          List.of());
    }
  }

  /** Camunda's {@code ProcessDefinitionDiagramDto}: the answer of {@code …/xml}. */
  record DiagramJson(String id, String bpmn20Xml) {}

  /** Camunda's {@code ProcessInstanceDto} / {@code ProcessInstanceWithVariablesDto}. */
  record ProcessInstanceJson(
      List<Object> links,
      String id,
      String definitionId,
      String definitionKey,
      String businessKey,
      String caseInstanceId,
      boolean ended,
      boolean suspended,
      String tenantId,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, VariableValueJson> variables) {

    static ProcessInstanceJson of(ProcessInstanceView p) {
      return new ProcessInstanceJson(
          List.of(),
          p.id(),
          p.processDefinitionId(),
          p.processDefinitionKey(),
          p.businessKey(),
          null,
          false,
          p.suspended(),
          p.tenantId(),
          null);
    }

    static ProcessInstanceJson started(
        ProcessInstance p, String tenantId, Map<String, VariableValueJson> variables) {
      return new ProcessInstanceJson(
          List.of(),
          p.id(),
          p.processDefinitionId(),
          p.processDefinitionKey(),
          p.businessKey(),
          null,
          p.ended(),
          false,
          tenantId,
          variables);
    }
  }
}

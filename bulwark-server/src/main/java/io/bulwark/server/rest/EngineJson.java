package io.bulwark.server.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulwark.engine.api.ActivityInstance;
import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentResource;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of Camunda 7's deployment, process definition and process instance resources, as
 * records that Jackson writes. Members Bulwark has no value for are answered as Camunda answers an
 * unset one ({@code null}, {@code false}); {@code links} is always empty.
 */
final class EngineJson {

  private EngineJson() {}

  /** Camunda's {@code DeploymentDto}. */
  record DeploymentJson(
      @Nullable List<Object> links,
      @Nullable String id,
      @Nullable String name,
      @Nullable String source,
      @Nullable String deploymentTime,
      @Nullable String tenantId) {

    static DeploymentJson of(Deployment d) {
      return new DeploymentJson(
          List.of(), d.id(), d.name(), null, CamundaDates.format(d.deploymentTime()), d.tenantId());
    }
  }

  /** Camunda's {@code DeploymentWithDefinitionsDto}, the answer of {@code /deployment/create}. */
  record DeploymentWithDefinitionsJson(
      @Nullable List<Object> links,
      @Nullable String id,
      @Nullable String name,
      @Nullable String source,
      @Nullable String deploymentTime,
      @Nullable String tenantId,
      @Nullable Map<String, ProcessDefinitionJson> deployedProcessDefinitions,
      @Nullable Map<String, Object> deployedCaseDefinitions,
      @Nullable Map<String, DecisionJson.DefinitionJson> deployedDecisionDefinitions,
      @Nullable Map<String, Object> deployedDecisionRequirementsDefinitions) {}

  /** Camunda's {@code DeploymentResourceDto}. */
  record ResourceJson(@Nullable String id, @Nullable String name, @Nullable String deploymentId) {
    static ResourceJson of(DeploymentResource r) {
      return new ResourceJson(r.id(), r.name(), r.deploymentId());
    }
  }

  /** Camunda's {@code ProcessDefinitionDto}. */
  record ProcessDefinitionJson(
      @Nullable String id,
      @Nullable String key,
      @Nullable String category,
      @Nullable String description,
      @Nullable String name,
      int version,
      @Nullable String resource,
      @Nullable String deploymentId,
      @Nullable String diagram,
      boolean suspended,
      @Nullable String tenantId,
      @Nullable String versionTag,
      @Nullable Integer historyTimeToLive,
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
      @Nullable String id,
      @Nullable String parentActivityInstanceId,
      @Nullable String activityId,
      @Nullable String activityType,
      @Nullable String processInstanceId,
      @Nullable String processDefinitionId,
      @Nullable List<ActivityInstanceJson> childActivityInstances,
      @Nullable List<Object> childTransitionInstances,
      @Nullable List<String> executionIds,
      @Nullable String activityName,
      @Nullable String name,
      @Nullable List<String> incidentIds,
      @Nullable List<Object> incidents) {

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
  record DiagramJson(@Nullable String id, @Nullable String bpmn20Xml) {}

  /** Camunda's {@code ProcessInstanceDto} / {@code ProcessInstanceWithVariablesDto}. */
  record ProcessInstanceJson(
      @Nullable List<Object> links,
      @Nullable String id,
      @Nullable String definitionId,
      @Nullable String definitionKey,
      @Nullable String businessKey,
      @Nullable String caseInstanceId,
      boolean ended,
      boolean suspended,
      @Nullable String tenantId,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Nullable Map<String, VariableValueJson> variables) {

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
        ProcessInstance p,
        @Nullable String tenantId,
        @Nullable Map<String, VariableValueJson> variables) {
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

package io.bulwark.engine.api;

import java.util.Optional;

/** Deployments and process definitions. Every method takes the acting principal (Z2). */
public interface RepositoryService {

  /**
   * Deploys BPMN resources: parses them (hardened, E1/E2), skips an unchanged redeployment of the
   * same name, and gives each process key its next version.
   */
  DeploymentResult deploy(Principal principal, DeploymentRequest request);

  /** The definition with this id. */
  ProcessDefinition getProcessDefinition(Principal principal, String processDefinitionId);

  /** The latest version of a process key. */
  ProcessDefinition getLatestProcessDefinition(Principal principal, String key);

  /** A page of the deployments the principal may read (DEPLOYMENT READ) and their total (W8). */
  Page<Deployment> findDeployments(Principal principal, DeploymentQuery query);

  /** One deployment; not found also when the principal may not read it (Z2). */
  Deployment getDeployment(Principal principal, String deploymentId);

  /** The resources of a deployment, by name; not found when the deployment is not readable. */
  java.util.List<DeploymentResource> getDeploymentResources(
      Principal principal, String deploymentId);

  /** One resource of a deployment with its bytes; not found when not readable. */
  ResourceData getDeploymentResource(Principal principal, String deploymentId, String resourceId);

  /**
   * Deletes a deployment, its resources and definitions (DEPLOYMENT DELETE); running instances of
   * its definitions are cancelled or make it a conflict, as {@code deletion} says.
   */
  void deleteDeployment(Principal principal, String deploymentId, DeploymentDeletion deletion);

  /**
   * A page of the process definitions the principal may read (PROCESS_DEFINITION READ, by key) and
   * their total (W8).
   */
  Page<ProcessDefinition> findProcessDefinitions(Principal principal, ProcessDefinitionQuery query);

  /**
   * Suspends or activates a process definition or every version of a key (UPDATE on the key; not
   * found when not readable, Z2): a suspended definition cannot be started and its timer start
   * events do not fire; with {@code includeProcessInstances} its running instances are suspended or
   * activated too, each checked as {@link RuntimeService#setSuspension} checks it.
   */
  void setProcessDefinitionSuspension(Principal principal, DefinitionSuspension suspension);

  /** The BPMN XML a definition was deployed from; not found when not readable (Z2). */
  ResourceData getProcessDefinitionXml(Principal principal, String processDefinitionId);

  /**
   * The PNG diagram deployed beside a definition's BPMN resource ({@code <base>.<key>.png} or
   * {@code <base>.png}, as Camunda names it); empty when there is none, not found when the
   * definition is not readable (Z2).
   */
  Optional<ResourceData> getProcessDiagram(Principal principal, String processDefinitionId);

  /**
   * The latest version of every process the principal may start (START_INSTANCE on its key), sorted
   * by name, then key; a page of them with their total count (W8). Suspended versions are left out.
   */
  Page<ProcessDefinition> findStartableProcessDefinitions(
      Principal principal, int firstResult, int maxResults);

  /**
   * Parses a fixed set of hostile models (external entities, entity expansion, deep nesting,
   * expressions reaching Java, scripts) with this engine's own parser and settings, stores nothing,
   * and tells for each whether it was refused (E1, E2, E3). The hardening audit runs it as live
   * proof that deployments are parsed safely; needs no permission, as it reads and writes no data.
   */
  java.util.List<HostileModelOutcome> selfTestModelPolicy();
}

package io.bulwark.engine.api;

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

  /**
   * The latest version of every process the principal may start (START_INSTANCE on its key), sorted
   * by name, then key; a page of them with their total count (W8). Suspended versions are left out.
   */
  Page<ProcessDefinition> findStartableProcessDefinitions(
      Principal principal, int firstResult, int maxResults);

  /** The BPMN XML the definition was deployed from. Needs READ on the definition. */
  String getProcessModelXml(Principal principal, String processDefinitionId);
}

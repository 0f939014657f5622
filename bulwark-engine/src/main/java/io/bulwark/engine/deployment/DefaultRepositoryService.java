package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DefinitionSuspension;
import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.DeploymentQuery;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResource;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.HostileModelOutcome;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.runtime.ProcessRuntime;
import java.util.List;
import java.util.Optional;

/** The repository service over the command executor. Thread-safe. */
public final class DefaultRepositoryService implements RepositoryService {

  private final CommandExecutor executor;
  private final ProcessRuntime runtime;

  public DefaultRepositoryService(CommandExecutor executor, ProcessRuntime runtime) {
    this.executor = executor;
    this.runtime = runtime;
  }

  @Override
  public DeploymentResult deploy(Principal principal, DeploymentRequest request) {
    return executor.execute(executor.actorOf(principal), new DeployCommand(runtime, request));
  }

  @Override
  public ProcessDefinition getProcessDefinition(Principal principal, String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal), GetProcessDefinitionCommand.byId(processDefinitionId));
  }

  @Override
  public void setProcessDefinitionSuspension(Principal principal, DefinitionSuspension suspension) {
    executor.execute(
        executor.actorOf(principal), new SuspendProcessDefinitionCommand(runtime, suspension));
  }

  @Override
  public ProcessDefinition getLatestProcessDefinition(Principal principal, String key) {
    return executor.execute(executor.actorOf(principal), GetProcessDefinitionCommand.latestOf(key));
  }

  @Override
  public Page<Deployment> findDeployments(Principal principal, DeploymentQuery query) {
    return executor.execute(executor.actorOf(principal), new FindDeploymentsCommand(query));
  }

  @Override
  public Deployment getDeployment(Principal principal, String deploymentId) {
    return executor.execute(executor.actorOf(principal), new GetDeploymentCommand(deploymentId));
  }

  @Override
  public List<DeploymentResource> getDeploymentResources(Principal principal, String deploymentId) {
    return executor.execute(
        executor.actorOf(principal), new ListDeploymentResourcesCommand(deploymentId));
  }

  @Override
  public ResourceData getDeploymentResource(
      Principal principal, String deploymentId, String resourceId) {
    return executor.execute(
        executor.actorOf(principal), ReadResourceCommand.of(deploymentId, resourceId));
  }

  @Override
  public void deleteDeployment(
      Principal principal, String deploymentId, DeploymentDeletion deletion) {
    executor.execute(
        executor.actorOf(principal), new DeleteDeploymentCommand(runtime, deploymentId, deletion));
  }

  @Override
  public Page<ProcessDefinition> findProcessDefinitions(
      Principal principal, ProcessDefinitionQuery query) {
    return executor.execute(executor.actorOf(principal), new FindProcessDefinitionsCommand(query));
  }

  @Override
  public ResourceData getProcessDefinitionXml(Principal principal, String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal), ReadResourceCommand.xmlOf(processDefinitionId));
  }

  @Override
  public Optional<ResourceData> getProcessDiagram(Principal principal, String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal), new ReadDiagramCommand(processDefinitionId));
  }

  @Override
  public Page<ProcessDefinition> findStartableProcessDefinitions(
      Principal principal, int firstResult, int maxResults) {
    return executor.execute(
        executor.actorOf(principal), new FindStartableDefinitionsCommand(firstResult, maxResults));
  }

  @Override
  public List<HostileModelOutcome> selfTestModelPolicy() {
    return ModelPolicySelfTest.of(runtime.definitions().options()).run();
  }
}

package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.runtime.ProcessRuntime;

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
  public ProcessDefinition getLatestProcessDefinition(Principal principal, String key) {
    return executor.execute(executor.actorOf(principal), GetProcessDefinitionCommand.latestOf(key));
  }

  @Override
  public Page<ProcessDefinition> findStartableProcessDefinitions(
      Principal principal, int firstResult, int maxResults) {
    return executor.execute(
        executor.actorOf(principal), new FindStartableDefinitionsCommand(firstResult, maxResults));
  }

  @Override
  public String getProcessModelXml(Principal principal, String processDefinitionId) {
    return executor.execute(
        executor.actorOf(principal), new GetProcessModelCommand(processDefinitionId));
  }
}

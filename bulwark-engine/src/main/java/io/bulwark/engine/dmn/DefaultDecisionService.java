package io.bulwark.engine.dmn;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionDefinitionQuery;
import io.bulwark.engine.api.DecisionEvaluation;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ResourceData;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.variable.JavaValues;
import io.bulwark.engine.variable.VariableValues;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The decision service over the command executor. Thread-safe. */
public final class DefaultDecisionService implements DecisionService {

  private final CommandExecutor executor;
  private final Decisions decisions;
  private final VariableValues values;
  private final JavaValues javaValues;

  public DefaultDecisionService(
      CommandExecutor executor, Decisions decisions, VariableValues values, JavaValues javaValues) {
    this.executor = executor;
    this.decisions = decisions;
    this.values = values;
    this.javaValues = javaValues;
  }

  @Override
  public Page<DecisionDefinition> findDecisionDefinitions(
      Principal principal, DecisionDefinitionQuery query) {
    return executor.execute(executor.actorOf(principal), new FindDecisionDefinitionsCommand(query));
  }

  @Override
  public DecisionDefinition getDecisionDefinition(Principal principal, String definitionId) {
    return executor.execute(
        executor.actorOf(principal), new GetDecisionDefinitionCommand(definitionId, null, null));
  }

  @Override
  public DecisionDefinition getLatestDecisionDefinition(
      Principal principal, String key, @Nullable String tenantId) {
    return executor.execute(
        executor.actorOf(principal), new GetDecisionDefinitionCommand(null, key, tenantId));
  }

  @Override
  public ResourceData getDecisionDefinitionXml(Principal principal, String definitionId) {
    return executor.execute(executor.actorOf(principal), new ReadDecisionXmlCommand(definitionId));
  }

  @Override
  public List<Map<String, @Nullable Object>> evaluate(
      Principal principal, DecisionEvaluation evaluation) {
    return executor.execute(
        executor.actorOf(principal),
        new EvaluateDecisionCommand(decisions, values, javaValues, evaluation));
  }

  @Override
  public Page<HistoricDecisionInstance> findHistoricDecisionInstances(
      Principal principal, HistoricDecisionInstanceQuery query) {
    return executor.execute(
        executor.actorOf(principal), new FindHistoricDecisionInstancesCommand(javaValues, query));
  }

  @Override
  public HistoricDecisionInstance getHistoricDecisionInstance(
      Principal principal, String id, HistoricDecisionInstanceQuery.Details details) {
    return findHistoricDecisionInstances(principal, HistoricDecisionInstanceQuery.byId(id, details))
        .items()
        .stream()
        .findFirst()
        // Z3: one the principal may not read is answered like one that does not exist.
        .orElseThrow(
            () -> new NotFoundException("historic decision instance " + id + " not found"));
  }
}

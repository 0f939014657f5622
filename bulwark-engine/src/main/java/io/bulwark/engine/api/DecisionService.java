package io.bulwark.engine.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deployed DMN decisions: listing, reading and evaluating them outside a process, as Camunda's
 * decision definition API does. Every method takes the acting principal (Z2); a definition the
 * principal may not read (DECISION_DEFINITION READ on its key, and its tenant) is not found.
 */
public interface DecisionService {

  /** A page of the decision definitions the principal may read and their total (W8). */
  Page<DecisionDefinition> findDecisionDefinitions(
      Principal principal, DecisionDefinitionQuery query);

  /** The definition with this ID; not found when not readable (Z2). */
  DecisionDefinition getDecisionDefinition(Principal principal, String definitionId);

  /**
   * The latest version of a key (in one tenant when {@code tenantId} is given); not found when not
   * readable, 400 when several tenants deploy the key and none is named.
   */
  DecisionDefinition getLatestDecisionDefinition(
      Principal principal, String key, @Nullable String tenantId);

  /** The DMN XML a definition was deployed from; not found when not readable (Z2). */
  ResourceData getDecisionDefinitionXml(Principal principal, String definitionId);

  /**
   * Evaluates a decision with the given inputs (needs READ, else not found, and START_INSTANCE on
   * its key, Camunda's CREATE_INSTANCE): one map of output name to value per matched rule, as
   * Camunda's result list. Inputs break the variable limits (W11) or the decision fails with them
   * (a UNIQUE table with two matches, an input that does not fit its type): 400 naming the reason.
   */
  List<Map<String, @Nullable Object>> evaluate(Principal principal, DecisionEvaluation evaluation);

  /**
   * A page of the decision history and its total (W8): decisions whose definition key the principal
   * holds READ_HISTORY on (and its tenant), and, for those evaluated in a process instance, whose
   * instance history the principal may read (Z2, Z3).
   */
  Page<HistoricDecisionInstance> findHistoricDecisionInstances(
      Principal principal, HistoricDecisionInstanceQuery query);

  /**
   * One decision instance with the values {@code details} asks for; not found when it does not
   * exist or the principal may not read it (Z3).
   */
  HistoricDecisionInstance getHistoricDecisionInstance(
      Principal principal, String id, HistoricDecisionInstanceQuery.Details details);
}

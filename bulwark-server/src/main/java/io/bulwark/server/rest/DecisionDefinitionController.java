package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DecisionDefinitionQuery;
import io.bulwark.engine.api.DecisionEvaluation;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.server.rest.DecisionJson.DefinitionJson;
import io.bulwark.server.rest.DecisionJson.DiagramJson;
import io.bulwark.server.rest.DecisionJson.EvaluateJson;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's decision definition resource under {@code /engine-rest/decision-definition}: list,
 * count, get by id or key (latest, per tenant), the DMN XML, and evaluating a decision with typed
 * input variables (START_INSTANCE, Camunda's CREATE_INSTANCE, on the key). A definition the caller
 * may not read (DECISION_DEFINITION READ) is not found (Z2, Z3).
 */
@RestController
final class DecisionDefinitionController {

  static final String PATH = RestPaths.BASE + "/decision-definition";
  private static final String BY_KEY = PATH + "/key/{key}";
  private static final String BY_TENANT = BY_KEY + "/tenant-id/{tenantId}";

  private static final Map<String, DecisionDefinitionQuery.Sort> SORT_KEYS =
      Map.of(
          "id", DecisionDefinitionQuery.Sort.ID,
          "key", DecisionDefinitionQuery.Sort.KEY,
          "name", DecisionDefinitionQuery.Sort.NAME,
          "version", DecisionDefinitionQuery.Sort.VERSION,
          "deploymentId", DecisionDefinitionQuery.Sort.DEPLOYMENT_ID,
          "tenantId", DecisionDefinitionQuery.Sort.TENANT_ID);

  private static final Set<String> FILTERS =
      Set.of(
          "decisionDefinitionId",
          "decisionDefinitionIdIn",
          "key",
          "keyLike",
          "name",
          "nameLike",
          "version",
          "latestVersion",
          "deploymentId",
          "tenantIdIn");

  private final DecisionService decisions;

  DecisionDefinitionController(BulwarkEngine engine) {
    this.decisions = engine.decisionService();
  }

  @GetMapping(PATH)
  List<DefinitionJson> list(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FILTERS);
    DecisionDefinitionQuery query =
        query(input)
            .page(
                ListParameters.firstResult(input.firstResult()),
                ListParameters.maxResults(input.maxResults()));
    Page<DecisionDefinition> page =
        decisions.findDecisionDefinitions(Principals.of(authentication), query);
    ListParameters.requireComplete(input.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(DefinitionJson::of).toList();
  }

  @GetMapping(PATH + "/count")
  Count count(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FILTERS);
    return new Count(
        decisions
            .findDecisionDefinitions(Principals.of(authentication), query(input).page(0, 1))
            .total());
  }

  @GetMapping(PATH + "/{id}")
  DefinitionJson get(@PathVariable String id, Authentication authentication) {
    return DefinitionJson.of(decisions.getDecisionDefinition(Principals.of(authentication), id));
  }

  @GetMapping(BY_KEY)
  DefinitionJson getByKey(@PathVariable String key, Authentication authentication) {
    return DefinitionJson.of(latest(key, null, authentication));
  }

  @GetMapping(BY_TENANT)
  DefinitionJson getByKeyAndTenant(
      @PathVariable String key, @PathVariable String tenantId, Authentication authentication) {
    return DefinitionJson.of(latest(key, tenantId, authentication));
  }

  @GetMapping(PATH + "/{id}/xml")
  DiagramJson xml(@PathVariable String id, Authentication authentication) {
    return new DiagramJson(
        id,
        new String(
            decisions.getDecisionDefinitionXml(Principals.of(authentication), id).bytes(),
            StandardCharsets.UTF_8));
  }

  @GetMapping(BY_KEY + "/xml")
  DiagramJson xmlByKey(@PathVariable String key, Authentication authentication) {
    return xml(latest(key, null, authentication).id(), authentication);
  }

  @GetMapping(BY_TENANT + "/xml")
  DiagramJson xmlByKeyAndTenant(
      @PathVariable String key, @PathVariable String tenantId, Authentication authentication) {
    return xml(latest(key, tenantId, authentication).id(), authentication);
  }

  @PostMapping(PATH + "/{id}/evaluate")
  List<Map<String, VariableValueJson>> evaluate(
      @PathVariable String id,
      @RequestBody(required = false) EvaluateJson body,
      Authentication authentication) {
    return evaluate(DecisionEvaluation.byId(id, inputs(body)), authentication);
  }

  @PostMapping(BY_KEY + "/evaluate")
  List<Map<String, VariableValueJson>> evaluateByKey(
      @PathVariable String key,
      @RequestBody(required = false) EvaluateJson body,
      Authentication authentication) {
    return evaluate(DecisionEvaluation.byKey(key, null, inputs(body)), authentication);
  }

  @PostMapping(BY_TENANT + "/evaluate")
  List<Map<String, VariableValueJson>> evaluateByKeyAndTenant(
      @PathVariable String key,
      @PathVariable String tenantId,
      @RequestBody(required = false) EvaluateJson body,
      Authentication authentication) {
    return evaluate(DecisionEvaluation.byKey(key, tenantId, inputs(body)), authentication);
  }

  private List<Map<String, VariableValueJson>> evaluate(
      DecisionEvaluation evaluation, Authentication authentication) {
    return DecisionJson.results(decisions.evaluate(Principals.of(authentication), evaluation));
  }

  private static Map<String, Object> inputs(EvaluateJson body) {
    return VariableJson.toEngine(body == null ? null : body.variables());
  }

  private DecisionDefinition latest(
      String key, @Nullable String tenantId, Authentication authentication) {
    return decisions.getLatestDecisionDefinition(Principals.of(authentication), key, tenantId);
  }

  /** Camunda's decision definition filters that Bulwark serves; any other is a 400. */
  private static DecisionDefinitionQuery query(QueryInput input) {
    var sorting = input.sorting(SORT_KEYS);
    return new DecisionDefinitionQuery(
        input.text("decisionDefinitionId"),
        input.list("decisionDefinitionIdIn"),
        input.text("key"),
        input.text("keyLike"),
        input.text("name"),
        input.text("nameLike"),
        input.integer("version"),
        input.flag("latestVersion"),
        input.text("deploymentId"),
        input.list("tenantIdIn"),
        sorting.isEmpty() ? DecisionDefinitionQuery.Sort.KEY : sorting.get(0).key(),
        sorting.isEmpty() ? SortOrder.ASC : sorting.get(0).order(),
        0,
        ListParameters.MAX_RESULTS);
  }
}

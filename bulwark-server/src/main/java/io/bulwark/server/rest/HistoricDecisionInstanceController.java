package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.HistoricDecisionInstance;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery;
import io.bulwark.engine.api.HistoricDecisionInstanceQuery.Details;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.server.rest.DecisionHistoryJson.InstanceJson;
import io.bulwark.server.rest.IdentityJson.Count;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's {@code /history/decision-instance} list, count and get: evaluated decisions whose key
 * the caller holds READ_HISTORY on and, for those of a process instance, whose instance history the
 * caller may read (Z2, Z3), filtered and paged in SQL (W8). Filters {@code decisionInstanceId},
 * {@code decisionDefinitionId}, {@code decisionDefinitionKey}, {@code processInstanceId}, {@code
 * processDefinitionKey}, {@code activityIdIn}, {@code tenantIdIn}, {@code evaluatedBefore}/{@code
 * After}; {@code includeInputs}/{@code includeOutputs}; sort by {@code evaluationTime} or {@code
 * tenantId}. Others are refused (400); one the caller may not read is not found (404).
 */
@RestController
final class HistoricDecisionInstanceController {

  private static final String PATH = RestPaths.BASE + "/history/decision-instance";

  private static final Set<String> FILTERS =
      Set.of(
          "decisionInstanceId",
          "decisionDefinitionId",
          "decisionDefinitionKey",
          "processInstanceId",
          "processDefinitionKey",
          "activityIdIn",
          "tenantIdIn",
          "evaluatedBefore",
          "evaluatedAfter");

  /** What the list and a single instance take besides the filters; accepted, not filters. */
  private static final Set<String> FETCHING =
      Set.of(
          "includeInputs",
          "includeOutputs",
          "disableBinaryFetching",
          "disableCustomObjectDeserialization");

  private static final Map<String, HistoricDecisionInstanceQuery.Sort> SORT_KEYS =
      Map.of(
          "evaluationTime", HistoricDecisionInstanceQuery.Sort.EVALUATION_TIME,
          "tenantId", HistoricDecisionInstanceQuery.Sort.TENANT_ID);

  private final DecisionService decisions;

  HistoricDecisionInstanceController(BulwarkEngine engine) {
    this.decisions = engine.decisionService();
  }

  @GetMapping(PATH)
  List<InstanceJson> list(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, union(FILTERS, FETCHING));
    HistoricDecisionInstanceQuery query =
        query(input)
            .with(details(input))
            .page(
                ListParameters.firstResult(input.firstResult()),
                ListParameters.maxResults(input.maxResults()));
    Page<HistoricDecisionInstance> page =
        decisions.findHistoricDecisionInstances(Principals.of(authentication), query);
    ListParameters.requireComplete(input.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(InstanceJson::of).toList();
  }

  @GetMapping(PATH + "/count")
  Count count(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FILTERS);
    return new Count(
        decisions
            .findHistoricDecisionInstances(Principals.of(authentication), query(input).page(0, 1))
            .total());
  }

  @GetMapping(PATH + "/{id}")
  InstanceJson get(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> parameters,
      Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FETCHING);
    return InstanceJson.of(
        decisions.getHistoricDecisionInstance(Principals.of(authentication), id, details(input)));
  }

  private static Details details(QueryInput input) {
    // disableBinaryFetching and disableCustomObjectDeserialization are checked as flags only:
    // decision values are never binary objects in Bulwark (E4).
    input.flag("disableBinaryFetching");
    input.flag("disableCustomObjectDeserialization");
    return new Details(input.flag("includeInputs"), input.flag("includeOutputs"));
  }

  private static HistoricDecisionInstanceQuery query(QueryInput input) {
    var sorting = input.sorting(SORT_KEYS);
    return new HistoricDecisionInstanceQuery(
        input.text("decisionInstanceId"),
        input.text("decisionDefinitionId"),
        input.text("decisionDefinitionKey"),
        input.text("processInstanceId"),
        input.text("processDefinitionKey"),
        list(input.list("activityIdIn")),
        list(input.list("tenantIdIn")),
        input.date("evaluatedAfter"),
        input.date("evaluatedBefore"),
        Details.none(),
        sorting.isEmpty()
            ? HistoricDecisionInstanceQuery.Sort.EVALUATION_TIME
            : sorting.get(0).key(),
        sorting.isEmpty() ? SortOrder.ASC : sorting.get(0).order(),
        0,
        1);
  }

  private static @Nullable List<String> list(@Nullable Set<String> values) {
    return values == null ? null : List.copyOf(values);
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    return Set.copyOf(all);
  }
}

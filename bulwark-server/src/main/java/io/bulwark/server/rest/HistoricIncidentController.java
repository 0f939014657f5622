package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.HistoricIncidentQuery;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.HistoryJson.Incident;
import io.bulwark.server.rest.IdentityJson.Count;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's {@code /history/incident} list and count: open, resolved and deleted incidents of the
 * instances whose history the caller may read (READ_HISTORY, Z3), filtered and paged in SQL (W8).
 * Filters {@code processInstanceId}, {@code processDefinitionId}, {@code processDefinitionKey},
 * {@code incidentType}, {@code open}/{@code resolved}/{@code deleted} (one of them true); others
 * are refused (400).
 */
@RestController
final class HistoricIncidentController {

  private static final String INCIDENT = RestPaths.BASE + "/history/incident";

  private static final Set<String> FILTERS =
      Set.of(
          "processInstanceId",
          "processDefinitionId",
          "processDefinitionKey",
          "incidentType",
          "open",
          "resolved",
          "deleted");

  private static final Map<String, HistoricIncidentQuery.Sort> SORT_KEYS =
      Map.of(
          "incidentId", HistoricIncidentQuery.Sort.ID,
          "createTime", HistoricIncidentQuery.Sort.CREATE_TIME,
          "endTime", HistoricIncidentQuery.Sort.END_TIME,
          "incidentType", HistoricIncidentQuery.Sort.INCIDENT_TYPE);

  private final HistoryService history;

  HistoricIncidentController(BulwarkEngine engine) {
    this.history = engine.historyService();
  }

  @GetMapping(INCIDENT)
  List<Incident> list(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FILTERS);
    HistoricIncidentQuery query =
        query(input)
            .page(
                ListParameters.firstResult(input.firstResult()),
                ListParameters.maxResults(input.maxResults()));
    Page<HistoryService.HistoricIncident> page =
        history.findIncidents(Principals.of(authentication), query);
    ListParameters.requireComplete(input.maxResults(), query.firstResult(), page.total());
    return page.items().stream().map(Incident::of).toList();
  }

  @GetMapping(INCIDENT + "/count")
  Count count(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, FILTERS);
    return new Count(
        history.findIncidents(Principals.of(authentication), query(input).page(0, 1)).total());
  }

  private static HistoricIncidentQuery query(QueryInput input) {
    HistoricIncidentQuery query =
        HistoricIncidentQuery.all()
            .ofInstance(input.text("processInstanceId"))
            .ofDefinition(input.text("processDefinitionId"), input.text("processDefinitionKey"))
            .ofType(input.text("incidentType"))
            .in(state(input));
    var sorting = input.sorting(SORT_KEYS);
    return sorting.isEmpty() ? query : query.orderBy(sorting.get(0).key(), sorting.get(0).order());
  }

  /** Camunda applies each of the three flags only when true; more than one true matches nothing. */
  private static HistoricIncidentQuery.@Nullable State state(QueryInput input) {
    HistoricIncidentQuery.State state = null;
    for (var flag :
        Map.of(
                "open", HistoricIncidentQuery.State.OPEN,
                "resolved", HistoricIncidentQuery.State.RESOLVED,
                "deleted", HistoricIncidentQuery.State.DELETED)
            .entrySet()) {
      if (input.flag(flag.getKey())) {
        if (state != null) {
          throw ValidationException.of(
              flag.getKey(), "exclusive", "only one of open, resolved and deleted can be true");
        }
        state = flag.getValue();
      }
    }
    return state;
  }
}

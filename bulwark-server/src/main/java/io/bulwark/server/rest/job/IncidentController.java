package io.bulwark.server.rest.job;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.ManagementService;
import io.bulwark.server.rest.ListParameters;
import io.bulwark.server.rest.Principals;
import io.bulwark.server.rest.job.JobJson.Count;
import io.bulwark.server.rest.job.JobJson.IncidentDto;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's incident resource: list and count (filters {@code processInstanceId}, {@code
 * incidentType}, {@code configuration}; paging, W8) and resolve ({@code DELETE /incident/{id}}: the
 * failed job or external task gets one retry). Lists show only incidents the caller may read.
 */
@RestController
final class IncidentController {

  static final String BASE = "/engine-rest/incident";

  private final ManagementService management;

  IncidentController(BulwarkEngine engine) {
    this.management = engine.managementService();
  }

  /** Camunda's incident query parameters that Bulwark supports. */
  record IncidentParameters(
      @Nullable String processInstanceId,
      @Nullable String incidentType,
      @Nullable String configuration,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    /** {@code configuration} is a job's or an external task's ID; a filter on both matches it. */
    IncidentFilter filter(boolean externalTask) {
      return externalTask
          ? new IncidentFilter(processInstanceId, incidentType, null, configuration)
          : new IncidentFilter(processInstanceId, incidentType, configuration, null);
    }
  }

  @GetMapping(BASE)
  List<IncidentDto> list(IncidentParameters parameters, Authentication authentication) {
    int first = ListParameters.firstResult(parameters.firstResult());
    int max = ListParameters.maxResults(parameters.maxResults());
    var principal = Principals.of(authentication);
    IncidentFilter filter = parameters.filter(isExternalTaskConfiguration(parameters));
    List<IncidentDto> page =
        management.listIncidents(principal, filter, first, max).stream()
            .map(IncidentDto::of)
            .toList();
    if (parameters.maxResults() == null && page.size() == max) {
      ListParameters.requireComplete(null, first, management.countIncidents(principal, filter));
    }
    return page;
  }

  @GetMapping(BASE + "/count")
  Count count(IncidentParameters parameters, Authentication authentication) {
    return new Count(
        management.countIncidents(
            Principals.of(authentication),
            parameters.filter(isExternalTaskConfiguration(parameters))));
  }

  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> resolve(@PathVariable String id, Authentication authentication) {
    management.resolveIncident(Principals.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  private static boolean isExternalTaskConfiguration(IncidentParameters parameters) {
    return "failedExternalTask".equals(parameters.incidentType());
  }
}

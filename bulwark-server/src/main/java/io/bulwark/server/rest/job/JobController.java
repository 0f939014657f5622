package io.bulwark.server.rest.job;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.ManagementService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.ListParameters;
import io.bulwark.server.rest.Principals;
import io.bulwark.server.rest.job.JobJson.Count;
import io.bulwark.server.rest.job.JobJson.JobDto;
import io.bulwark.server.rest.job.JobJson.Retries;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's job resource: list and count (filters {@code processInstanceId}, {@code executionId},
 * {@code activityId}, {@code withRetriesLeft}, {@code noRetriesLeft}; paging, W8), retries and
 * execution. Lists show only jobs the caller may read (Z2, Z3); changes need {@code OPERATE} on the
 * job and answer 204.
 */
@RestController
final class JobController {

  static final String BASE = "/engine-rest/job";

  private final ManagementService management;

  JobController(BulwarkEngine engine) {
    this.management = engine.managementService();
  }

  /** Camunda's job query parameters that Bulwark supports. */
  record JobParameters(
      @Nullable String processInstanceId,
      @Nullable String executionId,
      @Nullable String activityId,
      @Nullable Boolean withRetriesLeft,
      @Nullable Boolean noRetriesLeft,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults) {

    JobFilter filter() {
      if (Boolean.TRUE.equals(withRetriesLeft) && Boolean.TRUE.equals(noRetriesLeft)) {
        throw ValidationException.of(
            "noRetriesLeft", "exclusive", "withRetriesLeft and noRetriesLeft exclude each other");
      }
      Boolean none =
          Boolean.TRUE.equals(noRetriesLeft)
              ? Boolean.TRUE
              : Boolean.TRUE.equals(withRetriesLeft) ? Boolean.FALSE : null;
      return new JobFilter(processInstanceId, executionId, activityId, null, none, null);
    }
  }

  @GetMapping(BASE)
  List<JobDto> list(JobParameters parameters, Authentication authentication) {
    int first = ListParameters.firstResult(parameters.firstResult());
    int max = ListParameters.maxResults(parameters.maxResults());
    var principal = Principals.of(authentication);
    List<JobDto> page =
        management.listJobs(principal, parameters.filter(), first, max).stream()
            .map(JobDto::of)
            .toList();
    if (parameters.maxResults() == null && page.size() == max) {
      ListParameters.requireComplete(
          null, first, management.countJobs(principal, parameters.filter()));
    }
    return page;
  }

  @GetMapping(BASE + "/count")
  Count count(JobParameters parameters, Authentication authentication) {
    return new Count(management.countJobs(Principals.of(authentication), parameters.filter()));
  }

  @GetMapping(BASE + "/{id}")
  JobDto get(@PathVariable String id, Authentication authentication) {
    return JobDto.of(management.getJob(Principals.of(authentication), id));
  }

  @PutMapping(BASE + "/{id}/retries")
  ResponseEntity<Void> retries(
      @PathVariable String id, @RequestBody Retries body, Authentication authentication) {
    if (body.retries() == null) {
      throw ValidationException.of("retries", "required", "retries is required");
    }
    management.setJobRetries(Principals.of(authentication), id, body.retries());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{id}/execute")
  ResponseEntity<Void> execute(@PathVariable String id, Authentication authentication) {
    management.executeJob(Principals.of(authentication), id);
    return ResponseEntity.noContent().build();
  }
}

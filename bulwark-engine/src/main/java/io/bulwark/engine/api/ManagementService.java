package io.bulwark.engine.api;

import java.util.List;

/**
 * Operating jobs and incidents. Every call runs in its own transaction and checks the actor's
 * permission first (Z2): {@code JOB READ} or {@code INCIDENT READ} for lists (as a filter), {@code
 * JOB OPERATE} and {@code INCIDENT OPERATE} for changes. Lists are paged and capped (W8). Thread-
 * safe.
 */
public interface ManagementService {

  /** A page of jobs, oldest due first. */
  List<Job> listJobs(Principal actor, JobFilter filter, int firstResult, int maxResults);

  long countJobs(Principal actor, JobFilter filter);

  /** One job the actor may read (JOB READ); not found otherwise, as if it did not exist (Z3). */
  Job getJob(Principal actor, String jobId);

  /**
   * Sets the retries of a job and unlocks it; retries above 0 resolve its incidents, 0 creates one.
   *
   * @throws io.bulwark.engine.api.NotFoundException no such job
   * @throws io.bulwark.engine.api.ValidationException retries negative or above 100
   */
  void setJobRetries(Principal actor, String jobId, int retries);

  /**
   * Runs a job now, on the calling thread, whatever its due date and retries, and returns when it
   * has committed. A failure is recorded like a failure in the executor (retries decremented,
   * incident at 0) and then thrown.
   *
   * @throws io.bulwark.engine.api.ConflictException a job executor is running it right now
   * @throws io.bulwark.engine.api.NotFoundException no such job
   */
  void executeJob(Principal actor, String jobId);

  /** A page of incidents, newest first. */
  List<Incident> listIncidents(
      Principal actor, IncidentFilter filter, int firstResult, int maxResults);

  long countIncidents(Principal actor, IncidentFilter filter);

  /**
   * Resolves an incident: deletes it and gives its job or external task one retry, so that it runs
   * again (setting the retries yourself resolves it too).
   *
   * @throws io.bulwark.engine.api.NotFoundException no such incident
   */
  void resolveIncident(Principal actor, String incidentId);
}

package io.bulwark.engine.job;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.ManagementService;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@link ManagementService} over the command executor; each call is one command (Z2). */
public final class EngineManagementService implements ManagementService {

  private final CommandExecutor commands;
  private final JobRunner runner;
  private final JobExecutorSettings settings;

  /**
   * @param screen masks sensitive values in the failure messages it keeps and logs (D1)
   */
  public EngineManagementService(
      CommandExecutor commands,
      JobHandlers handlers,
      JobExecutorSettings settings,
      FailureScreen screen) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.runner = new JobRunner(commands, handlers, settings.retryDelay(), screen);
  }

  @Override
  public List<Job> listJobs(Principal actor, JobFilter filter, int firstResult, int maxResults) {
    return commands.execute(actor(actor), new ListJobsCommand(filter, firstResult, maxResults));
  }

  @Override
  public Job getJob(Principal actor, String jobId) {
    List<Job> found = listJobs(actor, JobFilter.ofJob(jobId), 0, 1);
    if (found.isEmpty()) {
      throw new NotFoundException("job " + jobId + " not found");
    }
    return found.get(0);
  }

  @Override
  public long countJobs(Principal actor, JobFilter filter) {
    return commands.execute(actor(actor), new CountJobsCommand(filter));
  }

  @Override
  public void setJobRetries(Principal actor, String jobId, int retries) {
    commands.execute(actor(actor), new SetJobRetriesCommand(jobId, retries));
  }

  @Override
  public void executeJob(Principal actor, String jobId) {
    String owner = "manual-" + UUID.randomUUID();
    JobRow locked =
        commands.execute(actor(actor), new LockJobCommand(jobId, owner, settings.lockDuration()));
    JobOutcome outcome = runner.run(locked);
    switch (outcome.status()) {
      case SUCCEEDED -> {
        // Committed.
      }
      case FAILED -> throw new JobFailedException("job " + jobId + " failed: " + outcome.message());
      case CONFLICT, SKIPPED ->
          throw new ConflictException("job " + jobId + " changed while it ran; try again");
      default -> throw new IllegalStateException(outcome.status().name());
    }
  }

  @Override
  public List<Incident> listIncidents(
      Principal actor, IncidentFilter filter, int firstResult, int maxResults) {
    return commands.execute(
        actor(actor), new ListIncidentsCommand(filter, firstResult, maxResults));
  }

  @Override
  public long countIncidents(Principal actor, IncidentFilter filter) {
    return commands.execute(actor(actor), new CountIncidentsCommand(filter));
  }

  @Override
  public void resolveIncident(Principal actor, String incidentId) {
    commands.execute(actor(actor), new ResolveIncidentCommand(incidentId));
  }

  private Actor actor(Principal principal) {
    return commands.actorOf(principal);
  }
}

package io.bulwark.engine.job;

import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import java.util.List;

/** A page of jobs that the actor may read. */
public final class ListJobsCommand implements Command<List<Job>> {

  private final JobFilter filter;
  private final int firstResult;
  private final int maxResults;

  public ListJobsCommand(JobFilter filter, int firstResult, int maxResults) {
    this.filter = filter;
    this.firstResult = firstResult;
    this.maxResults = maxResults;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the JOB READ list filter (Z3)");
  }

  @Override
  public List<Job> execute(CommandContext context) throws SQLException {
    return JobQueries.jobs(context, filter, firstResult, maxResults)
        .list(context.connection(), JobQueries.JOB_MAPPER);
  }
}

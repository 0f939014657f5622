package io.bulwark.engine.job;

import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** How many jobs that the actor may read match a filter. */
public final class CountJobsCommand implements Command<Long> {

  private final JobFilter filter;

  public CountJobsCommand(JobFilter filter) {
    this.filter = filter;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("rows are restricted by the JOB READ list filter (Z3)");
  }

  @Override
  public Long execute(CommandContext context) throws SQLException {
    return JobQueries.jobs(context, filter, 0, 1).count(context.connection());
  }
}

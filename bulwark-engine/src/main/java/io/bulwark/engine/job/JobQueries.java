package io.bulwark.engine.job;

import io.bulwark.engine.api.Incident;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.authz.ListTarget;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.ListQuery;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SortDirection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The list queries of jobs and incidents (W8): fixed shapes, filters as bound parameters (E5) and
 * the caller's authorization filter (Z2, Z3) on {@code JOB READ} or {@code INCIDENT READ}.
 */
final class JobQueries {

  static final QueryShape JOBS =
      QueryShape.of(
          "jobs",
          qualified("j", JobRows.COLUMNS),
          "bw_job j",
          Map.of("dueDate", "j.due_date", "createdAt", "j.created_at", "priority", "j.priority"),
          "j.id");

  static final QueryShape INCIDENTS =
      QueryShape.of(
          "incidents",
          qualified("i", Incidents.COLUMNS),
          "bw_incident i",
          Map.of("createdAt", "i.created_at"),
          "i.id");

  static final RowMapper<Job> JOB_MAPPER =
      rs -> {
        JobRow row = JobRows.MAPPER.map(rs);
        return new Job(
            row.id(),
            row.type(),
            row.executionId(),
            row.processInstanceId(),
            row.processDefinitionId(),
            row.activityId(),
            row.dueDate(),
            row.retries(),
            row.exceptionMessage(),
            row.lockOwner() != null,
            row.suspended(),
            row.createdAt(),
            row.priority());
      };

  static final RowMapper<Incident> INCIDENT_MAPPER =
      rs -> {
        IncidentRow row = Incidents.MAPPER.map(rs);
        return new Incident(
            row.id(),
            row.type(),
            row.createdAt(),
            row.executionId(),
            row.processInstanceId(),
            row.activityId(),
            row.jobId(),
            row.externalTaskId(),
            row.message());
      };

  private JobQueries() {}

  static ListQuery jobs(CommandContext context, JobFilter filter, int first, int max)
      throws SQLException {
    ListQuery.Builder query = JOBS.query();
    query.whereIfSet("j.process_instance_id = ?", filter.processInstanceId());
    query.whereIfSet("j.execution_id = ?", filter.executionId());
    query.whereIfSet("j.activity_id = ?", filter.activityId());
    query.whereIfSet("j.job_type = ?", filter.type());
    if (filter.type() == null) {
      // The engine's own housekeeping (history clean-up D5, re-encryption D2) is listed only when
      // asked for.
      query.where("j.job_type <> ?", JobHandler.HISTORY_CLEANUP);
      query.where("j.job_type <> ?", JobHandler.VARIABLE_REENCRYPT);
    }
    query.whereIfSet("j.id = ?", filter.jobId());
    if (filter.noRetriesLeft() != null) {
      query.where(filter.noRetriesLeft() ? "j.retries = 0" : "j.retries > 0");
    }
    return query
        .orderBy("dueDate", SortDirection.ASC)
        .page(first, max)
        .authorizationFilter(
            context.listFilter(
                ResourceType.JOB,
                Permission.READ,
                "j.id",
                ListTarget.TenantOf.ofInstance("j.process_instance_id")))
        .build();
  }

  static ListQuery incidents(CommandContext context, IncidentFilter filter, int first, int max)
      throws SQLException {
    ListQuery.Builder query = INCIDENTS.query();
    query.whereIfSet("i.process_instance_id = ?", filter.processInstanceId());
    query.whereIfSet("i.incident_type = ?", filter.type());
    query.whereIfSet("i.job_id = ?", filter.jobId());
    query.whereIfSet("i.external_task_id = ?", filter.externalTaskId());
    return query
        .orderBy("createdAt", SortDirection.DESC)
        .page(first, max)
        .authorizationFilter(
            context.listFilter(
                ResourceType.INCIDENT,
                Permission.READ,
                "i.id",
                ListTarget.TenantOf.ofInstance("i.process_instance_id")))
        .build();
  }

  private static String qualified(String alias, String columns) {
    return alias + "." + String.join(", " + alias + ".", columns.split(",\\s*"));
  }
}

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
import org.jspecify.annotations.Nullable;

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
    optional(query, "j.process_instance_id = ?", filter.processInstanceId());
    optional(query, "j.execution_id = ?", filter.executionId());
    optional(query, "j.activity_id = ?", filter.activityId());
    optional(query, "j.job_type = ?", filter.type());
    if (filter.type() == null) {
      // The engine's own housekeeping (history clean-up D5, re-encryption D2) is listed only when
      // asked for.
      query.where("j.job_type <> ?", JobHandler.HISTORY_CLEANUP);
      query.where("j.job_type <> ?", JobHandler.VARIABLE_REENCRYPT);
    }
    optional(query, "j.id = ?", filter.jobId());
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
    optional(query, "i.process_instance_id = ?", filter.processInstanceId());
    optional(query, "i.incident_type = ?", filter.type());
    optional(query, "i.job_id = ?", filter.jobId());
    optional(query, "i.external_task_id = ?", filter.externalTaskId());
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

  private static void optional(ListQuery.Builder query, String condition, @Nullable String value) {
    if (value != null) {
      query.where(condition, value);
    }
  }

  private static String qualified(String alias, String columns) {
    return alias + "." + String.join(", " + alias + ".", columns.split(",\\s*"));
  }
}

package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import java.util.Arrays;
import java.util.List;

/** Reads and writes {@code bw_execution}. */
final class ExecutionRows {

  static final String COLUMNS =
      "id, process_instance_id, parent_id, process_definition_id, activity_id, business_key,"
          + " is_active, is_concurrent, is_scope, started_by, tenant_id, super_execution_id,"
          + " activity_instance_id, started_at, rev";

  static final RowWriter<Execution> WRITER =
      RowWriter.of(
          "bw_execution",
          Versioning.OPTIMISTIC,
          Execution::id,
          List.of(
              "process_instance_id",
              "parent_id",
              "process_definition_id",
              "activity_id",
              "business_key",
              "is_active",
              "is_concurrent",
              "is_scope",
              "started_by",
              "tenant_id",
              "super_execution_id",
              "activity_instance_id",
              "started_at"),
          execution -> {
            ExecutionRow r = execution.toRow();
            return Arrays.asList(
                r.processInstanceId(),
                r.parentId(),
                r.processDefinitionId(),
                r.activityId(),
                r.businessKey(),
                r.active(),
                r.concurrent(),
                r.scope(),
                r.startedBy(),
                r.tenantId(),
                r.superExecutionId(),
                r.activityInstanceId(),
                r.startedAt());
          });

  static final RowMapper<ExecutionRow> MAPPER =
      rs ->
          new ExecutionRow(
              rs.getString("id"),
              rs.getString("process_instance_id"),
              rs.getString("parent_id"),
              rs.getString("process_definition_id"),
              rs.getString("activity_id"),
              rs.getString("business_key"),
              rs.getBoolean("is_active"),
              rs.getBoolean("is_concurrent"),
              rs.getBoolean("is_scope"),
              rs.getString("started_by"),
              rs.getString("tenant_id"),
              rs.getString("super_execution_id"),
              rs.getString("activity_instance_id"),
              SqlValues.instant(rs, "started_at"),
              rs.getLong("rev"));

  private ExecutionRows() {}
}

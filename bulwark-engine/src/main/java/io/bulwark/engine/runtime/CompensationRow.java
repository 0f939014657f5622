package io.bulwark.engine.runtime;

import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.SqlValues;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compensation subscription: {@code activityId} completed in the scope {@code scopeKey} and can
 * be compensated; {@code innerScopeKey} holds the rows of a completed sub-process's own content.
 */
record CompensationRow(
    String id,
    String processInstanceId,
    String scopeKey,
    String activityId,
    @Nullable String innerScopeKey,
    long seq,
    Instant createdAt) {

  static final String COLUMNS =
      "id, process_instance_id, scope_key, activity_id, inner_scope_key, seq, created_at";

  static final RowWriter<CompensationRow> WRITER =
      RowWriter.of(
          "bw_compensation_subscription",
          Versioning.NONE,
          CompensationRow::id,
          List.of(
              "process_instance_id",
              "scope_key",
              "activity_id",
              "inner_scope_key",
              "seq",
              "created_at"),
          r ->
              Arrays.asList(
                  r.processInstanceId(),
                  r.scopeKey(),
                  r.activityId(),
                  r.innerScopeKey(),
                  r.seq(),
                  r.createdAt()));

  static final RowMapper<CompensationRow> MAPPER =
      rs ->
          new CompensationRow(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getLong(6),
              SqlValues.requiredInstant(rs, "created_at"));

  CompensationRow withScope(String key) {
    return new CompensationRow(
        id, processInstanceId, key, activityId, innerScopeKey, seq, createdAt);
  }
}

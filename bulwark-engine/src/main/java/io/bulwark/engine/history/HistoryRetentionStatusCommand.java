package io.bulwark.engine.history;

import io.bulwark.engine.api.HistoryRetentionSettings;
import io.bulwark.engine.api.HistoryRetentionStatus;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.SqlValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads what the history clean-up is doing (D5): its next run and the history overdue. */
public final class HistoryRetentionStatusCommand implements Command<HistoryRetentionStatus> {

  /** Overdue instances are counted up to this many. */
  public static final int COUNTED_UP_TO = 10_000;

  private static final String NEXT_RUN =
      "SELECT MIN(due_date) AS next_run FROM bw_job WHERE job_type = '"
          + HistoryCleanupJob.TYPE
          + "'";

  private final HistoryRetentionSettings settings;

  public HistoryRetentionStatusCommand(HistoryRetentionSettings settings) {
    this.settings = settings;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.SYSTEM, Permission.READ);
  }

  @Override
  public HistoryRetentionStatus execute(CommandContext context) throws SQLException {
    Optional<java.time.Instant> next;
    try (PreparedStatement select = context.connection().prepareStatement(NEXT_RUN);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      next = Optional.ofNullable(SqlValues.instant(rows, "next_run"));
    }
    int overdue =
        HistoryCleanup.overdue(context.connection(), context.now(), settings, COUNTED_UP_TO).size();
    return new HistoryRetentionStatus(settings.retention(), next, overdue, COUNTED_UP_TO);
  }
}

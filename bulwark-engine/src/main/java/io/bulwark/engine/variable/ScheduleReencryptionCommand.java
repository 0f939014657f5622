package io.bulwark.engine.variable;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.JobScheduler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Schedules the re-encryption job (D2) when sensitive values under a key other than the primary are
 * stored and no such job exists; run at every engine start, so a rotation made while the engine was
 * down, or a job lost with a node, is picked up; at most one such job exists ({@link
 * JobScheduler#scheduleSingleton}). Answers whether it scheduled one.
 */
public final class ScheduleReencryptionCommand implements Command<Boolean> {

  private final SensitiveFields sensitive;
  private final JobScheduler scheduler;

  public ScheduleReencryptionCommand(SensitiveFields sensitive, JobScheduler scheduler) {
    this.sensitive = sensitive;
    this.scheduler = scheduler;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("internal: run by the engine at start, not reachable by callers");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    List<Integer> oldKeys = ReencryptVariablesJob.oldKeys(sensitive);
    if (oldKeys.isEmpty() || !anyUnder(context, oldKeys)) {
      return false;
    }
    return scheduler.scheduleSingleton(context, ReencryptVariablesJob.next(context.now()));
  }

  /**
   * Schedules the job whatever is stored now (an online rotation while other nodes run: they may
   * still write under the old key until they switch, D2); answers whether it scheduled one.
   */
  public boolean scheduleNow(CommandContext context) throws SQLException {
    return scheduler.scheduleSingleton(context, ReencryptVariablesJob.next(context.now()));
  }

  private static boolean anyUnder(CommandContext context, List<Integer> oldKeys)
      throws SQLException {
    for (String table : List.of("bw_variable", "bw_hi_variable_update")) {
      try (PreparedStatement select =
          context
              .connection()
              .prepareStatement(
                  "SELECT 1 FROM "
                      + table
                      + ReencryptVariablesJob.whereOldKey(oldKeys)
                      + " FETCH FIRST 1 ROWS ONLY")) {
        for (int i = 0; i < oldKeys.size(); i++) {
          select.setInt(i + 1, oldKeys.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

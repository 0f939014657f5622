package io.bulwark.engine.job;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Locks up to {@code maxJobs} due jobs for {@code lockOwner} (O5): due, not suspended, with retries
 * left, and unlocked or with an expired lock (a crashed node's jobs come back); the highest {@code
 * camunda:jobPriority} first, then the earliest due. Runs as one short transaction. On PostgreSQL
 * the candidates are selected {@code FOR UPDATE SKIP LOCKED}; on other databases each claim is an
 * update checked against the revision read, and a row another node claimed first is skipped. Either
 * way no job is locked by two owners at once.
 */
public final class AcquireJobsCommand implements Command<Acquisition> {

  private static final String CANDIDATES =
      "SELECT "
          + JobRows.COLUMNS
          + " FROM bw_job WHERE due_date <= ? AND (lock_expires_at IS NULL OR lock_expires_at < ?)"
          + " AND retries > 0 AND suspended = FALSE ORDER BY priority DESC, due_date, id LIMIT ?";

  static final String CLAIM =
      "UPDATE bw_job SET lock_owner = ?, lock_expires_at = ?, rev = rev + 1"
          + " WHERE id = ? AND rev = ?";

  /** H2 lock timeout and deadlock: another node holds the row; skip it. */
  private static final Set<String> LOST_RACE = Set.of("HYT00", "40001");

  private final String lockOwner;
  private final Duration lockDuration;
  private final int maxJobs;

  public AcquireJobsCommand(String lockOwner, Duration lockDuration, int maxJobs) {
    this.lockOwner = lockOwner;
    this.lockDuration = lockDuration;
    this.maxJobs = maxJobs;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("internal: the job executor's acquisition, not reachable by callers");
  }

  @Override
  public Acquisition execute(CommandContext context) throws SQLException {
    Connection connection = context.connection();
    Dialect dialect = Dialect.of(connection);
    Instant now = context.now();
    List<JobRow> candidates = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(CANDIDATES + dialect.lockClause())) {
      SqlValues.bind(select, 1, now);
      SqlValues.bind(select, 2, now);
      select.setInt(3, maxJobs);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          candidates.add(JobRows.MAPPER.map(rs));
        }
      }
    }
    Instant expiry = now.plus(lockDuration);
    List<JobRow> locked = new ArrayList<>();
    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      for (JobRow job : candidates) {
        if (claim(claim, dialect, job, expiry)) {
          locked.add(job.lockedBy(lockOwner, expiry));
        }
      }
    }
    return new Acquisition(locked, candidates.size());
  }

  private boolean claim(PreparedStatement claim, Dialect dialect, JobRow job, Instant expiry)
      throws SQLException {
    claim.setString(1, lockOwner);
    SqlValues.bind(claim, 2, expiry);
    claim.setString(3, job.id());
    claim.setLong(4, job.rev());
    try {
      return claim.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect == Dialect.OPTIMISTIC && LOST_RACE.contains(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}

package io.bulwark.server.engine;

import io.bulwark.engine.api.HistoryRetentionStatus;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Doctor check D5, live: the history clean-up job exists and keeps up. FAIL when the database has
 * no clean-up job (history would grow without end) or when the job has been overdue for more than a
 * day (no node runs jobs); WARN when more ended instances are past their retention than a few
 * batches (the clean-up falls behind); PASS otherwise.
 */
public final class D5HistoryRetentionCheck implements LocalCheck {

  static final Duration STALLED_AFTER = Duration.ofDays(1);

  private final HistoryService history;
  private final Principal doctor;
  private final int batchSize;
  private final Clock clock;

  public D5HistoryRetentionCheck(
      HistoryService history, Principal doctor, int batchSize, Clock clock) {
    this.history = history;
    this.doctor = doctor;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "D5";
  }

  @Override
  public Finding run() {
    HistoryRetentionStatus status = history.retentionStatus(doctor);
    if (status.nextRun().isEmpty()) {
      return Finding.fail(
          "D5",
          "the database has no history clean-up job: history is kept without end",
          "restart a node: every start schedules the clean-up job when it is missing");
    }
    Instant next = status.nextRun().get();
    if (next.isBefore(clock.instant().minus(STALLED_AFTER))) {
      return Finding.fail(
          "D5",
          "the history clean-up job has been due since " + next + " and has not run",
          "look in the server log for failures of the history-cleanup job and at its incident"
              + " (GET /engine-rest/incident)");
    }
    String overdue =
        status.overdueInstances() >= status.countedUpTo()
            ? "at least " + status.countedUpTo()
            : String.valueOf(status.overdueInstances());
    if (status.overdueInstances() > 10L * batchSize) {
      return Finding.warn(
          "D5",
          "the history clean-up falls behind: "
              + overdue
              + " ended instances are past their retention",
          "raise bulwark.history.cleanup-batch-size or shorten bulwark.history.cleanup-interval");
    }
    return Finding.pass(
        "D5",
        "history is removed after "
            + status.retention().toDays()
            + " days unless a model names its own time to live; next clean-up at "
            + next
            + "; "
            + overdue
            + " ended instances past their retention");
  }
}

package io.bulwark.engine.job;

import org.jspecify.annotations.Nullable;

/**
 * What became of one locked job.
 *
 * @param status the kind of outcome
 * @param message the failure message for {@link Status#FAILED}, otherwise {@code null}
 */
public record JobOutcome(Status status, @Nullable String message) {

  /** The kinds of outcome. */
  public enum Status {
    /** The handler ran and the job was removed (or its next cycle scheduled). */
    SUCCEEDED,
    /** The handler failed; retries were decremented (an incident at zero). */
    FAILED,
    /** Another transaction changed the same rows; the lock was released for a later retry. */
    CONFLICT,
    /** The job was gone or no longer locked by this owner; nothing ran. */
    SKIPPED
  }
}

package io.bulwark.engine.api;

import java.time.Instant;

/**
 * A comment on a task; {@code userId} is the user who wrote it (null for a system actor), {@code
 * processInstanceId} null for a task outside an instance.
 */
public record TaskComment(
    String id,
    String taskId,
    String processInstanceId,
    String userId,
    Instant time,
    String message) {

  /** Longest message in characters; a longer one is refused, never cut. */
  public static final int MAX_MESSAGE_LENGTH = 4000;
}

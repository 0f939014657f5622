package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * Who a task is linked to, as Camunda 7's identity links: {@code type} is {@code assignee} or
 * {@code owner} (from the task's columns, user only) or {@code candidate} (a user or a group).
 * Exactly one of {@code userId} and {@code groupId} is set.
 */
public record TaskIdentityLink(@Nullable String userId, @Nullable String groupId, String type) {

  public static final String CANDIDATE = "candidate";
  public static final String ASSIGNEE = "assignee";
  public static final String OWNER = "owner";
}

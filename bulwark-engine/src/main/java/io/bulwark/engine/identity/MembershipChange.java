package io.bulwark.engine.identity;

/** Whether a membership command adds or removes a member. */
enum MembershipChange {
  ADD,
  REMOVE
}

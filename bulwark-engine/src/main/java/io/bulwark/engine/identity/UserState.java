package io.bulwark.engine.identity;

/** Whether a user may log in (A10: a disabled user's sessions and tokens stop working). */
enum UserState {
  ENABLED,
  DISABLED
}

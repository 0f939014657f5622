package io.bulwark.engine.api;

/** The result of checking a user ID and password (A6: no outcome tells an unknown user apart). */
public enum AuthenticationOutcome {
  /** The password is right and the user may work. */
  SUCCESS,
  /** The password is right but is a one-time password: the user must change it first (A2). */
  PASSWORD_CHANGE_REQUIRED,
  /** Unknown user or wrong password; deliberately indistinguishable (A6). */
  BAD_CREDENTIALS,
  /** The password is right but the user is disabled. Only reported after a correct password. */
  DISABLED
}

package io.bulwark.engine.api;

import java.util.Objects;

/**
 * What {@link IdentityService#createUser} needs.
 *
 * @param id the user ID; must match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} (Z7)
 * @param displayName the name shown to people; 1..255 characters
 * @param password the initial password, checked against the password policy (A4)
 * @param passwordChange whether the user must change this password at first login
 */
public record NewUser(
    String id, String displayName, Secret password, PasswordChange passwordChange) {

  public NewUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(passwordChange, "passwordChange");
  }

  /** Whether a new password is a one-time password. */
  public enum PasswordChange {
    /** The user must change the password at the next login (A2). */
    REQUIRED,
    /** The password stays valid. */
    NOT_REQUIRED
  }
}

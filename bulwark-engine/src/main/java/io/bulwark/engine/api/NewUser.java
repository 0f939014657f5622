package io.bulwark.engine.api;

import java.util.Objects;

/**
 * What {@link IdentityService#createUser} needs.
 *
 * @param id the user ID; must match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} (Z7)
 * @param profile names and e-mail; see {@link UserProfile} for the rules
 * @param password the initial password, checked against the password policy (A4)
 * @param passwordChange whether the user must change this password at first login
 */
public record NewUser(
    String id, UserProfile profile, Secret password, PasswordChange passwordChange) {

  public NewUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(passwordChange, "passwordChange");
  }

  /** A user with only a display name (1..255 characters). */
  public NewUser(String id, String displayName, Secret password, PasswordChange passwordChange) {
    this(
        id,
        UserProfile.ofDisplayName(Objects.requireNonNull(displayName, "displayName")),
        password,
        passwordChange);
  }

  /** Whether a new password is a one-time password. */
  public enum PasswordChange {
    /** The user must change the password at the next login (A2). */
    REQUIRED,
    /** The password stays valid. */
    NOT_REQUIRED
  }
}

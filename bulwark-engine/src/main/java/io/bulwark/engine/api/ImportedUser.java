package io.bulwark.engine.api;

import java.util.Objects;

/**
 * A user moved from a Camunda 7 engine together with its password hash (A3), for {@link
 * IdentityService#importUser}. Camunda 7.7 and later store {@code "{SHA-512}"} followed by the
 * Base64 SHA-512 digest of the UTF-8 password with the salt appended, and the salt in a separate
 * column ({@code ACT_ID_USER.PWD_} and {@code SALT_}); both are taken as they are. The hash is kept
 * only until the user's next successful login, which replaces it with an Argon2id hash.
 *
 * @param id the user ID; must match the ID pattern (Z7)
 * @param profile first and last name, display name and e-mail, as Camunda's profile has them
 * @param passwordHash Camunda's {@code PWD_} value: {@code {SHA-512}} and 88 Base64 characters
 * @param salt Camunda's {@code SALT_} value, at most 255 characters; empty for an unsalted hash
 * @param passwordChange whether the user must change the password at the first login
 */
public record ImportedUser(
    String id,
    UserProfile profile,
    String passwordHash,
    String salt,
    NewUser.PasswordChange passwordChange) {

  public ImportedUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(passwordChange, "passwordChange");
  }

  /** Never shows the hash or the salt. */
  @Override
  public String toString() {
    return "ImportedUser[id=" + id + ", passwordHash=****]";
  }
}

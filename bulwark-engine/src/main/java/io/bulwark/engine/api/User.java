package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user as the API shows it. The password hash never leaves the engine.
 *
 * @param id the user ID (Z7)
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param displayName the name shown to people
 * @param email the e-mail address, or null
 * @param mustChangePassword true while the password is a one-time password (A2)
 * @param disabled a disabled user cannot log in, and their sessions and tokens stop working (A10)
 * @param created when the user was created
 * @param revision the optimistic-locking revision, incremented on every change
 * @param locale the user's BCP 47 locale tag, or null (Z9)
 * @param timeZone the user's IANA time zone ID, or null (Z9)
 */
public record User(
    String id,
    @Nullable String firstName,
    @Nullable String lastName,
    String displayName,
    @Nullable String email,
    boolean mustChangePassword,
    boolean disabled,
    Instant created,
    long revision,
    @Nullable String locale,
    @Nullable String timeZone) {

  /** A user without locale and time zone. */
  public User(
      String id,
      @Nullable String firstName,
      @Nullable String lastName,
      String displayName,
      @Nullable String email,
      boolean mustChangePassword,
      boolean disabled,
      Instant created,
      long revision) {
    this(
        id,
        firstName,
        lastName,
        displayName,
        email,
        mustChangePassword,
        disabled,
        created,
        revision,
        null,
        null);
  }

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(created, "created");
  }

  /** The editable attributes. */
  public UserProfile profile() {
    return new UserProfile(firstName, lastName, displayName, email, locale, timeZone);
  }
}

package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * The editable attributes of a user, shaped like Camunda's user profile plus a display name. The
 * engine checks each value (W11): names at most 255 characters without control characters, an
 * e-mail address of the form {@code local@domain} without spaces; {@code null} means "not set".
 *
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param displayName the name shown to people; null derives it from first and last name, or the ID
 * @param email the e-mail address, or null
 * @param locale the user's language and region as a BCP 47 tag (e.g. {@code de-CH}), one of the
 *     Java runtime's available locales, or null (Z9)
 * @param timeZone the user's IANA time zone ID (e.g. {@code Europe/Zurich}), or null (Z9)
 */
public record UserProfile(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String displayName,
    @Nullable String email,
    @Nullable String locale,
    @Nullable String timeZone) {

  /** A profile without locale and time zone. */
  public UserProfile(
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String displayName,
      @Nullable String email) {
    this(firstName, lastName, displayName, email, null, null);
  }

  /** The same profile with another e-mail address. */
  public UserProfile withEmail(@Nullable String newEmail) {
    return new UserProfile(firstName, lastName, displayName, newEmail, locale, timeZone);
  }

  /** A profile with only a display name, as users were created before profiles existed. */
  public static UserProfile ofDisplayName(String displayName) {
    return new UserProfile(null, null, displayName, null);
  }

  /**
   * The display name to store: the given one, else first and last name joined by a space, else the
   * user ID.
   */
  public String displayNameOr(String userId) {
    if (displayName != null && !displayName.isBlank()) {
      return displayName;
    }
    String joined =
        ((firstName == null ? "" : firstName.strip())
                + " "
                + (lastName == null ? "" : lastName.strip()))
            .strip();
    return joined.isEmpty() ? userId : joined;
  }
}

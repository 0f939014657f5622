package io.bulwark.engine.api;

/**
 * The editable attributes of a user, shaped like Camunda's user profile plus a display name. The
 * engine checks each value (W11): names at most 255 characters without control characters, an
 * e-mail address of the form {@code local@domain} without spaces; {@code null} means "not set".
 *
 * @param firstName the given name, or null
 * @param lastName the family name, or null
 * @param displayName the name shown to people; null derives it from first and last name, or the ID
 * @param email the e-mail address, or null
 */
public record UserProfile(String firstName, String lastName, String displayName, String email) {

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

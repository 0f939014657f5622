package io.bulwark.engine.identity;

import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The allowlist for user, group and tenant IDs (Z7), and the checks of names, e-mail addresses
 * (W11), locales and time zones (Z9). Each failure is a {@link ValidationException} naming the
 * field and the rule.
 */
final class IdPattern {

  /** The default ID pattern of the baseline (Z7). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  static final int MAX_NAME_LENGTH = 255;

  /** One {@code @}, no spaces or control characters, a dot-free or dotted domain (W11). */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+");

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

  private static final Set<Locale> AVAILABLE_LOCALES = Set.of(Locale.getAvailableLocales());

  private IdPattern() {}

  static String requireValidId(String field, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ValidationException.of(
          field, "id-pattern", "invalid " + field + "; it must match " + ID.pattern() + " (Z7)");
    }
    return id;
  }

  /** A required name: 1 to 255 characters, not blank, no control characters. */
  static String requireValidName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of(
          field,
          "name-length",
          "invalid " + field + "; it must have 1 to " + MAX_NAME_LENGTH + " characters");
    }
    requireValidOptionalName(field, name);
    return name;
  }

  /** An optional name: null, or at most 255 characters without control characters. */
  static @Nullable String requireValidOptionalName(String field, @Nullable String name) {
    if (name == null) {
      return null;
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw ValidationException.of(
          field,
          "name-length",
          "invalid " + field + "; it must have 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (CONTROL.matcher(name).find()) {
      throw ValidationException.of(
          field,
          "no-control-characters",
          "invalid " + field + "; control characters are not allowed");
    }
    return name;
  }

  /** Checks every value of a profile; the display name is checked as stored. */
  static UserProfile requireValidProfile(UserProfile profile) {
    if (profile == null) {
      throw ValidationException.of("profile", "required", "a profile is required");
    }
    requireValidOptionalName("firstName", profile.firstName());
    requireValidOptionalName("lastName", profile.lastName());
    requireValidOptionalName("displayName", profile.displayName());
    requireValidLocale(profile.locale());
    requireValidTimeZone(profile.timeZone());
    String email = profile.email();
    if (email != null && (email.length() > MAX_NAME_LENGTH || !EMAIL.matcher(email).matches())) {
      throw ValidationException.of(
          "email",
          "email-format",
          "invalid email; it must look like name@example.org, at most "
              + MAX_NAME_LENGTH
              + " characters, without spaces");
    }
    return profile;
  }

  /** A BCP 47 tag of one of the Java runtime's available locales, as written there (Z9). */
  private static void requireValidLocale(@Nullable String locale) {
    if (locale == null) {
      return;
    }
    Locale parsed = Locale.forLanguageTag(locale);
    if (locale.length() > 35
        || !parsed.toLanguageTag().equals(locale)
        || !AVAILABLE_LOCALES.contains(parsed)) {
      throw ValidationException.of(
          "locale",
          "locale",
          "invalid locale; it must be a BCP 47 tag of an available locale, e.g. en-GB or de-CH");
    }
  }

  /** An IANA time zone ID the Java runtime knows, e.g. Europe/Zurich (Z9). */
  private static void requireValidTimeZone(@Nullable String timeZone) {
    if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw ValidationException.of(
          "timeZone",
          "time-zone",
          "invalid timeZone; it must be an IANA time zone ID, e.g. Europe/Zurich or UTC");
    }
  }
}

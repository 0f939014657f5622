package io.bulwark.server.engine;

import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordPolicySettings.CommonPasswords;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordEncoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password policy (A4), bound from {@code bulwark.password.*}. An invalid value (a minimum
 * under 1, a maximum under the minimum or over 4096, a context word under 3 or over 64 characters)
 * refuses to start; a valid value weaker than the baseline is logged at start and is a {@code
 * doctor} FAIL, which stops a production server.
 *
 * @param minLength fewest characters (Unicode code points after NFKC); default 12
 * @param maxLength most characters, never truncated; default 128
 * @param commonPasswords {@code reject} (default) refuses the shipped list of common and breached
 *     passwords; {@code allow-insecure} switches it off
 * @param contextWords words no password may contain, ignoring case; default {@code bulwark}
 * @param encoder the scheme new password hashes are made with (A3): {@value #BUILT_IN_ENCODER}
 *     (default, Argon2id with the OWASP parameters) or the scheme of a {@link PasswordEncoder} on
 *     the class path ({@link ServiceLoader}); one that is not found refuses to start
 */
@ConfigurationProperties("bulwark.password")
public record PasswordSettings(
    @DefaultValue("12") int minLength,
    @DefaultValue("128") int maxLength,
    @DefaultValue("reject") CommonPasswords commonPasswords,
    @DefaultValue("bulwark") List<String> contextWords,
    @DefaultValue(PasswordSettings.BUILT_IN_ENCODER) String encoder) {

  /** The built-in encoder's scheme. */
  public static final String BUILT_IN_ENCODER = "argon2id-2";

  public PasswordSettings {
    contextWords = List.copyOf(contextWords);
    try {
      engineSettings(minLength, maxLength, commonPasswords, contextWords);
    } catch (ValidationException invalid) {
      throw new IllegalArgumentException(
          "invalid bulwark.password settings: " + invalid.getMessage() + " (A4)", invalid);
    }
  }

  /**
   * The plugged encoder that {@link #encoder} names, or empty for the built-in one.
   *
   * @throws IllegalArgumentException no encoder of that scheme is on the class path
   */
  public Optional<PasswordEncoder> pluggedEncoder() {
    if (BUILT_IN_ENCODER.equals(encoder)) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    for (PasswordEncoder candidate : ServiceLoader.load(PasswordEncoder.class)) {
      if (candidate.scheme().equals(encoder)) {
        return Optional.of(candidate);
      }
      found.add(candidate.scheme());
    }
    throw new IllegalArgumentException(
        "invalid bulwark.password.encoder '"
            + encoder
            + "': no password encoder of that scheme on the class path (found "
            + (found.isEmpty() ? "none" : found)
            + "); use "
            + BUILT_IN_ENCODER
            + " or add the encoder's jar (A3)");
  }

  /** The engine's settings record for these values. */
  public PasswordPolicySettings toEngine() {
    return engineSettings(minLength, maxLength, commonPasswords, contextWords);
  }

  private static PasswordPolicySettings engineSettings(
      int minLength, int maxLength, CommonPasswords commonPasswords, List<String> contextWords) {
    return new PasswordPolicySettings(
        minLength, maxLength, commonPasswords, new LinkedHashSet<>(contextWords));
  }
}

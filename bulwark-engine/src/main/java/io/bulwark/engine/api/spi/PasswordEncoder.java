package io.bulwark.engine.api.spi;

import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import java.util.regex.Pattern;

/**
 * A password encoder (A3) that replaces the built-in Argon2id one for every new hash, set with
 * {@code BulwarkEngineBuilder.passwordEncoder(PasswordEncoder)} (the server loads one through
 * {@link java.util.ServiceLoader} when {@code bulwark.passwords.encoder} names its scheme).
 *
 * <p>The engine stores {@code "{" + scheme() + "}" + hash(...)} and, at every sign-in, hands a
 * value of this scheme back to {@link #matches}. Values of the built-in schemes (Argon2id of any
 * version, imported Camunda SHA-512) still verify and are re-hashed with this encoder at their
 * user's next successful sign-in, as is a value of this scheme that {@link #outdated} names. The
 * engine normalizes passwords (Unicode NFKC) before calling the encoder.
 *
 * <p>An encoder must hash one way, with a random salt per value and a memory-hard or otherwise
 * costly function at least as strong as Argon2id with the OWASP parameters (19 MiB, 2 iterations):
 * never reversible encryption. {@code doctor} reports a plugged encoder as a WARN because it cannot
 * measure that. Implementations must be thread-safe, must compare in constant time, must not log,
 * keep or clear the password (the engine owns it), and must answer a malformed stored value with
 * {@code false}, not an exception.
 */
public interface PasswordEncoder {

  /**
   * The scheme's label, stored in braces before every value: lower-case letters, digits, dots and
   * hyphens, 1 to 32 characters, for example {@code pbkdf2-hsm-1}; not one of the built-in labels
   * ({@code argon2id-2}, {@code SHA-512}). Change it (for example its version suffix) when the
   * parameters change, or answer {@link #outdated}.
   */
  String scheme();

  /** A new salted one-way hash of the normalized password, at most 400 characters. */
  String hash(Secret normalized);

  /** Whether the normalized password matches a value this encoder made (without the label). */
  boolean matches(Secret normalized, String encoded);

  /**
   * Whether a value this encoder made should be replaced at its user's next successful sign-in (for
   * example, made with older parameters). By default never.
   */
  default boolean outdated(String encoded) {
    return false;
  }

  /**
   * The label an encoder's values are stored under: {@code "{" + scheme() + "}"}.
   *
   * @throws ValidationException the scheme is not 1 to 32 of {@code a-z 0-9 . -} starting with a
   *     letter or digit, or is the built-in {@code argon2id-2}
   */
  static String label(PasswordEncoder encoder) {
    String scheme = encoder.scheme();
    String label = "{" + scheme + "}";
    if (scheme == null
        || !Pattern.matches("[a-z0-9][a-z0-9.-]{0,31}", scheme)
        || label.equals(PasswordStorage.BUILT_IN)) {
      throw ValidationException.of(
          "passwordEncoder.scheme",
          "pattern",
          "invalid password encoder scheme "
              + (scheme == null ? "null" : "'" + scheme + "'")
              + " of "
              + encoder.getClass().getName()
              + ": 1 to 32 of a-z, 0-9, '.', '-', and not argon2id-2 (A3)");
    }
    return label;
  }
}

package io.bulwark.engine.identity;

import com.password4j.Argon2Function;
import com.password4j.MessageDigestFunction;
import com.password4j.Password;
import com.password4j.SaltOption;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.PasswordEncoder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Password hashing through password4j (A3). Every stored value names its scheme:
 *
 * <ul>
 *   <li>{@value #VERSION_2} + PHC string: the current scheme, Argon2id with the OWASP parameters
 *       (19 MiB memory, 2 iterations, parallelism 1, 32-byte output, 16-byte random salt) over the
 *       NFKC-normalized password, e.g. {@code
 *       {argon2id-2}$argon2id$v=19$m=19456,t=2,p=1$salt$hash}; the version names the parameters and
 *       the normalization, so a future change of either makes older hashes outdated;
 *   <li>a bare PHC string {@code $argon2id$…}: version 1 (before normalization), outdated;
 *   <li>{@value #SHA512_PREFIX} + 88 Base64 characters + {@code $} + salt: a Camunda 7 hash kept
 *       until the next successful login (SHA-512 over the UTF-8 of the password with the salt
 *       appended), outdated.
 * </ul>
 *
 * With a plugged {@link PasswordEncoder}, new hashes are {@code {scheme}} + its value instead, and
 * every value of the schemes above becomes outdated. Anything else (a plain value, an unknown
 * scheme) never matches. Every verification costs at least one computation of the current scheme,
 * so that the scheme of a stored value cannot be told from the time a wrong password takes (A6).
 * Comparisons are constant-time. Thread-safe.
 */
final class PasswordHasher {

  /** The longest value a plugged encoder may return (the column holds 512 characters). */
  static final int MAX_ENCODED_LENGTH = 400;

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int OUTPUT_BYTES = 32;
  static final int SALT_BYTES = 16;

  /** The label of the current scheme. */
  static final String VERSION_2 = PasswordStorage.BUILT_IN;

  /** How every PHC string made with the current parameters begins. */
  static final String CURRENT_PHC_PREFIX =
      "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$";

  /** How every hash of the current scheme begins. */
  static final String CURRENT_PREFIX = VERSION_2 + CURRENT_PHC_PREFIX;

  /** How every bare (version 1) Argon2id PHC string begins. */
  static final String ARGON2ID_PREFIX = "$argon2id$";

  /** How an imported Camunda 7 hash begins, as Camunda writes it. */
  static final String SHA512_PREFIX = "{SHA-512}";

  /** Base64 of a 64-byte SHA-512 digest. */
  static final int SHA512_BASE64_LENGTH = 88;

  /**
   * Made on first use: password4j allocates the whole block memory (19 MiB) when it creates an
   * Argon2 function and keeps it for the life of the process.
   */
  private static final class Current {
    static final Argon2Function ARGON2ID =
        Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID);
  }

  /** What a verification found. */
  enum Verification {
    /** The password does not match (or the stored value is not a known scheme). */
    MISMATCH,
    /** The password matches a hash of the current scheme. */
    MATCH,
    /** The password matches a hash of an older scheme: replace it (A3). */
    MATCH_OUTDATED;

    boolean matches() {
      return this != MISMATCH;
    }
  }

  /** The plugged encoder and its stored label, or empty for the built-in Argon2id. */
  private final Optional<PasswordEncoder> plugged;

  private final String label;

  /** With the built-in Argon2id scheme. */
  PasswordHasher() {
    this(Optional.empty());
  }

  /**
   * @throws ValidationException the plugged encoder's scheme is not a valid label or is a built-in
   *     one
   */
  PasswordHasher(Optional<PasswordEncoder> plugged) {
    this.plugged = plugged;
    this.label = plugged.map(PasswordEncoder::label).orElse(VERSION_2);
  }

  /** How every value of the current scheme begins: the plugged label or the Argon2id prefix. */
  String currentPrefix() {
    return plugged.isPresent() ? label : CURRENT_PREFIX;
  }

  /** The current scheme's label, such as {@code {argon2id-2}}. */
  String currentLabel() {
    return label;
  }

  /** Whether a plugged encoder makes the new hashes. */
  boolean isPlugged() {
    return plugged.isPresent();
  }

  /** Hashes a normalized password with the current scheme; the secret is not cleared. */
  String hash(Secret normalized) {
    if (plugged.isPresent()) {
      return label + encoded(plugged.get(), normalized);
    }
    return builtInHash(normalized);
  }

  private static String encoded(PasswordEncoder encoder, Secret normalized) {
    String value = encoder.hash(normalized);
    if (value == null || value.isEmpty() || value.length() > MAX_ENCODED_LENGTH) {
      throw new IllegalStateException(
          "password encoder "
              + encoder.getClass().getName()
              + " returned "
              + (value == null ? "null" : value.length() + " characters")
              + "; 1 to "
              + MAX_ENCODED_LENGTH
              + " expected (A3)");
    }
    return value;
  }

  private static String builtInHash(Secret normalized) {
    char[] chars = normalized.reveal();
    try {
      return VERSION_2
          + Password.hash(new SecureString(chars))
              .addRandomSalt(SALT_BYTES)
              .with(Current.ARGON2ID)
              .getResult();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Checks a password against a stored value of any scheme. {@code raw} is the password as typed
   * (older schemes hashed it so), {@code normalized} its NFKC form; neither is cleared.
   */
  Verification verify(Secret raw, Secret normalized, String stored) {
    if (plugged.isPresent()) {
      PasswordEncoder encoder = plugged.get();
      if (stored != null && stored.startsWith(label)) {
        String encoded = stored.substring(label.length());
        if (!encoder.matches(normalized, encoded)) {
          return Verification.MISMATCH;
        }
        return encoder.outdated(encoded) ? Verification.MATCH_OUTDATED : Verification.MATCH;
      }
      // A built-in scheme: outdated now; its check runs after the plugged encoder's own cost (A6).
      encoder.hash(normalized);
      return builtInVerify(raw, normalized, stored).matches()
          ? Verification.MATCH_OUTDATED
          : Verification.MISMATCH;
    }
    return builtInVerify(raw, normalized, stored);
  }

  private static Verification builtInVerify(Secret raw, Secret normalized, String stored) {
    if (stored != null && stored.startsWith(VERSION_2 + ARGON2ID_PREFIX)) {
      String phc = stored.substring(VERSION_2.length());
      if (!argon2id(normalized, phc)) {
        return Verification.MISMATCH;
      }
      return phc.startsWith(CURRENT_PHC_PREFIX) ? Verification.MATCH : Verification.MATCH_OUTDATED;
    }
    if (stored != null && stored.startsWith(ARGON2ID_PREFIX)) {
      return argon2id(raw, stored) ? Verification.MATCH_OUTDATED : Verification.MISMATCH;
    }
    // Imported, unknown or missing: the same Argon2id work as a real check (A6).
    burn(raw);
    if (stored != null && isSha512(stored) && sha512(raw, stored)) {
      return Verification.MATCH_OUTDATED;
    }
    return Verification.MISMATCH;
  }

  /** Whether a Camunda hash is {@value #SHA512_PREFIX} and the Base64 of 64 bytes. */
  static boolean isSha512Hash(String camundaHash) {
    if (camundaHash.length() != SHA512_PREFIX.length() + SHA512_BASE64_LENGTH
        || !camundaHash.startsWith(SHA512_PREFIX)) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(camundaHash.substring(SHA512_PREFIX.length())).length == 64;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** How an imported Camunda hash and its salt are stored until the upgrade. */
  static String storedSha512(String camundaHash, String salt) {
    return camundaHash + "$" + salt;
  }

  private static boolean isSha512(String stored) {
    int end = SHA512_PREFIX.length() + SHA512_BASE64_LENGTH;
    return stored.length() > end
        && stored.charAt(end) == '$'
        && isSha512Hash(stored.substring(0, end));
  }

  private static boolean sha512(Secret raw, String stored) {
    int end = SHA512_PREFIX.length() + SHA512_BASE64_LENGTH;
    byte[] expected = Base64.getDecoder().decode(stored.substring(SHA512_PREFIX.length(), end));
    String salt = stored.substring(end + 1);
    char[] chars = raw.reveal();
    try {
      byte[] actual =
          MessageDigestFunction.getInstance("SHA-512", SaltOption.APPEND)
              .hash(new SecureString(chars), salt)
              .getBytes();
      return MessageDigest.isEqual(expected, actual);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static boolean argon2id(Secret password, String phc) {
    char[] chars = password.reveal();
    try {
      return Argon2Function.getInstanceFromHash(phc).check(new SecureString(chars), phc);
    } catch (RuntimeException malformed) {
      // A tampered or truncated PHC string is a mismatch, not an error the caller could observe.
      return false;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static void burn(Secret password) {
    char[] chars = password.reveal();
    try {
      Current.ARGON2ID.hash(new SecureString(chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}

package io.bulwark.engine.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import io.bulwark.engine.api.Secret;
import java.util.Arrays;

/**
 * Argon2id hashing through password4j (A3) with the OWASP parameters: 19 MiB memory, 2 iterations,
 * parallelism 1, 32-byte output, 16-byte random salt. Hashes are stored as PHC strings ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}); verification reads the parameters from the stored
 * string and compares in constant time (password4j's slowEquals). Thread-safe.
 */
final class PasswordHasher {

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int OUTPUT_BYTES = 32;
  static final int SALT_BYTES = 16;

  /** How every hash made with the current parameters begins. */
  static final String CURRENT_PREFIX =
      "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$";

  /** How every Argon2id hash begins. */
  static final String ARGON2ID_PREFIX = "$argon2id$";

  /**
   * Made on first use: password4j allocates the whole block memory (19 MiB) when it creates an
   * Argon2 function and keeps it for the life of the process.
   */
  private static final class Current {
    static final Argon2Function ARGON2ID =
        Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID);
  }

  /** Hashes a password; the secret is not cleared. */
  String hash(Secret password) {
    char[] chars = password.reveal();
    try {
      return Password.hash(new SecureString(chars))
          .addRandomSalt(SALT_BYTES)
          .with(Current.ARGON2ID)
          .getResult();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Whether the password matches a stored PHC string. Only Argon2id hashes are accepted; anything
   * else (or a malformed string) is a mismatch, after the same amount of hashing work.
   */
  boolean verify(Secret password, String phc) {
    char[] chars = password.reveal();
    try {
      if (phc == null || !phc.startsWith(ARGON2ID_PREFIX)) {
        Current.ARGON2ID.hash(new SecureString(chars));
        return false;
      }
      return Argon2Function.getInstanceFromHash(phc).check(new SecureString(chars), phc);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}

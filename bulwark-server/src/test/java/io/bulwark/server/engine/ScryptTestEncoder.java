package io.bulwark.server.engine;

import com.password4j.Password;
import com.password4j.SecureString;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.PasswordEncoder;
import java.util.Arrays;

/**
 * A plugged password encoder for the tests, found through {@code META-INF/services} as an
 * organisation's own would be: scrypt through password4j (A3).
 */
public final class ScryptTestEncoder implements PasswordEncoder {

  public static final String SCHEME = "scrypt-test-1";

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public String hash(Secret normalized) {
    char[] chars = normalized.reveal();
    try {
      return Password.hash(new SecureString(chars)).addRandomSalt().withScrypt().getResult();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  @Override
  public boolean matches(Secret normalized, String encoded) {
    char[] chars = normalized.reveal();
    try {
      return Password.check(new SecureString(chars), encoded).withScrypt();
    } catch (RuntimeException malformed) {
      return false;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}

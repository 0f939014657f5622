package io.bulwark.engine.identity;

import io.bulwark.engine.api.SessionService;
import io.bulwark.engine.api.ValidationException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes and checks session handles (A10): 16 bytes (128 bits) from {@link SecureRandom} as 32
 * lower-case hex digits. A handle is independent of the session ID, so neither reveals the other.
 * Thread-safe.
 */
final class SessionHandles {

  private static final Pattern HANDLE = Pattern.compile(SessionService.HANDLE_PATTERN);

  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The handle, or a {@link ValidationException} when it cannot be one (before any SQL). */
  static String requireValid(String handle) {
    if (handle == null || !HANDLE.matcher(handle).matches()) {
      throw ValidationException.of(
          "handle", "handle-pattern", "a session handle is 32 lower-case hex digits");
    }
    return handle;
  }

  /** Whether the value can be a handle. */
  static boolean isValid(String handle) {
    return handle != null && HANDLE.matcher(handle).matches();
  }
}

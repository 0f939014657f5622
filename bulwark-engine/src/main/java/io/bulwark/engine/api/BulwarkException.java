package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the engine throws. Unchecked; subclasses name the cause. Messages
 * carry IDs and the rule broken, never secrets, SQL or stack traces (W5).
 */
public class BulwarkException extends RuntimeException {

  public BulwarkException(String message) {
    super(message);
  }

  public BulwarkException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

package io.bulwark.engine.dmn;

import io.bulwark.engine.api.BulwarkException;

/** A decision could not be found or evaluated; the activity that asked fails with the reason. */
public final class DecisionException extends BulwarkException {

  private static final long serialVersionUID = 1L;

  public DecisionException(String message) {
    super(message);
  }

  public DecisionException(String message, Throwable cause) {
    super(message, cause);
  }
}

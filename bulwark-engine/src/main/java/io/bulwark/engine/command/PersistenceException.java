package io.bulwark.engine.command;

import io.bulwark.engine.api.BulwarkException;

/** The database failed for a reason other than a conflict; the message carries no SQL (W5). */
public final class PersistenceException extends BulwarkException {

  public PersistenceException(String message) {
    super(message);
  }

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}

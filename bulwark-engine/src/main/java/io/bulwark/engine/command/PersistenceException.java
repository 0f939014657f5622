package io.bulwark.engine.command;

/** The database failed for a reason other than a conflict; the message carries no SQL (W5). */
public final class PersistenceException extends EngineException {

  public PersistenceException(String message) {
    super(message);
  }

  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}

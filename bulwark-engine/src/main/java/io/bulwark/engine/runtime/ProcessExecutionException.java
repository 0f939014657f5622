package io.bulwark.engine.runtime;

import io.bulwark.engine.api.BulwarkException;

/**
 * The model cannot continue at an element: no outgoing flow of a gateway matched, an expression
 * failed, a called process does not exist. The command fails and rolls back; the message names the
 * instance and the element.
 */
public final class ProcessExecutionException extends BulwarkException {

  private static final long serialVersionUID = 1L;

  public ProcessExecutionException(String message) {
    super(message);
  }

  public ProcessExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}

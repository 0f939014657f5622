package io.bulwark.engine.job;

import io.bulwark.engine.command.EngineException;

/** A job run on request failed; its failure was recorded (retries decremented). */
public final class JobFailedException extends EngineException {

  public JobFailedException(String message) {
    super(message);
  }
}

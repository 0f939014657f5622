package io.bulwark.engine.job;

import io.bulwark.engine.api.BulwarkException;

/** A job run on request failed; its failure was recorded (retries decremented). */
public final class JobFailedException extends BulwarkException {

  public JobFailedException(String message) {
    super(message);
  }
}

package io.bulwark.engine.api;

/**
 * A deployed model was rejected (E1, E2, Z10): the message lists every problem with its resource,
 * element ID and line. Clients get it as a bad request.
 */
public class ModelRejectedException extends BulwarkException {

  private static final long serialVersionUID = 1L;

  protected ModelRejectedException(String message) {
    super(message);
  }
}

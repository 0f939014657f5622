package io.bulwark.server.rest;

import io.bulwark.engine.api.ValidationException;
import org.jspecify.annotations.Nullable;

/** Checks on members of a request body that the record binding leaves nullable. */
public final class RequestBodies {

  private RequestBodies() {}

  /** {@code value}, or a 400 problem naming {@code field} with rule {@code required}. */
  public static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw ValidationException.of(field, "required", field + " is required");
    }
    return value;
  }
}

package io.bulwark.engine.persistence;

import io.bulwark.engine.api.BulwarkException;
import org.jspecify.annotations.Nullable;

/**
 * The database failed in a way that is not the caller's fault. The message names the operation,
 * never the SQL or the values (W5); the cause keeps the details for the server log.
 */
public final class DatabaseException extends BulwarkException {

  public DatabaseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

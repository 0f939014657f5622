package io.bulwark.engine.runtime;

import io.bulwark.engine.api.BulwarkException;
import org.jspecify.annotations.Nullable;

/**
 * A BPMN error that no boundary error event catches, up the scopes and across call activities. The
 * command fails and rolls back, so the instance stays where it was before; when the error came from
 * a job or an external task, the caller turns this into an incident.
 */
public final class UnhandledBpmnErrorException extends BulwarkException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String errorCode;

  public UnhandledBpmnErrorException(String processInstanceId, @Nullable String errorCode) {
    super(
        "BPMN error '"
            + errorCode
            + "' thrown in process instance "
            + processInstanceId
            + " is not caught by any boundary error event");
    this.errorCode = errorCode;
  }

  public @Nullable String errorCode() {
    return errorCode;
  }
}

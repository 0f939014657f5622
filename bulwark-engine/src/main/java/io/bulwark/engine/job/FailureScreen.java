package io.bulwark.engine.job;

import io.bulwark.engine.command.Command;
import org.jspecify.annotations.Nullable;

/**
 * Screens a failed job's message before it is kept or logged (D1): the engine's implementation
 * masks the instance's sensitive variable values ({@code variable.SensitiveScreen}).
 */
public interface FailureScreen {

  /** A command that answers {@code text} screened for the instance's sensitive values. */
  Command<String> screening(@Nullable String processInstanceId, String text);
}

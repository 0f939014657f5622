package io.bulwark.engine.bpmn.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An untyped {@code bpmn:task} or a {@code bpmn:manualTask}: the engine has no work to do, so the
 * token passes through at once (as in Camunda), still recorded in history and still honouring
 * asynchronous continuations. {@code type} is {@link ElementType#TASK} or {@link
 * ElementType#MANUAL_TASK}.
 */
public record PassThroughTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    ElementType type)
    implements Activity {

  public PassThroughTask {
    if (type != ElementType.TASK && type != ElementType.MANUAL_TASK) {
      throw new IllegalArgumentException(
          "a pass-through task is a task or manualTask, not " + type);
    }
    Objects.requireNonNull(async, "async");
  }
}

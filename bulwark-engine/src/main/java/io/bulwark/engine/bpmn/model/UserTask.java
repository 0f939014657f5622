package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/** Work done by a person; see {@link UserTaskSpec} for assignment and form. */
public record UserTask(
    String id,
    @Nullable String name,
    int line,
    String scopeId,
    AsyncSettings async,
    UserTaskSpec spec)
    implements Activity {

  @Override
  public ElementType type() {
    return ElementType.USER_TASK;
  }
}

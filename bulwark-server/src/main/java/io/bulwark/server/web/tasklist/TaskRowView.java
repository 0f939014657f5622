package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.TaskView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * One row of the task list, with its times written out in the user's time zone, named after the
 * time (Z9; UTC when the profile sets none), and as ISO instants for {@code <time datetime>}
 * ({@code due} null when the task has no due date).
 */
public record TaskRowView(
    String id,
    String title,
    String process,
    int priority,
    @Nullable String due,
    @Nullable String dueIso,
    @Nullable String created,
    @Nullable String createdIso) {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

  static TaskRowView of(TaskView task, ZoneId zone) {
    return new TaskRowView(
        task.id(),
        task.name() != null && !task.name().isBlank() ? task.name() : task.taskDefinitionKey(),
        task.processDefinitionKey(),
        task.priority(),
        shown(task.dueDate(), zone),
        task.dueDate() == null ? null : task.dueDate().toString(),
        shown(task.createdAt(), zone),
        task.createdAt() == null ? null : task.createdAt().toString());
  }

  static @Nullable String shown(@Nullable Instant instant, ZoneId zone) {
    return instant == null ? null : SHOWN.format(instant.atZone(zone));
  }
}

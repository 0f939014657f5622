package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group of users, as the API shows it.
 *
 * @param id the group ID (Z7)
 * @param name the name shown to people
 * @param type a free classification such as Camunda's {@code WORKFLOW} or {@code SYSTEM}, or null
 * @param created when the group was created
 * @param revision the optimistic-locking revision, incremented on every change
 */
public record Group(String id, String name, @Nullable String type, Instant created, long revision) {

  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
  }
}

package io.bulwark.engine.job;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers of the job types the engine knows, by type; immutable and thread-safe. */
public final class JobHandlers {

  private final Map<String, JobHandler> byType;

  private JobHandlers(Map<String, JobHandler> byType) {
    this.byType = Map.copyOf(byType);
  }

  /**
   * The registry of these handlers.
   *
   * @throws IllegalArgumentException when two handlers claim the same type or a type is too long
   */
  public static JobHandlers of(Collection<? extends JobHandler> handlers) {
    Map<String, JobHandler> byType = new LinkedHashMap<>();
    for (JobHandler handler : handlers) {
      String type = handler.type();
      if (type == null || type.isBlank() || type.length() > 64) {
        throw new IllegalArgumentException("job type must be 1..64 characters: " + type);
      }
      if (byType.putIfAbsent(type, handler) != null) {
        throw new IllegalArgumentException("two job handlers for type " + type);
      }
    }
    return new JobHandlers(byType);
  }

  /** The handler of a type, if registered. */
  public Optional<JobHandler> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }
}

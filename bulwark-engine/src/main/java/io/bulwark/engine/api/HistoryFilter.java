package io.bulwark.engine.api;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conditions of a per-instance history list (activity instances, tasks, variables, operations),
 * combined with AND: fields equal to values, and whether the row has ended. A field or {@code
 * finished} that the list does not have is refused with a {@link ValidationException} naming it.
 * Immutable.
 */
public record HistoryFilter(Map<Field, String> equal, @Nullable Boolean finished) {

  /** The fields a per-instance history list can be filtered by, each on the lists that have it. */
  public enum Field {
    /** Activity instances. */
    ACTIVITY_ID,
    /** Activity instances: the BPMN element name ({@code userTask}, …). */
    ACTIVITY_TYPE,
    /** Activity instances. */
    EXECUTION_ID,
    /** Tasks. */
    TASK_ID,
    /** Tasks. */
    TASK_DEFINITION_KEY,
    /** Tasks. */
    ASSIGNEE,
    /** Variables and variable updates. */
    VARIABLE_NAME,
    /** User operations. */
    OPERATION_TYPE,
    /** User operations: {@code TASK}, {@code PROCESS_INSTANCE}, … */
    ENTITY_TYPE,
    /** User operations: who did it. */
    USER_ID
  }

  public HistoryFilter {
    equal = Map.copyOf(equal);
  }

  /** Matches every row of the instance. */
  public static HistoryFilter none() {
    return new HistoryFilter(Map.of(), null);
  }

  /** This filter and {@code field} equal to {@code value}; a null value adds nothing. */
  public HistoryFilter with(Field field, @Nullable String value) {
    if (value == null) {
      return this;
    }
    Map<Field, String> more = new EnumMap<>(Field.class);
    more.putAll(equal);
    more.put(field, value);
    return new HistoryFilter(more, finished);
  }

  /** Only ended ({@code true}) or only open ({@code false}) rows; {@code null} for both. */
  public HistoryFilter finished(@Nullable Boolean ended) {
    return new HistoryFilter(equal, ended);
  }
}

package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field of a user task's form ({@code camunda:formField}, W10), as the model declares it.
 * Completing the task validates the submitted variables against these fields (see {@link
 * TaskService#complete}).
 *
 * @param id the field id, which is also the name of the process variable it writes
 * @param label the label to show; may be null
 * @param type one of {@code string}, {@code long}, {@code double}, {@code boolean}, {@code date},
 *     {@code enum}
 * @param defaultValue the default as written in the model, not evaluated; may be null
 * @param required the field must have a value when the task is completed
 * @param readonly the field is shown but must not be submitted
 * @param minLength the least number of characters of a string; may be null
 * @param maxLength the most number of characters of a string; may be null
 * @param min the least value of a long or double; may be null
 * @param max the greatest value of a long or double; may be null
 * @param enumValues the choices of an enum field, empty for other types
 * @param pattern a regular expression (RE2 syntax) the whole string must match; may be null
 */
public record TaskFormField(
    String id,
    @Nullable String label,
    String type,
    @Nullable String defaultValue,
    boolean required,
    boolean readonly,
    @Nullable Long minLength,
    @Nullable Long maxLength,
    @Nullable Long min,
    @Nullable Long max,
    List<EnumValue> enumValues,
    @Nullable String pattern) {

  public TaskFormField {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    enumValues = List.copyOf(enumValues);
  }

  /** One choice of an enum field: the id is the value submitted, the name the text shown. */
  public record EnumValue(String id, @Nullable String name) {}
}

package io.bulwark.engine.bpmn.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code camunda:formField}, or an input of a Camunda Form. {@code type} is one of string, long,
 * double, boolean, date, enum, or {@link #LIST_TYPE} (Camunda Forms only: a JSON array of enum
 * value ids); {@code defaultValue} and {@code label} may be null; {@code enumValues} is empty
 * unless type is enum or list.
 */
public record FormField(
    String id,
    @Nullable String label,
    @Nullable String type,
    @Nullable String defaultValue,
    List<Constraint> constraints,
    List<EnumValue> enumValues) {

  /** A list of values out of {@code enumValues} (a Camunda Forms checklist or taglist). */
  public static final String LIST_TYPE = "list";

  public FormField {
    constraints = List.copyOf(constraints);
    enumValues = List.copyOf(enumValues);
  }

  /**
   * A built-in validation constraint: required, readonly, minlength, maxlength, min, max or pattern
   * (an RE2 regular expression); {@code config} is null for required and readonly. Custom validator
   * classes are rejected.
   */
  public record Constraint(@Nullable String name, @Nullable String config) {}

  /** One choice of an enum field. */
  public record EnumValue(@Nullable String id, @Nullable String name) {}
}

package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.TaskFormField;
import java.util.List;

/**
 * One form field as the template draws it: the HTML input type and attributes that mirror the
 * field's constraints (so browsers and assistive technology know them), the value to show (the
 * user's last input after a refusal, else the current variable, else the model's default) and the
 * errors to show next to it. The server decides; the attributes only inform.
 *
 * @param name the request parameter name ({@code v.} and the field id)
 * @param inputType {@code text}, {@code number}, {@code date}, {@code checkbox} or {@code select}
 * @param step the number step: {@code 1} for long, {@code any} for double, else null
 * @param value the text to put in the input; never null
 * @param errors sentences to show next to the field; empty when none
 */
public record FormFieldView(
    TaskFormField field,
    String name,
    String inputType,
    String step,
    String value,
    List<String> errors) {

  public FormFieldView {
    errors = List.copyOf(errors);
  }

  static final String PREFIX = "v.";

  static FormFieldView of(TaskFormField field, String value, List<String> errors) {
    String inputType =
        switch (field.type()) {
          case "long", "double" -> "number";
          case "date" -> "date";
          case "boolean" -> "checkbox";
          case "enum" -> "select";
          default -> "text";
        };
    String step =
        switch (field.type()) {
          case "long" -> "1";
          case "double" -> "any";
          default -> null;
        };
    return new FormFieldView(
        field, PREFIX + field.id(), inputType, step, value == null ? "" : value, errors);
  }

  /** The label: the model's, or the field id when the model has none. */
  public String label() {
    return field.label() == null || field.label().isBlank() ? field.id() : field.label();
  }

  /** The HTML id of the input, and of its error list with {@code -errors} appended. */
  public String htmlId() {
    return "field-" + field.id().replaceAll("[^A-Za-z0-9_-]", "_");
  }

  public boolean checked() {
    return "true".equals(value);
  }

  public boolean invalid() {
    return !errors.isEmpty();
  }
}

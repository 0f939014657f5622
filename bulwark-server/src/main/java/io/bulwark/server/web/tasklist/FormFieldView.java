package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.ValidationException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    @Nullable String step,
    String value,
    List<String> errors) {

  public FormFieldView {
    errors = List.copyOf(errors);
  }

  static final String PREFIX = "v.";

  /** Shown when the engine refused a value that is not one of the form's fields. */
  static final String UNDECLARED =
      "The form was refused: it sent a value that is not one of its fields.";

  /**
   * The fields of a refused task or start form: each with the engine's reasons when it is the
   * refused field, else the conversion errors of its input; the user's input kept (a read-only
   * field shows {@code current}'s value; an unticked checkbox shows unticked).
   */
  static List<FormFieldView> refused(
      List<TaskFormField> fields,
      TaskFormBinding.Result bound,
      @Nullable ValidationException refused,
      Map<String, Object> current) {
    return fields.stream()
        .map(
            f -> {
              List<String> errors =
                  refused != null && f.id().equals(refused.field())
                      ? TaskFormBinding.sentences(f, refused)
                      : bound.errors().getOrDefault(f.id(), List.of());
              String value =
                  bound.raw().containsKey(f.id()) && !f.readonly()
                      ? bound.raw().get(f.id())
                      : TaskFormBinding.display(f, current.get(f.id()));
              if ("boolean".equals(f.type()) && !f.readonly()) {
                value = String.valueOf(bound.raw().containsKey(f.id()));
              }
              return of(f, value, errors);
            })
        .toList();
  }

  /** Whether an engine refusal names one of {@code fields} (else it names an undeclared value). */
  static boolean namesAField(List<TaskFormField> fields, ValidationException refused) {
    return fields.stream().anyMatch(f -> f.id().equals(refused.field()));
  }

  static FormFieldView of(TaskFormField field, @Nullable String value, List<String> errors) {
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

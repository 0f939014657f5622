package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a submitted task or start form into typed variables, and engine refusals into sentences
 * next to the fields (W10). It only converts: text to long, double, boolean and date, empty to
 * null. Every rule (required, lengths, bounds, pattern, enum values, read-only, undeclared fields)
 * is the engine's, checked when the task is completed; what the browser checks is never trusted.
 * Values of fields the form does not draw (read-only ones, or names a forged request adds) are
 * passed on as sent, so that the engine refuses them.
 */
final class TaskFormBinding {

  /** The most characters one submitted value may have before it is refused unread (W11). */
  static final int MAX_VALUE_LENGTH = 10_000;

  private TaskFormBinding() {}

  /**
   * @param variables the typed values to hand to the engine
   * @param raw the submitted text per field id, to show again after a refusal
   * @param errors sentences per field id for values that could not be converted
   */
  record Result(
      Map<String, Object> variables, Map<String, String> raw, Map<String, List<String>> errors) {}

  static Result bind(List<TaskFormField> fields, Map<String, String> submitted) {
    Map<String, TaskFormField> byId = new LinkedHashMap<>();
    fields.forEach(f -> byId.put(f.id(), f));
    Map<String, Object> variables = new HashMap<>();
    Map<String, String> raw = new HashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : submitted.entrySet()) {
      if (!entry.getKey().startsWith(FormFieldView.PREFIX)) {
        continue;
      }
      String id = entry.getKey().substring(FormFieldView.PREFIX.length());
      String text = entry.getValue();
      raw.put(id, text);
      TaskFormField field = byId.get(id);
      if (text.length() > MAX_VALUE_LENGTH) {
        errors.put(id, List.of("Use at most " + MAX_VALUE_LENGTH + " characters."));
      } else if (field == null || field.readonly()) {
        variables.put(id, text);
      } else {
        convert(field, text, variables, errors);
      }
    }
    for (TaskFormField field : fields) {
      // An unticked checkbox sends nothing: it means false.
      if ("boolean".equals(field.type()) && !field.readonly() && !raw.containsKey(field.id())) {
        variables.put(field.id(), false);
      }
    }
    return new Result(variables, raw, errors);
  }

  private static void convert(
      TaskFormField field,
      String text,
      Map<String, Object> variables,
      Map<String, List<String>> errors) {
    String value = text.strip();
    if (value.isEmpty() && !"string".equals(field.type())) {
      variables.put(field.id(), null);
      return;
    }
    try {
      Object typed =
          switch (field.type()) {
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            case "boolean" -> Boolean.valueOf("true".equals(value) || "on".equals(value));
            case "date" -> LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            case "string" -> text.isEmpty() ? null : text;
            default -> value;
          };
      variables.put(field.id(), typed);
    } catch (NumberFormatException | DateTimeParseException e) {
      errors.put(field.id(), List.of(typeSentence(field)));
    }
  }

  private static String typeSentence(TaskFormField field) {
    return switch (field.type()) {
      case "long" -> "Enter a whole number, such as 42.";
      case "double" -> "Enter a number, such as 4.2.";
      case "date" -> "Enter a date as YYYY-MM-DD.";
      default -> "Enter a valid value.";
    };
  }

  /** The text an existing variable value shows in its field. */
  static @Nullable String display(TaskFormField field, @Nullable Object value) {
    if (value == null) {
      return field.defaultValue();
    }
    if (value instanceof Instant instant) {
      return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
    return value.toString();
  }

  /**
   * The sentences for an engine refusal of {@code field}, one per broken rule, with the field's
   * constraints filled in; a rule without a sentence is named, so that nothing is hidden.
   */
  static List<String> sentences(TaskFormField field, ValidationException refused) {
    List<String> sentences = new ArrayList<>();
    for (String rule : refused.rules()) {
      sentences.add(
          switch (rule) {
            case "required" -> "Enter a value: this field is required.";
            case "minlength" -> "Use at least " + field.minLength() + " characters.";
            case "maxlength" -> "Use at most " + field.maxLength() + " characters.";
            case "min" -> "Enter " + field.min() + " or more.";
            case "max" -> "Enter " + field.max() + " or less.";
            case "pattern" -> "Use the expected format.";
            case "enum" -> "Choose one of the options.";
            case "type" -> typeSentence(field);
            case "readonly" -> "This field cannot be changed.";
            default -> "Breaks the rule '" + rule + "'.";
          });
    }
    return sentences;
  }
}

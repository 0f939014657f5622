package io.bulwark.engine.form;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.variable.TypedValue;
import io.bulwark.engine.variable.VariableValues;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Validates submitted variables against the fields of a task's or a start event's form (W10),
 * before anything is written. Rules, each named in {@link ValidationException#rules()}:
 *
 * <ul>
 *   <li>{@code undeclared}: a form with fields accepts only its fields; without any, any variables
 *       are accepted (there is no form to check against);
 *   <li>{@code readonly}: a read-only field must not be submitted;
 *   <li>{@code type}: a value has the field's type, without conversion: string, long (an integer
 *       number), double (a number), boolean, date, enum (a string that is one of the field's value
 *       ids, else rule {@code enum}); {@code null} clears the field;
 *   <li>{@code required}: on completion (or start) the field has a non-empty value, submitted or
 *       already set on the process instance; submitting {@code null} or {@code ""} breaks it;
 *   <li>{@code minlength}, {@code maxlength}: characters of a string or enum value;
 *   <li>{@code min}, {@code max}: bounds of a long or a double (a double also accepts a long);
 *   <li>{@code enum} for a list (a Camunda Forms checklist or taglist): every item is one of the
 *       field's values; an empty list counts as empty for {@code required};
 *   <li>{@code pattern}: a string matches the field's RE2 regular expression as a whole (linear
 *       time, no ReDoS).
 * </ul>
 *
 * The first field in form order that breaks a rule is reported with all the rules it breaks; the
 * message names the field and the rules, never the submitted value.
 */
public final class FormValidator {

  /** Whether the process instance already has a non-null value for a variable. */
  @FunctionalInterface
  public interface ExistingValues {
    boolean hasValue(String name) throws SQLException;
  }

  private FormValidator() {}

  /**
   * Refuses {@code submitted} unless every rule of {@code fields} holds.
   *
   * @param owner whose form it is, for messages: {@code "task ID"} or {@code "the start form of
   *     process KEY"}
   * @param completing whether the task is being completed or the process started (required fields
   *     are checked then); {@code false} when variables are only saved through the task
   */
  public static void validate(
      String owner,
      List<FormField> fields,
      Map<String, Object> submitted,
      VariableValues values,
      ExistingValues existing,
      boolean completing)
      throws SQLException {
    if (fields.isEmpty()) {
      return;
    }
    Map<String, FormField> byId = new LinkedHashMap<>();
    fields.forEach(f -> byId.put(f.id(), f));
    for (String name : new TreeSet<>(submitted.keySet())) {
      if (!byId.containsKey(name)) {
        throw ValidationException.of(
            name,
            "undeclared",
            "variable '"
                + name
                + "' is not a field of the form of "
                + owner
                + "; a form with fields accepts only its fields (W10)");
      }
    }
    for (FormField field : fields) {
      List<String> rules = new ArrayList<>();
      List<String> details = new ArrayList<>();
      boolean present = submitted.containsKey(field.id());
      Object raw = submitted.get(field.id());
      TypedValue value =
          raw == null ? new TypedValue.NullValue() : values.fromJava(field.id(), raw);
      if (present && NodeForms.has(field, "readonly")) {
        broken(rules, details, "readonly", "is read-only");
      }
      boolean empty =
          value instanceof TypedValue.NullValue
              || (value instanceof TypedValue.StringValue s && s.value().isEmpty())
              || (value instanceof TypedValue.JsonValue j && "[]".equals(j.json()));
      if (completing
          && NodeForms.has(field, "required")
          && empty
          && (present || !existing.hasValue(field.id()))) {
        broken(rules, details, "required", "is required");
      }
      if (!(value instanceof TypedValue.NullValue)) {
        checkValue(field, value, values, rules, details);
      }
      if (!rules.isEmpty()) {
        throw new ValidationException(
            field.id(),
            rules,
            "form field '"
                + field.id()
                + "' of "
                + owner
                + " "
                + String.join(", ", details)
                + " (W10)");
      }
    }
  }

  private static void checkValue(
      FormField field,
      TypedValue value,
      VariableValues values,
      List<String> rules,
      List<String> details) {
    switch (NodeForms.type(field)) {
      case FormField.LIST_TYPE -> checkList(field, value, values, rules, details);
      case "string", "enum" -> {
        if (!(value instanceof TypedValue.StringValue s)) {
          broken(
              rules,
              details,
              "type",
              "string".equals(field.type()) ? "must be a string" : "must be an enum value id");
          return;
        }
        int length = s.value().codePointCount(0, s.value().length());
        Long min = NodeForms.config(field, "minlength");
        Long max = NodeForms.config(field, "maxlength");
        if (min != null && length < min) {
          broken(rules, details, "minlength", "must have at least " + min + " characters");
        }
        if (max != null && length > max) {
          broken(rules, details, "maxlength", "must have at most " + max + " characters");
        }
        String pattern = NodeForms.pattern(field);
        if (pattern != null && !com.google.re2j.Pattern.matches(pattern, s.value())) {
          broken(rules, details, "pattern", "must match the pattern " + pattern);
        }
        if ("enum".equals(field.type())
            && field.enumValues().stream().noneMatch(v -> s.value().equals(v.id()))) {
          broken(
              rules,
              details,
              "enum",
              "must be one of "
                  + field.enumValues().stream().map(FormField.EnumValue::id).toList());
        }
      }
      case "long" -> {
        if (!(value instanceof TypedValue.LongValue l)) {
          broken(rules, details, "type", "must be a long (an integer number)");
          return;
        }
        Long min = NodeForms.config(field, "min");
        Long max = NodeForms.config(field, "max");
        if (min != null && l.value() < min) {
          broken(rules, details, "min", "must be at least " + min);
        }
        if (max != null && l.value() > max) {
          broken(rules, details, "max", "must be at most " + max);
        }
      }
      case "double" -> checkDouble(field, value, rules, details);
      case "boolean" -> {
        if (!(value instanceof TypedValue.BooleanValue)) {
          broken(rules, details, "type", "must be a boolean");
        }
      }
      case "date" -> {
        if (!(value instanceof TypedValue.DateValue)) {
          broken(rules, details, "type", "must be a date");
        }
      }
      default -> broken(rules, details, "type", "has unsupported type " + field.type());
    }
  }

  private static void checkDouble(
      FormField field, TypedValue value, List<String> rules, List<String> details) {
    double number;
    if (value instanceof TypedValue.DoubleValue d && Double.isFinite(d.value())) {
      number = d.value();
    } else if (value instanceof TypedValue.LongValue l) {
      number = l.value();
    } else {
      broken(rules, details, "type", "must be a double (a finite number)");
      return;
    }
    Long min = NodeForms.config(field, "min");
    Long max = NodeForms.config(field, "max");
    if (min != null && number < min) {
      broken(rules, details, "min", "must be at least " + min);
    }
    if (max != null && number > max) {
      broken(rules, details, "max", "must be at most " + max);
    }
  }

  /** A list field (Camunda Forms checklist, taglist): a JSON array of the field's value ids. */
  private static void checkList(
      FormField field,
      TypedValue value,
      VariableValues values,
      List<String> rules,
      List<String> details) {
    JsonNode array =
        value instanceof TypedValue.JsonValue j ? values.json().parse(field.id(), j.json()) : null;
    if (array == null || !array.isArray()) {
      broken(rules, details, "type", "must be a list of option values");
      return;
    }
    for (JsonNode item : array) {
      if (!item.isString()
          || field.enumValues().stream().noneMatch(v -> item.asString().equals(v.id()))) {
        broken(
            rules,
            details,
            "enum",
            "must hold only values of "
                + field.enumValues().stream().map(FormField.EnumValue::id).toList());
        return;
      }
    }
  }

  private static void broken(List<String> rules, List<String> details, String rule, String text) {
    rules.add(rule);
    details.add(text);
  }
}

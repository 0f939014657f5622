package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code camunda:formData}: fields with built-in types and built-in constraints only. */
final class FormDataReader {

  private static final Set<String> TYPES =
      Set.of("string", "long", "double", "boolean", "date", "enum");

  /** Constraints with an integer config value; required and readonly take none. */
  private static final Set<String> CONFIGURED = Set.of("minlength", "maxlength", "min", "max");

  /** The longest {@code pattern} config, in characters. */
  static final int MAX_PATTERN_LENGTH = 500;

  private FormDataReader() {}

  static List<FormField> read(XmlElement task, XmlElement formData, ReadContext ctx) {
    List<FormField> fields = new ArrayList<>();
    for (XmlElement child : formData.children()) {
      if (!child.is(Namespaces.CAMUNDA, "formField")) {
        ctx.problem(
            task.id(), child, child.displayName() + " inside camunda:formData is not supported");
        continue;
      }
      fields.add(field(task, child, ctx));
    }
    return fields;
  }

  private static FormField field(XmlElement task, XmlElement field, ReadContext ctx) {
    String id = field.id();
    String type = field.attribute("type");
    if (id == null || id.isBlank()) {
      ctx.problem(task.id(), field, "camunda:formField has no id");
    }
    if (type == null || !TYPES.contains(type)) {
      ctx.problem(
          task.id(),
          field,
          "form field '" + id + "' has type '" + type + "'; supported are " + TYPES);
    }
    List<FormField.Constraint> constraints = new ArrayList<>();
    List<FormField.EnumValue> values = new ArrayList<>();
    for (XmlElement child : field.children()) {
      if (child.is(Namespaces.CAMUNDA, "validation")) {
        for (XmlElement c : child.children()) {
          constraints.add(constraint(task, id, c, ctx));
        }
      } else if (child.is(Namespaces.CAMUNDA, "value") && "enum".equals(type)) {
        values.add(new FormField.EnumValue(child.id(), child.attribute("name")));
      } else if (!child.is(Namespaces.CAMUNDA, "properties")) {
        ctx.problem(
            task.id(), child, child.displayName() + " in form field '" + id + "' is not supported");
      }
    }
    // A field without ID was reported above, and a model with problems is rejected.
    return new FormField(
        id == null ? "" : id,
        field.attribute("label"),
        type,
        field.attribute("defaultValue"),
        constraints,
        values);
  }

  private static FormField.Constraint constraint(
      XmlElement task, @Nullable String fieldId, XmlElement c, ReadContext ctx) {
    String name = c.attribute("name");
    String config = c.attribute("config");
    boolean builtIn =
        "required".equals(name)
            || "readonly".equals(name)
            || "pattern".equals(name)
            || CONFIGURED.contains(name);
    if (!c.is(Namespaces.CAMUNDA, "constraint") || !builtIn) {
      ctx.problem(
          task.id(),
          c,
          "constraint '"
              + name
              + "' on form field '"
              + fieldId
              + "' is not supported; custom validators run code (Z10)");
    } else if (CONFIGURED.contains(name) && (config == null || !config.matches("-?\\d{1,18}"))) {
      ctx.problem(task.id(), c, "constraint '" + name + "' needs an integer config");
    } else if ("pattern".equals(name)) {
      checkPattern(task, fieldId, c, config, ctx);
    }
    return new FormField.Constraint(name, config);
  }

  /**
   * A {@code pattern} is a regular expression in RE2 syntax, matched against the whole value in
   * time linear in its length (no backtracking, so no ReDoS, W10); one that does not compile is
   * refused here, at deployment.
   */
  private static void checkPattern(
      XmlElement task,
      @Nullable String fieldId,
      XmlElement c,
      @Nullable String config,
      ReadContext ctx) {
    if (config == null || config.isEmpty() || config.length() > MAX_PATTERN_LENGTH) {
      ctx.problem(
          task.id(),
          c,
          "constraint 'pattern' on form field '"
              + fieldId
              + "' needs a regular expression of 1 to "
              + MAX_PATTERN_LENGTH
              + " characters");
      return;
    }
    try {
      com.google.re2j.Pattern.compile(config);
    } catch (com.google.re2j.PatternSyntaxException e) {
      ctx.problem(
          task.id(),
          c,
          "constraint 'pattern' on form field '"
              + fieldId
              + "' is not a valid RE2 regular expression: "
              + e.getDescription());
    }
  }
}

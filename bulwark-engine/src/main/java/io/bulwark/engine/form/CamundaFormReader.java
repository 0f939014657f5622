package io.bulwark.engine.form;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.FormField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Camunda Form (form-js JSON) with a bounded JSON reader (size, depth, strings, numbers, no
 * duplicate keys) and turns its input components into the {@link FormField}s the server validates
 * every submission against (W10). A form the server cannot validate is refused with one problem per
 * component, each naming it (Z10): unknown component types, dynamic options, conditional
 * visibility, FEEL expressions in rules, nested keys, rules of the wrong type.
 *
 * <p>Mapping: textfield, textarea → string (required, minLength, maxLength, pattern in RE2); number
 * → double (required, min, max, whole numbers); checkbox → boolean; datetime → string in ISO form
 * (date, time or both, checked by pattern); select, radio → enum of the static values; checklist,
 * taglist → list of static values; {@code disabled} or {@code readonly} → read-only. text, spacer,
 * separator and button carry no input; group nests components without a path.
 */
public final class CamundaFormReader {

  /** The largest form accepted, in bytes. */
  public static final int MAX_BYTES = 512 * 1024;

  /** The deepest JSON nesting accepted. */
  public static final int MAX_DEPTH = 32;

  /** The most components a form may have. */
  public static final int MAX_COMPONENTS = 500;

  /** The longest RE2 pattern, as for {@code camunda:formData}. */
  public static final int MAX_PATTERN_LENGTH = 500;

  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> CHOICE = Set.of("select", "radio");
  private static final Set<String> MULTI = Set.of("checklist", "taglist");
  private static final Set<String> NO_INPUT = Set.of("text", "spacer", "separator", "button");

  private static final Set<String> KNOWN_PROPERTIES =
      Set.of(
          "type",
          "id",
          "key",
          "label",
          "description",
          "defaultValue",
          "disabled",
          "readonly",
          "validate",
          "values",
          "layout",
          "appearance",
          "increment",
          "decimalDigits",
          "subtype",
          "dateLabel",
          "timeLabel",
          "use24h",
          "timeInterval",
          "timeSerializingFormat",
          "disallowPassedDates",
          "searchable",
          "text",
          "action",
          "components",
          "showOutline",
          "height",
          "properties",
          "verticalAlignment",
          "serializeToString");

  private static final Set<String> VALIDATE_RULES =
      Set.of("required", "minLength", "maxLength", "pattern", "min", "max");

  private static final String KEY_SYNTAX = "[A-Za-z_][A-Za-z0-9_]{0,127}";

  private static final Map<String, String> DATETIME_PATTERNS =
      Map.of(
          "date", "\\d{4}-\\d{2}-\\d{2}",
          "time", "\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})?",
          "datetime",
              "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxDocumentLength(MAX_BYTES)
                          .maxStringLength(64 * 1024)
                          .maxNameLength(256)
                          .maxNumberLength(32)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final List<Problem> problems = new ArrayList<>();
  private final List<FormField> fields = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private int components;

  private CamundaFormReader() {}

  /**
   * Reads and checks one form.
   *
   * @throws BpmnValidationException naming every problem (the deployment adds the resource name)
   */
  public static CamundaForm read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw refused("the form has " + bytes.length + " bytes; at most " + MAX_BYTES);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw refused("the form is not acceptable JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw refused("a form is a JSON object with 'components'");
    }
    CamundaFormReader reader = new CamundaFormReader();
    JsonNode id = root.get("id");
    if (id == null || !id.isString() || !id.asString().matches("[A-Za-z_][A-Za-z0-9_.-]{0,254}")) {
      reader.problem(null, "the form needs an 'id' (a name of letters, digits, _ . -)");
    }
    JsonNode type = root.get("type");
    if (type != null && !"default".equals(type.asString())) {
      reader.problem(null, "form type '" + type.asString() + "' is not supported; use 'default'");
    }
    JsonNode list = root.get("components");
    if (list == null || !list.isArray()) {
      reader.problem(null, "the form has no 'components' array");
    } else {
      reader.components(list);
    }
    if (!reader.problems.isEmpty()) {
      throw new BpmnValidationException(reader.problems);
    }
    return new CamundaForm(id.asString(), new String(bytes, StandardCharsets.UTF_8), reader.fields);
  }

  private static BpmnValidationException refused(String message) {
    return new BpmnValidationException(List.of(new Problem(null, 0, message)));
  }

  private void components(JsonNode list) {
    for (JsonNode component : list) {
      if (++components > MAX_COMPONENTS) {
        problem(null, "the form has more than " + MAX_COMPONENTS + " components");
        return;
      }
      if (!component.isObject()) {
        problem(null, "a component is a JSON object");
        continue;
      }
      component(component);
    }
  }

  private void component(JsonNode c) {
    String type = text(c, "type");
    String name = describe(c, type);
    for (String property : c.propertyNames()) {
      if ("conditional".equals(property)) {
        problem(
            c,
            name
                + " has conditional visibility; a hidden field cannot be checked on the server"
                + " (W10)");
      } else if ("valuesKey".equals(property) || "valuesExpression".equals(property)) {
        problem(c, name + " takes its options from '" + property + "'; give static 'values'");
      } else if ("path".equals(property)) {
        problem(c, name + " has a 'path' (nested data); only flat keys are supported");
      } else if (!KNOWN_PROPERTIES.contains(property)) {
        problem(c, name + " has property '" + property + "', which the server cannot validate");
      }
    }
    if (type == null) {
      problem(c, name + " has no type");
    } else if ("group".equals(type)) {
      JsonNode children = c.get("components");
      if (children != null && children.isArray()) {
        components(children);
      }
    } else if (NO_INPUT.contains(type)) {
      if (c.has("key") && !"button".equals(type)) {
        problem(c, name + " carries a key but is not an input");
      }
      if ("button".equals(type)
          && !Set.of("submit", "reset").contains(String.valueOf(text(c, "action")))) {
        problem(c, name + " needs action submit or reset");
      }
    } else if (TEXT.contains(type)
        || CHOICE.contains(type)
        || MULTI.contains(type)
        || Set.of("number", "checkbox", "datetime").contains(type)) {
      input(c, type, name);
    } else {
      problem(
          c,
          name
              + " has type '"
              + type
              + "', which the server cannot validate; supported are textfield, textarea, number,"
              + " checkbox, datetime, select, radio, checklist, taglist, text, spacer, separator,"
              + " button and group (Z10)");
    }
  }

  private void input(JsonNode c, String type, String name) {
    String key = text(c, "key");
    if (key == null || !key.matches(KEY_SYNTAX)) {
      problem(c, name + " needs a 'key' of letters, digits and _ (no nesting)");
      return;
    }
    if (!keys.add(key)) {
      problem(c, name + " repeats key '" + key + "'");
    }
    List<FormField.Constraint> constraints = new ArrayList<>();
    if (flag(c, "disabled", name) || flag(c, "readonly", name)) {
      constraints.add(new FormField.Constraint("readonly", null));
    }
    JsonNode validate = c.get("validate");
    if (validate != null) {
      rules(c, type, name, validate, constraints);
    }
    if ("datetime".equals(type)) {
      String subtype = c.has("subtype") ? text(c, "subtype") : "date";
      String pattern = subtype == null ? null : DATETIME_PATTERNS.get(subtype);
      if (pattern == null) {
        problem(c, name + " has subtype '" + subtype + "'; use date, time or datetime");
      } else {
        constraints.add(new FormField.Constraint("pattern", pattern));
      }
    }
    List<FormField.EnumValue> values = new ArrayList<>();
    if (CHOICE.contains(type) || MULTI.contains(type)) {
      values(c, name, values);
    }
    if ("number".equals(type) && c.path("serializeToString").asBoolean(false)) {
      problem(c, name + " serializes its number to a string; turn that off");
    }
    String fieldType =
        switch (type) {
          case "number" -> "double";
          case "checkbox" -> "boolean";
          case "select", "radio" -> "enum";
          case "checklist", "taglist" -> FormField.LIST_TYPE;
          default -> "string";
        };
    fields.add(new FormField(key, text(c, "label"), fieldType, null, constraints, values));
  }

  private void rules(
      JsonNode c,
      String type,
      String name,
      JsonNode validate,
      List<FormField.Constraint> constraints) {
    if (!validate.isObject()) {
      problem(c, name + " has a 'validate' that is not an object");
      return;
    }
    for (String rule : validate.propertyNames()) {
      JsonNode value = validate.get(rule);
      boolean textRule = TEXT.contains(type);
      if ("required".equals(rule)) {
        if (!value.isBoolean()) {
          problem(c, name + ": validate.required must be true or false");
        } else if (value.asBoolean()) {
          constraints.add(new FormField.Constraint("required", null));
        }
      } else if (("minLength".equals(rule) || "maxLength".equals(rule)) && textRule) {
        whole(c, name, rule, value, rule.toLowerCase(java.util.Locale.ROOT), constraints);
      } else if (("min".equals(rule) || "max".equals(rule)) && "number".equals(type)) {
        whole(c, name, rule, value, rule, constraints);
      } else if ("pattern".equals(rule) && textRule) {
        pattern(c, name, value, constraints);
      } else if (!value.isNull() && !(value.isString() && value.asString().isEmpty())) {
        problem(
            c,
            name
                + " has rule validate."
                + rule
                + (VALIDATE_RULES.contains(rule) || "validationType".equals(rule)
                    ? ", which the server does not check for a " + type
                    : ", which is unknown"));
      }
    }
  }

  private void whole(
      JsonNode c,
      String name,
      String rule,
      JsonNode value,
      String constraint,
      List<FormField.Constraint> constraints) {
    if (value.isNull()) {
      return;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problem(c, name + ": validate." + rule + " must be a whole number");
      return;
    }
    constraints.add(new FormField.Constraint(constraint, Long.toString(value.asLong())));
  }

  private void pattern(
      JsonNode c, String name, JsonNode value, List<FormField.Constraint> constraints) {
    if (value.isNull() || (value.isString() && value.asString().isEmpty())) {
      return;
    }
    String pattern = value.isString() ? value.asString() : "";
    if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
      problem(
          c, name + ": validate.pattern needs 1 to " + MAX_PATTERN_LENGTH + " characters of RE2");
      return;
    }
    try {
      com.google.re2j.Pattern.compile(pattern);
      constraints.add(new FormField.Constraint("pattern", pattern));
    } catch (com.google.re2j.PatternSyntaxException e) {
      problem(
          c,
          name + ": validate.pattern is not a valid RE2 regular expression: " + e.getDescription());
    }
  }

  private void values(JsonNode c, String name, List<FormField.EnumValue> values) {
    JsonNode list = c.get("values");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problem(c, name + " needs static 'values' (label and value)");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode v : list) {
      JsonNode value = v.get("value");
      if (value == null || !value.isString() || value.asString().isEmpty()) {
        problem(c, name + ": every option needs a non-empty string 'value'");
      } else if (!seen.add(value.asString())) {
        problem(c, name + " repeats option '" + value.asString() + "'");
      } else {
        values.add(new FormField.EnumValue(value.asString(), text(v, "label")));
      }
    }
  }

  /** A boolean property; a FEEL expression (a string) is refused. */
  private boolean flag(JsonNode c, String property, String name) {
    JsonNode value = c.get(property);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      problem(c, name + ": '" + property + "' must be true or false, not an expression");
      return false;
    }
    return value.asBoolean();
  }

  private static @Nullable String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static String describe(JsonNode c, @Nullable String type) {
    String id = text(c, "id");
    String key = text(c, "key");
    return "component"
        + (id != null ? " '" + id + "'" : "")
        + " ("
        + (type != null ? type : "no type")
        + (key != null ? " '" + key + "'" : "")
        + ")";
  }

  private void problem(@Nullable JsonNode component, String message) {
    String id = component == null ? null : text(component, "id");
    if (id == null && component != null) {
      id = text(component, "key");
    }
    problems.add(new Problem(id, 0, message + " (Z10, W10)"));
  }
}

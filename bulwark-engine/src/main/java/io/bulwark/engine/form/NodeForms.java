package io.bulwark.engine.form;

import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.bpmn.model.CamundaFormRef;
import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.model.NodeForm;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one resolver of the forms that user tasks and start events declare (W10): their fields
 * (generated ones, or the inputs of the deployed Camunda Form), the Camunda Form itself, and their
 * API views. Task forms and start forms both come here.
 */
public final class NodeForms {

  private NodeForms() {}

  /** A Camunda Form and how the model names it. */
  public record Found(CamundaFormRef ref, DeployedForm form) {}

  /**
   * The fields of {@code form} of a process deployed in {@code deploymentId}: its {@code
   * camunda:formField}s, or the inputs of its Camunda Form; empty when none.
   *
   * @throws ConflictException when the Camunda Form it names is not deployed (yet): a {@code
   *     camunda:formRef} is resolved when used, as in Camunda 7, and without the form no submission
   *     can be checked (W10), so none is accepted
   */
  public static List<FormField> fields(
      DeployedForms forms, Connection connection, NodeForm form, String deploymentId)
      throws SQLException {
    CamundaFormRef ref = form.camundaForm();
    if (ref == null) {
      return form.fields();
    }
    try {
      return forms.find(connection, ref, deploymentId).form().fields();
    } catch (NotFoundException e) {
      throw new ConflictException(
          ref.describe()
              + " is not deployed: without it no submission can be checked (W10), so none is"
              + " accepted; deploy the form",
          e);
    }
  }

  /** The Camunda Form {@code form} names, or null when it names none. */
  public static @Nullable Found camundaForm(
      DeployedForms forms, Connection connection, NodeForm form, String deploymentId)
      throws SQLException {
    CamundaFormRef ref = form.camundaForm();
    return ref == null ? null : new Found(ref, forms.find(connection, ref, deploymentId));
  }

  public static CamundaFormView view(Found found) {
    CamundaFormRef ref = found.ref();
    DeployedForm form = found.form();
    String resource = ref.resourceName();
    return new CamundaFormView(
        form.form().id(),
        form.version(),
        ref.binding().name().toLowerCase(Locale.ROOT),
        resource == null ? null : CamundaFormRef.DEPLOYMENT_KEY_PREFIX + resource,
        form.resourceName(),
        form.form().json());
  }

  public static List<TaskFormField> views(List<FormField> fields) {
    return fields.stream().map(NodeForms::view).toList();
  }

  private static TaskFormField view(FormField field) {
    return new TaskFormField(
        field.id(),
        field.label(),
        type(field),
        field.defaultValue(),
        has(field, "required"),
        has(field, "readonly"),
        config(field, "minlength"),
        config(field, "maxlength"),
        config(field, "min"),
        config(field, "max"),
        field.enumValues().stream()
            .map(
                v ->
                    new TaskFormField.EnumValue(
                        Objects.requireNonNull(v.id(), "a deployed enum value has an id"),
                        v.name()))
            .toList(),
        pattern(field));
  }

  /**
   * Puts each field's literal default into {@code values} where the variable has no value. Defaults
   * are literal: an expression default ({@code ${…}}) is left out, never evaluated; a long or
   * boolean default that does not parse is left out too (deployment accepted it as text).
   */
  public static void putDefaults(List<FormField> fields, Map<String, Object> values) {
    for (FormField field : fields) {
      if (values.get(field.id()) == null) {
        Object fallback = literal(field);
        if (fallback != null) {
          values.put(field.id(), fallback);
        }
      }
    }
  }

  private static @Nullable Object literal(FormField field) {
    String text = field.defaultValue();
    if (text == null || text.contains("${") || text.contains("#{")) {
      return null;
    }
    return switch (type(field)) {
      case "long" -> text.matches("-?\\d{1,18}") ? Long.valueOf(text) : null;
      case "boolean" ->
          ("true".equals(text) || "false".equals(text)) ? Boolean.valueOf(text) : null;
      case "string", "enum" -> text;
      default -> null;
    };
  }

  /** The type of a deployed field (the reader refuses a field without one). */
  static String type(FormField field) {
    return Objects.requireNonNull(field.type(), "a deployed form field has a type");
  }

  static boolean has(FormField field, String constraint) {
    return field.constraints().stream().anyMatch(c -> constraint.equals(c.name()));
  }

  /** The regular expression of a pattern constraint, or null when absent. */
  static @Nullable String pattern(FormField field) {
    return field.constraints().stream()
        .filter(c -> "pattern".equals(c.name()))
        .map(FormField.Constraint::config)
        .findFirst()
        .orElse(null);
  }

  /** The integer config of a constraint (checked at deployment), or null when absent. */
  static @Nullable Long config(FormField field, String constraint) {
    return field.constraints().stream()
        .filter(
            c -> constraint.equals(c.name()) && c.config() != null && !"pattern".equals(c.name()))
        .map(c -> Long.valueOf(c.config()))
        .findFirst()
        .orElse(null);
  }
}

package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * A Camunda Form (form-js JSON, a {@code .form} resource) named by a user task or start event:
 * either by form id ({@code camunda:formRef}, with {@code camunda:formRefBinding} latest,
 * deployment or version and {@code camunda:formRefVersion}) or by resource name in the same
 * deployment ({@code camunda:formKey="camunda-forms:deployment:NAME.form"}). Exactly one of {@code
 * formId} and {@code resourceName} is set; {@code version} is set for binding VERSION only.
 */
public record CamundaFormRef(
    @Nullable String formId,
    @Nullable String resourceName,
    CalledElementBinding binding,
    @Nullable Integer version) {

  /** The form key prefix that names a form resource of the same deployment. */
  public static final String DEPLOYMENT_KEY_PREFIX = "camunda-forms:deployment:";

  public static CamundaFormRef byResource(String resourceName) {
    return new CamundaFormRef(null, resourceName, CalledElementBinding.DEPLOYMENT, null);
  }

  /** How the model names the form, for messages and the REST answer. */
  public String describe() {
    return formId != null
        ? "form '"
            + formId
            + "' (binding "
            + binding.name().toLowerCase(java.util.Locale.ROOT)
            + (version != null ? " " + version : "")
            + ")"
        : "form resource '" + resourceName + "'";
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.CalledElementBinding;
import io.bulwark.engine.bpmn.model.CamundaFormRef;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import org.jspecify.annotations.Nullable;

/**
 * The Camunda Form a user task or start event names: {@code camunda:formRef} with {@code
 * camunda:formRefBinding} (latest by default, deployment, version with {@code
 * camunda:formRefVersion}), or {@code camunda:formKey="camunda-forms:deployment:NAME.form"}.
 * Expressions and other {@code camunda-forms:} locations are refused (the form must be known at
 * deployment to be checked there, W10).
 */
final class CamundaFormRefReader {

  private CamundaFormRefReader() {}

  /** The form reference of {@code element}, or null when it names no Camunda Form. */
  static @Nullable CamundaFormRef read(XmlElement element, ReadContext ctx) {
    String formKey = element.attribute(Namespaces.CAMUNDA, "formKey");
    String formRef = element.attribute(Namespaces.CAMUNDA, "formRef");
    if (formRef != null && formKey != null) {
      ctx.problem(element, "camunda:formRef and camunda:formKey exclude each other");
      return null;
    }
    if (formKey != null && formKey.startsWith("camunda-forms:")) {
      if (!formKey.startsWith(CamundaFormRef.DEPLOYMENT_KEY_PREFIX)
          || !formKey.endsWith(".form")
          || formKey.contains("${")
          || formKey.contains("#{")) {
        ctx.problem(
            element,
            "camunda:formKey '"
                + formKey
                + "' is not supported; use camunda-forms:deployment:NAME.form or camunda:formRef");
        return null;
      }
      return CamundaFormRef.byResource(
          formKey.substring(CamundaFormRef.DEPLOYMENT_KEY_PREFIX.length()));
    }
    if (formRef == null) {
      if (element.attribute(Namespaces.CAMUNDA, "formRefBinding") != null) {
        ctx.problem(element, "camunda:formRefBinding without camunda:formRef");
      }
      return null;
    }
    if (formRef.isBlank() || formRef.contains("${") || formRef.contains("#{")) {
      ctx.problem(element, "camunda:formRef must be a form id, not an expression");
      return null;
    }
    CalledElementBinding binding = CallActivityReader.binding(element, ctx, "formRefBinding");
    Integer version = null;
    if (binding == CalledElementBinding.VERSION) {
      String text = element.attribute(Namespaces.CAMUNDA, "formRefVersion");
      if (text == null || !text.matches("\\d{1,9}")) {
        ctx.problem(element, "camunda:formRefVersion must be a version number");
      } else {
        version = Integer.valueOf(text);
      }
    }
    return new CamundaFormRef(formRef, null, binding, version);
  }
}

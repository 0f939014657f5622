package io.bulwark.engine.bpmn.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The form a user task or a process's none start event declares (W10): generated fields ({@code
 * camunda:formData}), a Camunda Form ({@code camunda:formRef} or a {@code
 * camunda-forms:deployment:} form key), or only a form key for an outside form, or nothing. A
 * Camunda Form's fields are read from the deployed form.
 */
public record NodeForm(
    @Nullable String formKey, List<FormField> fields, @Nullable CamundaFormRef camundaForm) {

  /** No form at all. */
  public static final NodeForm NONE = new NodeForm(null, List.of(), null);

  public NodeForm {
    fields = List.copyOf(fields);
  }

  /** The form of {@code node}: a user task's or a start event's; {@link #NONE} for other nodes. */
  public static NodeForm of(@Nullable FlowNode node) {
    if (node instanceof UserTask task) {
      UserTaskSpec spec = task.spec();
      return new NodeForm(spec.formKey(), spec.formFields(), spec.camundaForm());
    }
    return node instanceof StartEvent start ? start.form() : NONE;
  }

  /** Whether submissions are checked against this form: it has fields or a Camunda Form. */
  public boolean checksSubmissions() {
    return !fields.isEmpty() || camundaForm != null;
  }
}

package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The start form of a process definition, from its none start event (W10): the form key as written
 * ({@code camunda:formKey}, may be null), the generated fields ({@code camunda:formData}, or the
 * inputs of a Camunda Form), the Camunda Form when the event names one, and the literal defaults of
 * the fields. A definition without a start form has no key, no fields and no Camunda Form; starting
 * it accepts any variables.
 */
public record StartForm(
    String processDefinitionId,
    String processDefinitionKey,
    @Nullable String formKey,
    List<TaskFormField> fields,
    @Nullable CamundaFormView camundaForm,
    Map<String, Object> defaults) {

  public StartForm {
    fields = List.copyOf(fields);
    defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
  }

  /** Whether a start is checked against this form: it has fields or a Camunda Form. */
  public boolean checksSubmissions() {
    return !fields.isEmpty() || camundaForm != null;
  }
}

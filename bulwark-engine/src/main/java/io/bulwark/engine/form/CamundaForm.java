package io.bulwark.engine.form;

import io.bulwark.engine.bpmn.model.FormField;
import java.util.List;

/**
 * A Camunda Form read and checked by {@link CamundaFormReader}: its form id, its JSON as deployed
 * (served unchanged to the form-js viewer) and the input fields the server validates a submission
 * against (W10), in form order.
 */
public record CamundaForm(String id, String json, List<FormField> fields) {

  public CamundaForm {
    fields = List.copyOf(fields);
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.CamundaFormRef;
import io.bulwark.engine.bpmn.model.FormField;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The form of a user task or start event: {@code camunda:formData}, {@code camunda:formKey} and the
 * Camunda Form reference, of which a node has at most one kind (W10).
 */
final class NodeFormReader {

  /** The {@code camunda:} attributes that name a form. */
  static final Set<String> ATTRIBUTES =
      Set.of("formKey", "formRef", "formRefBinding", "formRefVersion");

  private NodeFormReader() {}

  /**
   * Reads the form of {@code element}, its {@code camunda:formData} among the extension elements
   * {@code extensions} accepted; {@code what} names the node kind in messages ("a user task").
   */
  static NodeForm read(
      XmlElement element, List<XmlElement> extensions, String what, ReadContext ctx) {
    List<FormField> fields = new ArrayList<>();
    for (XmlElement formData : extensions) {
      if (formData.is(Namespaces.CAMUNDA, "formData")) {
        fields.addAll(FormDataReader.read(element, formData, ctx));
      }
    }
    String formKey = element.attribute(Namespaces.CAMUNDA, "formKey");
    if (formKey != null && !fields.isEmpty()) {
      ctx.problem(element, what + " has either camunda:formKey or camunda:formData, not both");
    }
    CamundaFormRef camundaForm = CamundaFormRefReader.read(element, ctx);
    if (camundaForm != null && !fields.isEmpty()) {
      ctx.problem(element, what + " has either a Camunda Form or camunda:formData, not both");
    }
    return new NodeForm(formKey, fields, camundaForm);
  }
}

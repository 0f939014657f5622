package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.BpmnMessage;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ReceiveTask;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Receive tasks: with {@code messageRef} (QName allowed) they wait for that message. */
final class ReceiveTaskReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ReadContext.ASYNC_ATTRIBUTES, Set.of());
    ctx.extensions(element, Set.of());
    String ref = element.attribute("messageRef");
    EventDefinition.Message message = null;
    if (ref != null) {
      BpmnMessage found = ReadContext.reference(ctx.messages(), ref);
      if (found == null) {
        ctx.problem(element, "messageRef '" + ref + "' does not name a bpmn:message of this file");
      } else {
        message = new EventDefinition.Message(found.id(), found.name());
      }
    }
    return new ReceiveTask(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        message);
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Embedded sub-processes and event sub-processes ({@code triggeredByEvent}). */
final class SubProcessReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    boolean triggeredByEvent = "true".equals(element.attribute("triggeredByEvent"));
    ctx.checkAttributes(element, ReadContext.ASYNC_ATTRIBUTES);
    ctx.extensions(element, Set.of());
    String id = ctx.requireId(element);
    scopes.readScope(element, id);
    return new SubProcess(
        id,
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        triggeredByEvent);
  }
}

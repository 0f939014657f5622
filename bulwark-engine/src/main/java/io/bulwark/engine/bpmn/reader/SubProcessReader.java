package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Embedded sub-processes; event sub-processes and transactions are rejected. */
final class SubProcessReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    if ("true".equals(element.attribute("triggeredByEvent"))) {
      ctx.problem(element, "event sub-process (bpmn:subProcess triggeredByEvent) is not supported");
      return null;
    }
    ctx.checkAttributes(element, ReadContext.ASYNC_ATTRIBUTES);
    ctx.extensions(element, Set.of());
    String id = ctx.requireId(element);
    scopes.readScope(element, id);
    return new SubProcess(
        id, element.attribute("name"), element.line(), scopeId, ctx.async(element));
  }
}

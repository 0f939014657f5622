package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.InclusiveGateway;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** bpmn:inclusiveGateway; flows and conditions are checked by {@link StructureValidator}. */
final class InclusiveGatewayReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ReadContext.ASYNC_ATTRIBUTES, Set.of());
    ctx.extensions(element, Set.of());
    return new InclusiveGateway(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        element.attribute("default"));
  }
}

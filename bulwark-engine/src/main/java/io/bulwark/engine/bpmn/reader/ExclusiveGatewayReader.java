package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ExclusiveGateway;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** bpmn:exclusiveGateway; flows and conditions are checked by {@link StructureValidator}. */
final class ExclusiveGatewayReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ReadContext.ASYNC_ATTRIBUTES, Set.of());
    ctx.extensions(element, Set.of());
    return new ExclusiveGateway(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        element.attribute("default"));
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventBasedGateway;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * bpmn:eventBasedGateway; what its flows may lead to is checked by {@link StructureValidator}. A
 * gateway that instantiates the process ({@code instantiate="true"}) is refused.
 */
final class EventBasedGatewayReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ReadContext.ASYNC_ATTRIBUTES, Set.of());
    ctx.extensions(element, Set.of());
    if ("true".equals(element.attribute("instantiate"))) {
      ctx.problem(element, "an event-based gateway that starts the process is not supported");
    }
    return new EventBasedGateway(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ReadContext.asyncBeforeOnly(element, ctx, "a gateway"));
  }
}

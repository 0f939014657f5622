package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateThrowEvent;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * Intermediate throw events: none, message (without an implementation it passes the token on, as in
 * Camunda 7), escalation, signal, link and compensation.
 */
final class IntermediateThrowEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(
                EventDefinitionReader.ESCALATION,
                EventDefinitionReader.MESSAGE,
                EventDefinitionReader.SIGNAL,
                EventDefinitionReader.LINK,
                EventDefinitionReader.COMPENSATE),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    EventDefinitionReader.requireThrownEscalation(element, definition, ctx);
    return new IntermediateThrowEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        definition);
  }
}

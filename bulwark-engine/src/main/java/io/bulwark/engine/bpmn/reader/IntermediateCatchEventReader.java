package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Intermediate timer and message catch events. */
final class IntermediateCatchEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(EventDefinitionReader.MESSAGE, EventDefinitionReader.TIMER),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    if (definition instanceof EventDefinition.None) {
      ctx.problem(element, "intermediate catch event needs a timer or message definition");
    }
    return new IntermediateCatchEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        definition);
  }
}

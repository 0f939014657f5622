package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** None, message and timer start events. */
final class StartEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(EventDefinitionReader.MESSAGE, EventDefinitionReader.TIMER),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    return new StartEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        definition);
  }
}

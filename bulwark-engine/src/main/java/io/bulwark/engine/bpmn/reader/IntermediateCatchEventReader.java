package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.IntermediateCatchEvent;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Intermediate timer, message and signal catch events. */
final class IntermediateCatchEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(
                EventDefinitionReader.MESSAGE,
                EventDefinitionReader.TIMER,
                EventDefinitionReader.SIGNAL,
                EventDefinitionReader.LINK,
                EventDefinitionReader.CONDITIONAL),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    boolean hasDefinition =
        element.children().stream().anyMatch(c -> c.localName().endsWith("EventDefinition"));
    if (definition instanceof EventDefinition.None && !hasDefinition) {
      // A definition that was refused is reported once, by the definition reader (item 7).
      ctx.problem(element, "intermediate catch event needs a timer, message or signal definition");
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

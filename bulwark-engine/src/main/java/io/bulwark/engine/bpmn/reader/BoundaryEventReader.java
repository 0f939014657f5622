package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * Boundary timer and escalation events (interrupting or not) and boundary error events. An
 * unsupported definition is reported once, by the definition reader.
 */
final class BoundaryEventReader implements ElementReader {

  private static boolean hasDefinition(XmlElement element) {
    return element.children().stream().anyMatch(c -> c.localName().endsWith("EventDefinition"));
  }

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(
                EventDefinitionReader.TIMER,
                EventDefinitionReader.MESSAGE,
                EventDefinitionReader.ERROR,
                EventDefinitionReader.ESCALATION,
                EventDefinitionReader.SIGNAL,
                EventDefinitionReader.CONDITIONAL,
                EventDefinitionReader.COMPENSATE,
                EventDefinitionReader.CANCEL),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    if (definition instanceof EventDefinition.None && !hasDefinition(element)) {
      ctx.problem(
          element, "boundary event needs a timer, message, error, escalation or signal definition");
    }
    String cancel = element.attribute("cancelActivity");
    boolean cancelActivity = cancel == null || Boolean.parseBoolean(cancel);
    if (definition instanceof EventDefinition.ErrorEvent && !cancelActivity) {
      ctx.problem(element, "a boundary error event always interrupts; cancelActivity must be true");
    }
    String attachedTo = element.attribute("attachedToRef");
    if (attachedTo == null) {
      ctx.problem(element, "boundary event has no attachedToRef");
    }
    return new BoundaryEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        attachedTo,
        cancelActivity,
        definition,
        ctx.async(element));
  }
}

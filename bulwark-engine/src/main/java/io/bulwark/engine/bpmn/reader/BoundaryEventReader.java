package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.BoundaryEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Boundary timer (interrupting or not) and boundary error events. */
final class BoundaryEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element, Set.of(EventDefinitionReader.TIMER, EventDefinitionReader.ERROR), ctx);
    if (definition instanceof EventDefinition.None) {
      ctx.problem(element, "boundary event needs a timer or error definition");
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
        definition);
  }
}

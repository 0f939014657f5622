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
    ctx.checkShape(element, Set.of(), DEFINITIONS);
    ctx.extensions(element, Set.of());
    EventDefinition definition =
        EventDefinitionReader.read(
            element, Set.of(EventDefinitionReader.MESSAGE, EventDefinitionReader.TIMER), ctx);
    return new StartEvent(
        ctx.requireId(element), element.attribute("name"), element.line(), scopeId, definition);
  }

  /** Event definitions are checked by {@link EventDefinitionReader}, not as plain children. */
  static final Set<String> DEFINITIONS =
      Set.of(
          "messageEventDefinition",
          "timerEventDefinition",
          "errorEventDefinition",
          "terminateEventDefinition",
          "signalEventDefinition",
          "escalationEventDefinition",
          "compensateEventDefinition",
          "conditionalEventDefinition",
          "linkEventDefinition",
          "cancelEventDefinition");
}

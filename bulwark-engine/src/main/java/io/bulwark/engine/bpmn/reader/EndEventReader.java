package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EndEvent;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * None, message (without an implementation: a none end event, as in Camunda 7), terminate, error,
 * escalation, signal, compensation and cancel end events.
 */
final class EndEventReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    EventDefinition definition =
        EventDefinitionReader.readEvent(
            element,
            Set.of(
                EventDefinitionReader.TERMINATE,
                EventDefinitionReader.MESSAGE,
                EventDefinitionReader.ERROR,
                EventDefinitionReader.ESCALATION,
                EventDefinitionReader.SIGNAL,
                EventDefinitionReader.COMPENSATE,
                EventDefinitionReader.CANCEL),
            ReadContext.ASYNC_ATTRIBUTES,
            ctx);
    EventDefinitionReader.requireThrownEscalation(element, definition, ctx);
    if (definition instanceof EventDefinition.ErrorEvent error
        && (error.errorCode() == null || error.errorCode().isEmpty())) {
      // Camunda 7: errorCode is mandatory (and not empty) on errors that throwing events reference
      ctx.problem(element, "error end event needs an errorRef to a bpmn:error with an errorCode");
    }
    return new EndEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ReadContext.asyncBeforeOnly(element, ctx, "an end event"),
        definition);
  }
}

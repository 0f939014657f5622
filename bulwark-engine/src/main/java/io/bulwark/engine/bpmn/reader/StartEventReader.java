package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Start events. Which definitions a scope allows is checked by {@link StructureValidator}: none,
 * message and timer at process level, none in an embedded sub-process, one of message, timer,
 * error, escalation or signal in an event sub-process. A start event may name a form ({@link
 * NodeFormReader}); only the process's none start event may have one that checks submissions
 * (checked by {@link StructureValidator}).
 */
final class StartEventReader implements ElementReader {

  private static final String INITIATOR = "initiator";

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(
        element,
        UserTaskReader.union(
            UserTaskReader.union(ReadContext.ASYNC_ATTRIBUTES, NodeFormReader.ATTRIBUTES),
            Set.of(INITIATOR)),
        EventDefinitionReader.DEFINITIONS);
    NodeForm form =
        NodeFormReader.read(
            element, ctx.extensions(element, Set.of("formData")), "a start event", ctx);
    EventDefinition definition =
        EventDefinitionReader.read(
            element,
            Set.of(
                EventDefinitionReader.MESSAGE,
                EventDefinitionReader.TIMER,
                EventDefinitionReader.ERROR,
                EventDefinitionReader.ESCALATION,
                EventDefinitionReader.SIGNAL,
                EventDefinitionReader.CONDITIONAL,
                EventDefinitionReader.COMPENSATE),
            ctx);
    boolean refusedDefinition =
        definition instanceof EventDefinition.None
            && element.children().stream().anyMatch(c -> c.localName().endsWith("EventDefinition"));
    if (refusedDefinition) {
      ctx.unread(element); // already reported: no "needs a trigger" on top (issue 16, item 7)
    }
    return new StartEvent(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        definition,
        !"false".equals(element.attribute("isInterrupting")),
        form,
        initiator(element, ctx));
  }

  /** {@code camunda:initiator}: a plain variable name, as Camunda 7 reads it. */
  private static @Nullable String initiator(XmlElement element, ReadContext ctx) {
    String name = element.attribute(Namespaces.CAMUNDA, INITIATOR);
    if (name == null) {
      return null;
    }
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      ctx.problem(element, "camunda:initiator '" + name + "' is not a variable name");
      return null;
    }
    return name;
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SubProcess;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/**
 * Embedded sub-processes, event sub-processes ({@code triggeredByEvent}) and transaction
 * sub-processes ({@code bpmn:transaction}).
 */
final class SubProcessReader implements ElementReader {

  private final boolean transaction;

  SubProcessReader(boolean transaction) {
    this.transaction = transaction;
  }

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    boolean triggeredByEvent = "true".equals(element.attribute("triggeredByEvent"));
    ctx.checkAttributes(element, ReadContext.ASYNC_ATTRIBUTES);
    if (transaction && triggeredByEvent) {
      ctx.problem(element, "a transaction cannot be an event sub-process");
    }
    ctx.extensions(element, Set.of());
    String id = ctx.requireId(element);
    scopes.readScope(element, id);
    return new SubProcess(
        id,
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        triggeredByEvent,
        transaction);
  }
}

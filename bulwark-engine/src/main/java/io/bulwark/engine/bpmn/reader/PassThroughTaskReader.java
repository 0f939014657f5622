package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ElementType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.PassThroughTask;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.Set;

/** Untyped and manual tasks: no work for the engine, the token passes through. */
final class PassThroughTaskReader implements ElementReader {

  private final ElementType type;

  PassThroughTaskReader(ElementType type) {
    this.type = type;
  }

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ReadContext.ASYNC_ATTRIBUTES, Set.of());
    ctx.extensions(element, Set.of());
    return new PassThroughTask(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        type);
  }
}

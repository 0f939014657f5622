package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import org.jspecify.annotations.Nullable;

/** Reads one BPMN element type into a model node. */
interface ElementReader {

  /**
   * Reads {@code element} that sits directly in scope {@code scopeId}. Problems go to {@code
   * context}; the result is still returned when it can be built, so later checks can run.
   */
  @Nullable FlowNode read(
      XmlElement element, String scopeId, ScopeReader scopes, ReadContext context);
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.ScriptPolicy;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.xml.XmlElement;
import org.jspecify.annotations.Nullable;

/**
 * Script tasks are always rejected (E3): by default because scripts are disabled; with {@link
 * ScriptPolicy#ALLOW_INSECURE_SCRIPTS} because Bulwark ships no script engine.
 */
final class ScriptTaskReader implements ElementReader {

  @Override
  public @Nullable FlowNode read(
      XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    String format = element.attribute("scriptFormat");
    if (ctx.options().scripts() == ScriptPolicy.REJECT) {
      ctx.problem(
          element,
          "bpmn:scriptTask ("
              + format
              + ") is rejected: script tasks are disabled (E3); use an external service task");
    } else {
      ctx.problem(
          element,
          "bpmn:scriptTask ("
              + format
              + ") is rejected: scripting is not available in Bulwark, no script engine is"
              + " shipped (E3)");
    }
    return null;
  }
}

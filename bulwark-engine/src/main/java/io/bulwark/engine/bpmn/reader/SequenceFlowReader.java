package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.ScriptPolicy;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionLanguage;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sequence flows and their conditions: EL subset or FEEL; script conditions are rejected (E3). A
 * flow without {@code id} gets one ({@link ReadContext#syntheticFlowId}), as Camunda accepts them.
 */
final class SequenceFlowReader {

  private SequenceFlowReader() {}

  static SequenceFlow read(XmlElement element, String scopeId, ReadContext ctx) {
    ctx.checkShape(element, Set.of(), Set.of("conditionExpression"));
    ctx.extensions(element, Set.of());
    String id = element.id();
    if (id == null || id.isBlank()) {
      id = ctx.syntheticFlowId(element);
    }
    String source = element.attribute("sourceRef");
    String target = element.attribute("targetRef");
    XmlElement condition = element.child(Namespaces.BPMN, "conditionExpression");
    Expression expression = condition == null ? null : condition(element, condition, ctx);
    return new SequenceFlow(
        id, element.attribute("name"), element.line(), scopeId, source, target, expression);
  }

  private static @Nullable Expression condition(
      XmlElement flow, XmlElement condition, ReadContext ctx) {
    ctx.checkShape(condition, Set.of(), Set.of());
    String language = condition.attribute("language");
    String text = condition.text().strip();
    if (text.isEmpty()) {
      ctx.problem(flow, "sequence flow has an empty conditionExpression");
      return null;
    }
    ExpressionLanguage hint = ExpressionLanguage.EL;
    if (language != null && !language.isBlank()) {
      String lang = language.strip().toLowerCase(Locale.ROOT);
      if (lang.equals("feel") || lang.endsWith("/feel")) {
        hint = ExpressionLanguage.FEEL;
      } else if (!lang.equals("juel")) {
        ctx.problem(
            flow,
            "script condition (language '"
                + language
                + "') is rejected: "
                + (ctx.options().scripts() == ScriptPolicy.REJECT
                    ? "scripts are disabled (E3)"
                    : "scripting is not available in Bulwark (E3)"));
        return null;
      }
    }
    if (hint == ExpressionLanguage.EL && !text.contains("${") && !text.startsWith("=")) {
      ctx.problem(flow, "condition '" + text + "' is not an expression; write ${…} or =FEEL");
      return null;
    }
    return ctx.expression(flow, "condition", text, hint);
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.MultiInstance;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code bpmn:multiInstanceLoopCharacteristics} of an activity: {@code isSequential}, a
 * {@code loopCardinality} or a collection ({@code camunda:collection}, an expression or a variable
 * name, or BPMN's {@code loopDataInputRef}), the element variable ({@code camunda:elementVariable}
 * or {@code inputDataItem}), {@code completionCondition} and the asynchronous continuations of each
 * run ({@code camunda:asyncBefore/asyncAfter/exclusive}). Output data is refused.
 */
final class MultiInstanceReader {

  private static final Set<String> CHILDREN =
      Set.of(
          "documentation",
          "extensionElements",
          "loopCardinality",
          "completionCondition",
          "loopDataInputRef",
          "inputDataItem");

  private MultiInstanceReader() {}

  /** The characteristics of {@code activity}, or null when it has none or they were refused. */
  static @Nullable MultiInstance read(XmlElement activity, ReadContext ctx) {
    XmlElement loop = activity.child(Namespaces.BPMN, "multiInstanceLoopCharacteristics");
    if (loop == null) {
      return null;
    }
    int before = ctx.problems().size();
    ctx.checkAttributes(
        loop,
        UserTaskReader.union(
            Set.of("collection", "elementVariable"), ReadContext.ASYNC_ATTRIBUTES));
    ctx.extensions(loop, Set.of());
    for (XmlElement child : loop.children()) {
      if (child.namespace().equals(Namespaces.BPMN) && !CHILDREN.contains(child.localName())) {
        ctx.problem(
            activity.id(),
            child,
            child.displayName() + " inside bpmn:multiInstanceLoopCharacteristics is not supported");
      }
    }
    Expression cardinality = childExpression(activity, loop, "loopCardinality", ctx);
    Expression collection = collection(activity, loop, ctx);
    if ((cardinality == null) == (collection == null) && ctx.problems().size() == before) {
      ctx.problem(
          activity,
          "multi-instance "
              + activity.id()
              + " needs either a loopCardinality or a collection (camunda:collection or"
              + " loopDataInputRef), not "
              + (cardinality == null ? "neither" : "both"));
    }
    String elementVariable = loop.attribute(Namespaces.CAMUNDA, "elementVariable");
    XmlElement item = loop.child(Namespaces.BPMN, "inputDataItem");
    if (elementVariable == null && item != null) {
      elementVariable = item.attribute("name");
    }
    Expression completion = childExpression(activity, loop, "completionCondition", ctx);
    if (ctx.problems().size() != before) {
      return null;
    }
    return new MultiInstance(
        "true".equals(loop.attribute("isSequential")),
        cardinality,
        collection,
        elementVariable,
        completion,
        ctx.async(loop));
  }

  private static @Nullable Expression collection(
      XmlElement activity, XmlElement loop, ReadContext ctx) {
    String text = loop.attribute(Namespaces.CAMUNDA, "collection");
    if (text == null) {
      XmlElement ref = loop.child(Namespaces.BPMN, "loopDataInputRef");
      text = ref == null ? null : ref.text();
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    String source = text.strip();
    if (!source.contains("${") && !source.startsWith("=")) {
      if (!source.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        ctx.problem(activity, "multi-instance collection '" + source + "' is not a variable name");
        return null;
      }
      source = "${" + source + "}";
    }
    return ctx.expression(activity, "multi-instance collection", source);
  }

  private static @Nullable Expression childExpression(
      XmlElement activity, XmlElement loop, String name, ReadContext ctx) {
    XmlElement child = loop.child(Namespaces.BPMN, name);
    if (child == null || child.text() == null || child.text().isBlank()) {
      return null;
    }
    return ctx.expression(activity, "bpmn:" + name, child.text().strip());
  }
}

package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.IoMapping;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code camunda:inputOutput} of any flow node, with Camunda's rules on where it may stand:
 * not on start and boundary events, gateways or event sub-processes; no output parameters on end
 * events or multi-instance activities. Values are text, {@code ${…}}/FEEL expressions (E2), lists
 * and maps; {@code camunda:script} is refused (E3).
 */
final class IoMappingReader {

  /** Where Camunda refuses input/output mappings (its message names the element type). */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "startEvent",
          "boundaryEvent",
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "complexGateway");

  private IoMappingReader() {}

  /** The mapping of {@code element}, or null when it has none or it was refused. */
  static @Nullable IoMapping read(XmlElement element, boolean multiInstance, ReadContext ctx) {
    XmlElement container = element.child(Namespaces.BPMN, "extensionElements");
    XmlElement io = container == null ? null : container.child(Namespaces.CAMUNDA, "inputOutput");
    if (io == null) {
      return null;
    }
    String type = element.localName();
    if (UNSUPPORTED.contains(type)) {
      ctx.problem(
          element, "camunda:inputOutput mapping unsupported for element type '" + type + "'");
      return null;
    }
    List<IoMapping.Parameter> inputs = new ArrayList<>();
    List<IoMapping.Parameter> outputs = new ArrayList<>();
    for (XmlElement parameter : io.children()) {
      boolean input = parameter.is(Namespaces.CAMUNDA, "inputParameter");
      if (!input && !parameter.is(Namespaces.CAMUNDA, "outputParameter")) {
        ctx.problem(
            element.id(), parameter, parameter.displayName() + " inside camunda:inputOutput");
        continue;
      }
      String name = parameter.attribute("name");
      if (name == null || name.isBlank()) {
        ctx.problem(element.id(), parameter, parameter.displayName() + " needs a name");
        continue;
      }
      IoMapping.Value value = parameterValue(element, parameter, ctx);
      if (value != null) {
        (input ? inputs : outputs).add(new IoMapping.Parameter(name, value));
      }
    }
    if (!outputs.isEmpty() && type.equals("endEvent")) {
      ctx.problem(element, "camunda:outputParameter not allowed for element type 'endEvent'");
      return null;
    }
    if (!outputs.isEmpty() && multiInstance) {
      ctx.problem(element, "camunda:outputParameter not allowed for multi-instance constructs");
      return null;
    }
    return new IoMapping(inputs, outputs);
  }

  /** A parameter holds at most one list, map or script, else its text (blank: null). */
  private static IoMapping.@Nullable Value parameterValue(
      XmlElement owner, XmlElement parameter, ReadContext ctx) {
    if (parameter.children().size() > 1) {
      ctx.problem(
          owner.id(), parameter, parameter.displayName() + " holds more than one value element");
      return null;
    }
    if (parameter.children().isEmpty()) {
      return text(owner, parameter, ctx);
    }
    return value(owner, parameter.children().get(0), ctx);
  }

  private static IoMapping.@Nullable Value value(
      XmlElement owner, XmlElement element, ReadContext ctx) {
    if (element.is(Namespaces.CAMUNDA, "list")) {
      List<IoMapping.Value> items = new ArrayList<>();
      for (XmlElement item : element.children()) {
        IoMapping.Value v =
            item.is(Namespaces.CAMUNDA, "value") ? text(owner, item, ctx) : value(owner, item, ctx);
        if (v == null) {
          return null;
        }
        items.add(v);
      }
      return new IoMapping.ListValue(items);
    }
    if (element.is(Namespaces.CAMUNDA, "map")) {
      return map(owner, element, ctx);
    }
    if (element.is(Namespaces.CAMUNDA, "script")) {
      ctx.problem(
          owner.id(),
          element,
          "camunda:script in an input/output parameter of "
              + owner.displayName()
              + " is refused: scripts are disabled (E3)");
      return null;
    }
    ctx.problem(
        owner.id(),
        element,
        element.displayName() + " is not a value of an input/output parameter");
    return null;
  }

  private static IoMapping.@Nullable Value map(XmlElement owner, XmlElement map, ReadContext ctx) {
    List<IoMapping.Entry> entries = new ArrayList<>();
    for (XmlElement entry : map.children()) {
      String key = entry.attribute("key");
      if (!entry.is(Namespaces.CAMUNDA, "entry") || key == null) {
        ctx.problem(owner.id(), entry, "a camunda:map holds camunda:entry elements with a key");
        return null;
      }
      Expression keyExpression = ctx.expression(owner, "camunda:entry key", key);
      IoMapping.Value v =
          entry.children().isEmpty()
              ? text(owner, entry, ctx)
              : entry.children().size() == 1 ? value(owner, entry.children().get(0), ctx) : null;
      if (keyExpression == null || v == null) {
        return null;
      }
      entries.add(new IoMapping.Entry(keyExpression, v));
    }
    return new IoMapping.MapValue(entries);
  }

  private static IoMapping.@Nullable Value text(
      XmlElement owner, XmlElement element, ReadContext ctx) {
    String text = element.text();
    if (text == null || text.isBlank()) {
      return new IoMapping.NullValue();
    }
    Expression expression =
        ctx.expression(
            owner, element.displayName() + " '" + element.attribute("name") + "'", text.strip());
    return expression == null ? null : new IoMapping.Single(expression);
  }
}

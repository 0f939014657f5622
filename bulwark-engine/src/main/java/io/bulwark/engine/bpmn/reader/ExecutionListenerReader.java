package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ExecutionListeners.Event;
import io.bulwark.engine.bpmn.model.ExecutionListeners.Listener;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code camunda:executionListener}s of a process, flow node or sequence flow (issue 16,
 * listeners without code). A listener is accepted only when its {@code expression} sets one
 * variable: {@code ${execution.setVariable('name', value)}}, where {@code value} is a safe
 * expression (E2) compiled like any other. The call is recognised as a whole and never evaluated as
 * a method call; a class, a delegate expression, a script, field injection or any other expression
 * is refused (Z10, E3, E2) with the element and line.
 */
final class ExecutionListenerReader {

  static final String ELEMENT = "executionListener";

  /** {@code ${execution.setVariable('name', value)}}: method, quote, name, value. */
  private static final Pattern SET_VARIABLE =
      Pattern.compile(
          "\\$\\{\\s*execution\\s*\\.\\s*(setVariable)\\s*\\(\\s*(['\"])"
              + "([A-Za-z_][A-Za-z0-9_\\-]*)\\2\\s*,(.+)\\)\\s*}",
          Pattern.DOTALL);

  /** What a node or process may listen to. */
  static final Set<Event> NODE_EVENTS = Set.of(Event.START, Event.END);

  /** What a sequence flow may listen to. */
  static final Set<Event> FLOW_EVENTS = Set.of(Event.TAKE);

  private ExecutionListenerReader() {}

  /** Whether {@code ext} is an execution listener extension element. */
  static boolean isListener(XmlElement ext) {
    return ext.namespace().equals(Namespaces.CAMUNDA) && ext.localName().equals(ELEMENT);
  }

  /** The accepted listeners of {@code element}; every refused one is a problem in {@code ctx}. */
  static List<Listener> read(XmlElement element, Set<Event> events, ReadContext ctx) {
    XmlElement container = element.child(Namespaces.BPMN, "extensionElements");
    if (container == null) {
      return List.of();
    }
    List<Listener> listeners = new ArrayList<>();
    for (XmlElement ext : container.children()) {
      if (isListener(ext)) {
        Listener listener = listener(element, ext, events, ctx);
        if (listener != null) {
          listeners.add(listener);
        }
      }
    }
    return List.copyOf(listeners);
  }

  private static @Nullable Listener listener(
      XmlElement owner, XmlElement ext, Set<Event> events, ReadContext ctx) {
    String where = "camunda:executionListener on " + owner.displayName();
    for (String code : List.of("class", "delegateExpression")) {
      if (ext.attribute(code) != null) {
        ctx.problem(owner.id(), ext, where + " names a " + code + ": listeners run code (Z10)");
        return null;
      }
    }
    if (!ext.children(Namespaces.CAMUNDA, "script").isEmpty()) {
      ctx.problem(owner.id(), ext, where + " holds a script: scripts are disabled (E3)");
      return null;
    }
    if (!ext.children(Namespaces.CAMUNDA, "field").isEmpty()) {
      ctx.problem(owner.id(), ext, where + ": field injection into classes (Z10)");
      return null;
    }
    Event event = event(owner, ext, events, where, ctx);
    String text = ext.attribute("expression");
    if (event == null || text == null) {
      if (text == null) {
        ctx.problem(owner.id(), ext, where + " needs an expression that sets a variable");
      }
      return null;
    }
    return setVariable(owner, ext, event, text.strip(), where, ctx);
  }

  private static @Nullable Event event(
      XmlElement owner, XmlElement ext, Set<Event> events, String where, ReadContext ctx) {
    String name = ext.attribute("event");
    if (name == null && events.contains(Event.TAKE)) {
      return Event.TAKE; // Camunda's default on a sequence flow
    }
    Event event = null;
    for (Event candidate : events) {
      if (candidate.name().toLowerCase(Locale.ROOT).equals(name)) {
        event = candidate;
      }
    }
    if (event == null) {
      ctx.problem(
          owner.id(),
          ext,
          where
              + " has event '"
              + name
              + "'; allowed: "
              + events.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }
    return event;
  }

  private static @Nullable Listener setVariable(
      XmlElement owner, XmlElement ext, Event event, String text, String where, ReadContext ctx) {
    Matcher m = SET_VARIABLE.matcher(text);
    if (!m.matches()) {
      ctx.problem(
          owner.id(),
          ext,
          where
              + ": expression '"
              + text
              + "' is refused; a listener may only set one variable, as in"
              + " ${execution.setVariable('name', value)}, without calling Java (E2)");
      return null;
    }
    Expression value =
        ctx.expression(owner, where + ": the value", "${" + m.group(4).strip() + "}");
    if (value == null) {
      return null;
    }
    return new Listener(event, m.group(3), value);
  }
}

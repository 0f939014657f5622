package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.BpmnError;
import io.bulwark.engine.bpmn.model.BpmnEscalation;
import io.bulwark.engine.bpmn.model.BpmnMessage;
import io.bulwark.engine.bpmn.model.BpmnSignal;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.bpmn.model.TimerType;
import io.bulwark.engine.bpmn.model.VariableMapping;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads the event definition child of an event, allowing only the kinds the caller names. */
final class EventDefinitionReader {

  static final String MESSAGE = "messageEventDefinition";
  static final String TIMER = "timerEventDefinition";
  static final String ERROR = "errorEventDefinition";
  static final String TERMINATE = "terminateEventDefinition";
  static final String ESCALATION = "escalationEventDefinition";
  static final String SIGNAL = "signalEventDefinition";
  static final String LINK = "linkEventDefinition";
  static final String CONDITIONAL = "conditionalEventDefinition";
  static final String COMPENSATE = "compensateEventDefinition";
  static final String CANCEL = "cancelEventDefinition";

  private static final Map<String, TimerType> TIMER_ELEMENTS =
      Map.of(
          "timeDate", TimerType.DATE,
          "timeDuration", TimerType.DURATION,
          "timeCycle", TimerType.CYCLE);

  /** Event definitions are checked by {@link #read}, not as plain children. */
  static final Set<String> DEFINITIONS =
      Set.of(
          "messageEventDefinition",
          "timerEventDefinition",
          "errorEventDefinition",
          "terminateEventDefinition",
          "signalEventDefinition",
          "escalationEventDefinition",
          "compensateEventDefinition",
          "conditionalEventDefinition",
          "linkEventDefinition",
          "cancelEventDefinition");

  private EventDefinitionReader() {}

  /**
   * Checks the shape of an event element (no attributes or children beyond event definitions, no
   * extensions) and reads its definition, one of {@code allowed}; see {@link #read}.
   */
  static EventDefinition readEvent(XmlElement event, Set<String> allowed, ReadContext context) {
    return readEvent(event, allowed, Set.of(), context);
  }

  /** As {@link #readEvent(XmlElement, Set, ReadContext)}, allowing these camunda attributes. */
  static EventDefinition readEvent(
      XmlElement event, Set<String> allowed, Set<String> attributes, ReadContext context) {
    context.checkShape(event, attributes, DEFINITIONS);
    context.extensions(event, Set.of());
    return read(event, allowed, context);
  }

  /** Returns {@link EventDefinition#NONE} when the event has no definition. */
  static EventDefinition read(XmlElement event, Set<String> allowed, ReadContext context) {
    List<XmlElement> definitions = new ArrayList<>();
    for (XmlElement child : event.children()) {
      if (child.namespace().equals(Namespaces.BPMN) && child.localName().endsWith("Definition")) {
        definitions.add(child);
      }
    }
    if (definitions.isEmpty()) {
      return EventDefinition.NONE;
    }
    if (definitions.size() > 1) {
      context.problem(
          event, event.displayName() + " with several event definitions is not supported");
    }
    XmlElement definition = definitions.get(0);
    if (!allowed.contains(definition.localName())) {
      context.problem(
          event.id(),
          definition,
          definition.displayName() + " on " + event.displayName() + " is not supported");
      return EventDefinition.NONE;
    }
    return switch (definition.localName()) {
      case MESSAGE ->
          THROWING.contains(event.localName())
              ? thrownMessage(event, definition, context)
              : message(event, definition, context);
      case TIMER -> timer(event, definition, context);
      case ERROR -> error(definition, context);
      case ESCALATION -> escalation(event, definition, context);
      case SIGNAL -> signal(event, definition, context);
      case LINK -> link(event, definition, context);
      case CONDITIONAL -> conditional(event, definition, context);
      case COMPENSATE -> compensate(definition, context);
      case CANCEL -> new EventDefinition.Cancel();
      default -> new EventDefinition.Terminate();
    };
  }

  /** The events that throw the definition they hold rather than wait for it. */
  private static final Set<String> THROWING = Set.of("intermediateThrowEvent", "endEvent");

  /** The Camunda attributes that would send a thrown message by running code. */
  private static final List<String> MESSAGE_CODE =
      List.of("class", "delegateExpression", "expression");

  /**
   * A message throw or end event without an implementation passes the token on, as in Camunda 7,
   * which leaves its {@code messageRef} unread; with {@code camunda:type="external"} it is an
   * external task of its {@code camunda:topic}; one that would send the message with a class or an
   * expression is refused (Z10).
   */
  private static EventDefinition thrownMessage(
      XmlElement event, XmlElement def, ReadContext context) {
    List<String> code =
        MESSAGE_CODE.stream().filter(a -> def.attribute(Namespaces.CAMUNDA, a) != null).toList();
    for (String attribute : code) {
      context.problem(
          event.id(),
          def,
          "camunda:"
              + attribute
              + " on a message throw event is refused: it runs code in the engine (Z10);"
              + " use an external service task to send the message");
    }
    context.checkShape(
        def, Set.of("class", "delegateExpression", "expression", "type", "topic"), Set.of());
    context.extensions(def, Set.of());
    String type = def.attribute(Namespaces.CAMUNDA, "type");
    if (type == null) {
      return EventDefinition.NONE;
    }
    if (!type.equals("external")) {
      context.problem(
          event.id(),
          def,
          "camunda:type '"
              + type
              + "' on a message throw event is not supported; use \"external\"");
      return EventDefinition.NONE;
    }
    return new EventDefinition.MessageTask(
        ServiceTaskReader.externalTopic(
            event, def, def.attribute(Namespaces.CAMUNDA, "topic"), context));
  }

  private static EventDefinition message(XmlElement event, XmlElement def, ReadContext context) {
    String ref = def.attribute("messageRef");
    BpmnMessage message = ReadContext.reference(context.messages(), ref);
    if (message == null) {
      context.problem(
          event.id(), def, "messageRef '" + ref + "' does not name a bpmn:message of this file");
      return EventDefinition.NONE;
    }
    return new EventDefinition.Message(message.id(), message.name());
  }

  private static EventDefinition conditional(
      XmlElement event, XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of("variableName"), Set.of("condition"));
    context.extensions(def, Set.of());
    XmlElement condition = def.child(Namespaces.BPMN, "condition");
    if (condition == null || condition.text() == null || condition.text().isBlank()) {
      context.problem(event.id(), def, "a conditional event needs a condition");
      return EventDefinition.NONE;
    }
    String language = condition.attribute("language");
    if (language != null
        && !language.equalsIgnoreCase("juel")
        && !language.equalsIgnoreCase("feel")) {
      context.problem(
          event.id(),
          condition,
          "condition in " + language + " is a script; scripts are disabled (E3)");
      return EventDefinition.NONE;
    }
    Expression expression =
        context.expression(
            condition,
            "condition",
            condition.text().strip(),
            "feel".equalsIgnoreCase(language)
                ? io.bulwark.engine.expression.ExpressionLanguage.FEEL
                : io.bulwark.engine.expression.ExpressionLanguage.EL);
    if (expression == null) {
      return EventDefinition.NONE;
    }
    String variableName = def.attribute(Namespaces.CAMUNDA, "variableName");
    return new EventDefinition.Conditional(
        expression, variableName == null || variableName.isBlank() ? null : variableName.strip());
  }

  /** {@code activityRef} (an ID in the thrower's scope, checked later) and waitForCompletion. */
  private static EventDefinition compensate(XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of(), Set.of());
    context.extensions(def, Set.of());
    String ref = def.attribute("activityRef");
    return new EventDefinition.Compensate(
        ref == null || ref.isBlank() ? null : ref.strip(),
        !"false".equals(def.attribute("waitForCompletion")));
  }

  private static EventDefinition link(XmlElement event, XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of(), Set.of("source", "target"));
    String name = def.attribute("name");
    if (name == null || name.isBlank()) {
      context.problem(event.id(), def, "a link event needs a name");
      return EventDefinition.NONE;
    }
    return new EventDefinition.Link(name);
  }

  private static EventDefinition signal(XmlElement event, XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of("async"), Set.of());
    boolean throwing = THROWING.contains(event.localName());
    List<VariableMapping> payload = new ArrayList<>();
    for (XmlElement in : context.extensions(def, throwing ? Set.of("in") : Set.of())) {
      VariableMapping mapping = CallActivityReader.mapping(event, in, context);
      if (mapping != null) {
        payload.add(mapping);
      }
    }
    boolean async = "true".equals(def.attribute(Namespaces.CAMUNDA, "async"));
    if (async && !throwing) {
      context.problem(
          event.id(), def, "camunda:async on a catching signal event definition is not supported");
    } else if (async && !payload.isEmpty()) {
      context.problem(
          event.id(),
          def,
          "camunda:in on an asynchronous signal throw (camunda:async) is not supported yet");
    }
    String ref = def.attribute("signalRef");
    BpmnSignal signal = ReadContext.reference(context.signals(), ref);
    if (signal == null) {
      context.problem(
          event.id(), def, "signalRef '" + ref + "' does not name a bpmn:signal of this file");
      return EventDefinition.NONE;
    }
    Expression name = null;
    if (signal.name().contains("${") || signal.name().contains("#{")) {
      name = context.expression(def, "signal name '" + signal.name() + "'", signal.name());
      if (name == null) {
        return EventDefinition.NONE;
      }
    }
    return new EventDefinition.Signal(signal.id(), signal.name(), payload, name, async);
  }

  private static EventDefinition error(XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of("errorCodeVariable", "errorMessageVariable"), Set.of());
    String ref = def.attribute("errorRef");
    String codeVariable = def.attribute(Namespaces.CAMUNDA, "errorCodeVariable");
    String messageVariable = def.attribute(Namespaces.CAMUNDA, "errorMessageVariable");
    if (ref == null) {
      return new EventDefinition.ErrorEvent(null, null, codeVariable, messageVariable);
    }
    BpmnError error = ReadContext.reference(context.errors(), ref);
    if (error == null) {
      // Camunda: an errorRef that names no bpmn:error is the error code itself.
      return new EventDefinition.ErrorEvent(ref, ref, codeVariable, messageVariable);
    }
    return new EventDefinition.ErrorEvent(
        error.id(), error.errorCode(), codeVariable, messageVariable);
  }

  /**
   * An escalation: a thrown one must name a {@code bpmn:escalation} with a code (checked by the
   * throwing readers); a caught one without {@code escalationRef}, or naming one without code,
   * catches all.
   */
  private static EventDefinition escalation(XmlElement event, XmlElement def, ReadContext context) {
    context.checkShape(def, Set.of("escalationCodeVariable"), Set.of());
    String ref = def.attribute("escalationRef");
    String codeVariable = def.attribute(Namespaces.CAMUNDA, "escalationCodeVariable");
    if (ref == null || ref.isBlank()) {
      return new EventDefinition.Escalation(null, null, codeVariable);
    }
    BpmnEscalation escalation = ReadContext.reference(context.escalations(), ref);
    if (escalation == null) {
      context.problem(
          event.id(),
          def,
          "escalationRef '" + ref + "' does not name a bpmn:escalation of this file");
      return EventDefinition.NONE;
    }
    String code =
        escalation.code() == null || escalation.code().isBlank() ? null : escalation.code();
    return new EventDefinition.Escalation(escalation.id(), code, codeVariable);
  }

  /** A thrown escalation must name a bpmn:escalation with an escalationCode (as Camunda). */
  static void requireThrownEscalation(
      XmlElement element, EventDefinition definition, ReadContext context) {
    if (definition instanceof EventDefinition.Escalation escalation
        && escalation.escalationCode() == null) {
      context.problem(
          element,
          "a throwing escalation event needs an escalationRef to a bpmn:escalation with an"
              + " escalationCode");
    }
  }

  private static EventDefinition timer(XmlElement event, XmlElement def, ReadContext context) {
    List<XmlElement> values =
        def.children().stream().filter(c -> TIMER_ELEMENTS.containsKey(c.localName())).toList();
    if (values.size() != 1) {
      context.problem(
          event.id(), def, "a timer needs exactly one of timeDate, timeDuration or timeCycle");
      return EventDefinition.NONE;
    }
    XmlElement value = values.get(0);
    TimerType type =
        Objects.requireNonNull(TIMER_ELEMENTS.get(value.localName()), "filtered to timer elements");
    String text = value.text().strip();
    if (text.contains("${") || text.contains("#{") || text.startsWith("=")) {
      Expression expression = context.expression(value, "timer " + value.localName(), text);
      return expression == null
          ? EventDefinition.NONE
          : new EventDefinition.Timer(new TimerSpec.Dynamic(type, expression));
    }
    try {
      return new EventDefinition.Timer(TimerSpec.parse(type, text));
    } catch (DateTimeException e) {
      context.problem(
          event.id(),
          value,
          "invalid " + type.name().toLowerCase(Locale.ROOT) + " timer: " + e.getMessage());
      return EventDefinition.NONE;
    }
  }
}

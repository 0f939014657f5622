package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.IoMapping;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Mail tasks ({@code camunda:type="mail"} on a send or service task) as external tasks of the topic
 * {@link #TOPIC}, so that no mail is sent from the server: a worker sends it. Their {@code
 * camunda:field}s are read as input parameters: when the task starts, each field is evaluated (text
 * or a safe {@code ${…}} expression, E2) and set as a local variable of the task's execution, where
 * the worker of the mail topic reads it; it goes when the task is left, like any input parameter.
 * Only Camunda 7's mail fields are accepted.
 */
final class MailFields {

  static final String FIELD = "field";

  /** The topic of a mail task: a worker sends the mail that its fields describe. */
  static final String TOPIC = "camunda-mail";

  /** Camunda 7's mail fields ({@code MailActivityBehavior}). */
  static final Set<String> NAMES =
      Set.of("to", "from", "cc", "bcc", "subject", "text", "textVar", "html", "htmlVar", "charset");

  private MailFields() {}

  /** A send or service task with {@code camunda:type="mail"}. */
  static boolean isMailTask(XmlElement element) {
    return (element.is(Namespaces.BPMN, "sendTask") || element.is(Namespaces.BPMN, "serviceTask"))
        && "mail".equals(element.attribute(Namespaces.CAMUNDA, "type"));
  }

  /** A mail task is an external task of {@link #TOPIC}; it names no topic of its own. */
  static ServiceImplementation implementation(XmlElement element, ReadContext ctx) {
    for (String attribute : List.of("topic", "class", "delegateExpression")) {
      if (element.attribute(Namespaces.CAMUNDA, attribute) != null) {
        ctx.problem(
            element,
            "a mail task (camunda:type=\"mail\") has no camunda:"
                + attribute
                + ": a worker of topic '"
                + TOPIC
                + "' sends its mail");
      }
    }
    return new ServiceImplementation.ExternalTopic(TOPIC);
  }

  /**
   * {@code io} with the fields of a mail send task before its own input parameters (which may
   * override a field); {@code io} itself for any other element.
   */
  static @Nullable IoMapping withFields(
      XmlElement element, @Nullable IoMapping io, ReadContext ctx) {
    if (!isMailTask(element)) {
      return io;
    }
    XmlElement container = element.child(Namespaces.BPMN, "extensionElements");
    List<IoMapping.Parameter> inputs = new ArrayList<>();
    for (XmlElement field :
        container == null ? List.<XmlElement>of() : container.children(Namespaces.CAMUNDA, FIELD)) {
      IoMapping.Parameter parameter = parameter(element, field, ctx);
      if (parameter != null) {
        inputs.add(parameter);
      }
    }
    if (inputs.isEmpty()) {
      return io;
    }
    if (io != null) {
      inputs.addAll(io.inputs());
    }
    return new IoMapping(inputs, io == null ? List.of() : io.outputs());
  }

  private static IoMapping.@Nullable Parameter parameter(
      XmlElement task, XmlElement field, ReadContext ctx) {
    String name = field.attribute("name");
    if (name == null || !NAMES.contains(name)) {
      ctx.problem(
          task.id(),
          field,
          "camunda:field '"
              + name
              + "' of a mail task is not a mail field; use one of "
              + new java.util.TreeSet<>(NAMES));
      return null;
    }
    String text = text(field);
    if (text == null) {
      ctx.problem(
          task.id(),
          field,
          "camunda:field '"
              + name
              + "' needs one value: stringValue, expression, camunda:string or camunda:expression");
      return null;
    }
    Expression expression = ctx.expression(task, "camunda:field '" + name + "'", text);
    return expression == null
        ? null
        : new IoMapping.Parameter(name, new IoMapping.Single(expression));
  }

  /** The field's one value: an attribute or a child element; null when none or several. */
  private static @Nullable String text(XmlElement field) {
    List<String> values = new ArrayList<>();
    for (String attribute : List.of("stringValue", "expression")) {
      String value = field.attribute(attribute);
      if (value != null) {
        values.add(value);
      }
    }
    for (XmlElement child : field.children()) {
      if (!child.is(Namespaces.CAMUNDA, "string") && !child.is(Namespaces.CAMUNDA, "expression")) {
        return null;
      }
      values.add(child.text().strip());
    }
    return values.size() == 1 ? values.get(0) : null;
  }
}

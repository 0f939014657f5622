package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ElementType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;

/**
 * Send tasks, carried out by external workers so that no code runs in the server (issue 16): with
 * an implementation ({@code camunda:type="external"} and a topic, or a {@code camunda:class} or
 * {@code camunda:delegateExpression} mapped to a topic) exactly like a service task, as Camunda 7
 * runs them; {@code camunda:type="mail"} becomes an external task of the topic {@link
 * MailFields#TOPIC} whose {@code camunda:field}s the worker receives as local variables ({@link
 * MailFields}). A send task without an implementation is refused, as in Camunda 7.
 */
final class SendTaskReader implements ElementReader {

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    return ServiceTaskReader.task(
        element, scopeId, ctx, ElementType.SEND_TASK, SendTaskReader::implementation);
  }

  private static ServiceImplementation implementation(XmlElement element, ReadContext ctx) {
    String type = element.attribute(Namespaces.CAMUNDA, "type");
    boolean none =
        type == null
            && element.attribute(Namespaces.CAMUNDA, "class") == null
            && element.attribute(Namespaces.CAMUNDA, "delegateExpression") == null
            && element.attribute(Namespaces.CAMUNDA, "expression") == null;
    if (none) {
      ctx.problem(
          element,
          "a send task needs an implementation: camunda:type=\"external\" with camunda:topic, or"
              + " camunda:type=\"mail\" (a worker of topic '"
              + MailFields.TOPIC
              + "' sends it)");
      return new ServiceImplementation.ExternalTopic("");
    }
    if (type != null && !"external".equals(type)) {
      ctx.problem(
          element,
          "invalid camunda:type '"
              + type
              + "' of a send task: only \"external\" and \"mail\" are supported");
      return new ServiceImplementation.ExternalTopic("");
    }
    return ServiceTaskReader.implementation(element, ctx);
  }
}

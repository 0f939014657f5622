package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ElementType;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Service tasks as external tasks ({@code camunda:type="external"} with a topic) or, embedded only,
 * Java delegates whose class is on the allowlist (Z10). A {@code camunda:class} or {@code
 * camunda:delegateExpression} named in the delegate topics setting becomes an external task of the
 * mapped topic. A mail task ({@code camunda:type="mail"}) is an external task of the mail topic
 * ({@link MailFields}). Other expressions, delegate expressions and connectors are rejected.
 */
final class ServiceTaskReader implements ElementReader {

  static final Set<String> ATTRIBUTES =
      UserTaskReader.union(
          ReadContext.ASYNC_ATTRIBUTES, Set.of("type", "topic", "class", "delegateExpression"));

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    return task(element, scopeId, ctx, ElementType.SERVICE_TASK, ServiceTaskReader::implementation);
  }

  /**
   * A service or send task ({@code type}): a mail task's fields, else {@code implementation} of the
   * element.
   */
  static ServiceTask task(
      XmlElement element,
      String scopeId,
      ReadContext ctx,
      ElementType type,
      java.util.function.BiFunction<XmlElement, ReadContext, ServiceImplementation>
          implementation) {
    ctx.checkShape(element, ATTRIBUTES, Set.of());
    boolean mail = MailFields.isMailTask(element);
    ctx.extensions(element, mail ? Set.of(MailFields.FIELD) : Set.of());
    return new ServiceTask(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        mail ? MailFields.implementation(element, ctx) : implementation.apply(element, ctx),
        type);
  }

  static ServiceImplementation implementation(XmlElement element, ReadContext ctx) {
    String type = element.attribute(Namespaces.CAMUNDA, "type");
    String topic = element.attribute(Namespaces.CAMUNDA, "topic");
    String className = element.attribute(Namespaces.CAMUNDA, "class");
    String delegateExpression = element.attribute(Namespaces.CAMUNDA, "delegateExpression");
    String delegate = className != null ? className : delegateExpression;
    String mapped = delegate == null ? null : ctx.options().delegateTopics().get(delegate);
    if (mapped == null && delegateExpression != null && delegateExpression.matches("\\$\\{\\w+}")) {
      // ${bean} may be mapped by the bean name alone (Spring settings cannot hold ${…} unescaped)
      String bean = delegateExpression.substring(2, delegateExpression.length() - 1);
      mapped = ctx.options().delegateTopics().get(bean);
    }
    if (mapped != null && type == null && topic == null) {
      // A Camunda model's Java delegate, moved to external workers by the delegate topic setting.
      return new ServiceImplementation.ExternalTopic(mapped);
    }
    if (delegateExpression != null) {
      ctx.problem(
          element,
          "delegate expression camunda:delegateExpression='"
              + delegateExpression
              + "' is refused: it runs a bean in the engine (Z10); map it to an external task"
              + " topic (delegate topics) or use camunda:type=\"external\"");
      return new ServiceImplementation.ExternalTopic("");
    }
    if (className != null) {
      if (type != null || topic != null) {
        ctx.problem(element, "service task has both camunda:class and an external topic");
      }
      if (!ctx.options().allowedDelegateClasses().contains(className)) {
        ctx.problem(
            element,
            "Java class reference camunda:class='"
                + className
                + "' is not on the delegate allowlist; classes run code in the engine (Z10);"
                + " map it to an external task topic (delegate topics) or use"
                + " camunda:type=\"external\"");
      }
      return new ServiceImplementation.JavaDelegate(className);
    }
    if (!"external".equals(type)) {
      ctx.problem(
          element,
          "service task must be an external task (camunda:type=\"external\" with camunda:topic)");
      return new ServiceImplementation.ExternalTopic("");
    }
    return externalTopic(element, element, topic, ctx);
  }

  /**
   * The external topic {@code topic} that {@code holder} (the element or its event definition)
   * names for {@code element}: plain text, or an expression Camunda 7 evaluates when the task is
   * created (ExternalTaskParseTest).
   */
  static ServiceImplementation.ExternalTopic externalTopic(
      XmlElement element, XmlElement holder, @Nullable String topic, ReadContext ctx) {
    if (topic == null || topic.isBlank()) {
      String what =
          element.localName().equals("serviceTask")
              ? "external service task"
              : "external task of " + element.displayName();
      ctx.problem(element.id(), holder, what + " has no camunda:topic");
      return new ServiceImplementation.ExternalTopic("");
    }
    if (topic.contains("${") || topic.contains("#{")) {
      Expression expression = ctx.expression(element, "camunda:topic", topic);
      return new ServiceImplementation.ExternalTopic(topic, expression);
    }
    return new ServiceImplementation.ExternalTopic(topic);
  }
}

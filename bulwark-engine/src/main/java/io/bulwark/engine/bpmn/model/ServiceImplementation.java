package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import org.jspecify.annotations.Nullable;

/** How a service task is carried out. */
public sealed interface ServiceImplementation {

  /**
   * {@code camunda:type="external"}: workers fetch and lock tasks of {@code topic}; or, when {@code
   * expression} is set ({@code camunda:topic="${…}"}), of the topic it evaluates to when the task
   * is created ({@code topic} is then the expression's text).
   */
  record ExternalTopic(String topic, @Nullable Expression expression)
      implements ServiceImplementation {

    public ExternalTopic(String topic) {
      this(topic, null);
    }
  }

  /**
   * {@code camunda:class}: a Java delegate, only for embedded use and only when the class is on the
   * allowlist of the parse options (Z10).
   */
  record JavaDelegate(String className) implements ServiceImplementation {}
}

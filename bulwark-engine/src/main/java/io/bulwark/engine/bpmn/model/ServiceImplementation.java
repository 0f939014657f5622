package io.bulwark.engine.bpmn.model;

/** How a service task is carried out. */
public sealed interface ServiceImplementation {

  /** {@code camunda:type="external"}: workers fetch and lock tasks of {@code topic}. */
  record ExternalTopic(String topic) implements ServiceImplementation {}

  /**
   * {@code camunda:class}: a Java delegate, only for embedded use and only when the class is on the
   * allowlist of the parse options (Z10).
   */
  record JavaDelegate(String className) implements ServiceImplementation {}
}

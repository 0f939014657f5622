package io.bulwark.engine.api.spi;

/**
 * Code run by a service task with {@code camunda:class}, in embedded use only (Z10). The engine
 * instantiates a delegate only when its class name is on the allowlist of the parse options ({@code
 * allowedDelegateClasses}), through its public no-argument constructor, once per class;
 * implementations must therefore be thread-safe. A delegate runs inside the command's transaction:
 * an exception rolls the whole command back, a {@link BpmnErrorException} is a BPMN error caught by
 * a boundary error event.
 */
public interface JavaDelegate {

  void execute(DelegateExecution execution);
}

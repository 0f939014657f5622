package io.bulwark.engine.bpmn.model;

/** A node that does work and may carry boundary events and asynchronous continuations. */
public sealed interface Activity extends FlowNode
    permits UserTask,
        ServiceTask,
        SubProcess,
        CallActivity,
        PassThroughTask,
        ReceiveTask,
        BusinessRuleTask {

  @Override
  AsyncSettings async();
}

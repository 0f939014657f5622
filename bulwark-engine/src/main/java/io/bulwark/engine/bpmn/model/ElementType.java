package io.bulwark.engine.bpmn.model;

/** The BPMN element type of a node, named as in the XML (useful for history and messages). */
public enum ElementType {
  START_EVENT("startEvent"),
  END_EVENT("endEvent"),
  INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent"),
  BOUNDARY_EVENT("boundaryEvent"),
  USER_TASK("userTask"),
  SERVICE_TASK("serviceTask"),
  SEND_TASK("sendTask"),
  SUB_PROCESS("subProcess"),
  CALL_ACTIVITY("callActivity"),
  EXCLUSIVE_GATEWAY("exclusiveGateway"),
  PARALLEL_GATEWAY("parallelGateway"),
  INCLUSIVE_GATEWAY("inclusiveGateway"),
  TASK("task"),
  RECEIVE_TASK("receiveTask"),
  MANUAL_TASK("manualTask"),
  INTERMEDIATE_THROW_EVENT("intermediateThrowEvent"),
  EVENT_BASED_GATEWAY("eventBasedGateway"),
  BUSINESS_RULE_TASK("businessRuleTask"),
  TRANSACTION("transaction");

  private final String xmlName;

  ElementType(String xmlName) {
    this.xmlName = xmlName;
  }

  public String xmlName() {
    return xmlName;
  }
}

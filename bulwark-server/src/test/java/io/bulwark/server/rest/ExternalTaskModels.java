package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An order process for the external task tests: topic {@code <charge>} (a BPMN error {@code
 * DECLINED} from it is caught and ends the instance at {@code declined}), then topic {@code
 * <ship>}, then the end. Topic names are unique per test so that tests sharing a server never fetch
 * each other's tasks.
 */
record ExternalTaskModels(String key, String charge, String ship) {

  static ExternalTaskModels unique() {
    String suffix = RestTestClient.suffix();
    return new ExternalTaskModels("order-" + suffix, "charge-" + suffix, "ship-" + suffix);
  }

  String xml() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_%1$s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="charge" camunda:type="external" camunda:topic="%2$s"/>
            <bpmn:boundaryEvent id="declined_event" attachedToRef="charge">
              <bpmn:errorEventDefinition errorRef="err" camunda:errorCodeVariable="code"/>
            </bpmn:boundaryEvent>
            <bpmn:serviceTask id="ship" camunda:type="external" camunda:topic="%3$s"/>
            <bpmn:endEvent id="shipped"/>
            <bpmn:endEvent id="declined"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="charge"/>
            <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="ship"/>
            <bpmn:sequenceFlow id="f3" sourceRef="ship" targetRef="shipped"/>
            <bpmn:sequenceFlow id="f4" sourceRef="declined_event" targetRef="declined"/>
          </bpmn:process>
          <bpmn:error id="err" errorCode="DECLINED"/>
        </bpmn:definitions>
        """
        .formatted(key, charge, ship);
  }

  void deploy(BulwarkEngine engine, Principal admin) {
    engine
        .repositoryService()
        .deploy(
            admin,
            new DeploymentRequest(
                key, Map.of(key + ".bpmn", xml().getBytes(StandardCharsets.UTF_8)), null));
  }

  /** What a worker needs: FETCH_TOPIC on both topics, READ and UPDATE on external tasks (Z2). */
  void grantWorker(BulwarkEngine engine, Principal admin, String userId) {
    var rules = engine.authorizationService();
    rules.createRule(
        admin,
        NewAuthorizationRule.grantToUser(userId, "EXTERNAL_TASK_TOPIC", charge, "FETCH_TOPIC"));
    rules.createRule(
        admin,
        NewAuthorizationRule.grantToUser(userId, "EXTERNAL_TASK_TOPIC", ship, "FETCH_TOPIC"));
    rules.createRule(
        admin,
        NewAuthorizationRule.grantToUser(
            userId, "EXTERNAL_TASK", "*", "READ", "UPDATE", "OPERATE"));
  }
}

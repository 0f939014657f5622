package io.bulwark.engine.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small BPMN models for focused tests. */
public final class Models {

  private Models() {}

  /**
   * Variables of {@code loan-application.bpmn} for a large loan: two reviewers, collateral, no
   * co-applicant. A new mutable map on each call.
   */
  public static Map<String, Object> largeLoan() {
    Map<String, Object> loan = new HashMap<>();
    loan.put("amount", 20_000);
    loan.put("coApplicant", "");
    loan.put("reviewers", List.of("carol", "dave"));
    loan.put("collateral", Map.of("value", 100));
    return loan;
  }

  public static String process(String id, String body) {
    return process(id, body, "");
  }

  /** A process {@code id}; {@code definitionsLevel} goes after it (errors, messages). */
  public static String process(String id, String body, String definitionsLevel) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="d_%s" targetNamespace="http://bulwark.io/test">
          <bpmn:process id="%s" isExecutable="true">
        %s
          </bpmn:process>
        %s
        </bpmn:definitions>
        """
        .formatted(id, id, body, definitionsLevel);
  }

  static String oneTask(String id, String taskAttributes) {
    return process(
        id,
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task" name="Task" %s/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
        """
            .formatted(taskAttributes));
  }

  static String parallel(String id) {
    return process(
        id,
        """
            <bpmn:startEvent id="s"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a"/>
            <bpmn:userTask id="b"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:userTask id="after"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join"/>
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join"/>
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="after"/>
            <bpmn:sequenceFlow id="f7" sourceRef="after" targetRef="e"/>
        """);
  }
}

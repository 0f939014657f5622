package io.bulwark.engine.runtime;

/** Small BPMN models for focused tests. */
public final class Models {

  private Models() {}

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

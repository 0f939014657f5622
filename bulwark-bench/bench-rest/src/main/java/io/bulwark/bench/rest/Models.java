package io.bulwark.bench.rest;

/**
 * The three models of the REST workload, deployed unchanged to both servers: {@link #STARTS} (a
 * user task nobody is a candidate for), {@link #EXTERNAL} (one external task of {@link #TOPIC}) and
 * {@link #TASKS} (a user task whose candidate group is the variable {@code group}).
 */
final class Models {

  static final String STARTS = "restStart";
  static final String EXTERNAL = "restExternal";
  static final String TASKS = "restTasks";
  static final String TOPIC = "restWork";

  private Models() {}

  static String xml(String key) {
    String work =
        switch (key) {
          case STARTS -> "<bpmn:userTask id=\"work\" name=\"Review\"/>";
          case EXTERNAL ->
              "<bpmn:serviceTask id=\"work\" camunda:type=\"external\" camunda:topic=\""
                  + TOPIC
                  + "\"/>";
          case TASKS ->
              "<bpmn:userTask id=\"work\" name=\"Approve\" camunda:candidateGroups=\"${group}\"/>";
          default -> throw new IllegalArgumentException(key);
        };
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="d_%1$s" targetNamespace="http://bulwark.io/bench">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:startEvent id="start"/>
            %2$s
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, work);
  }
}

package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchProcess;
import java.nio.charset.StandardCharsets;

/** The workload processes as BPMN 2.0 XML in the Camunda 7 dialect Bulwark reads. */
final class BulwarkModels {

  private BulwarkModels() {}

  static byte[] of(BenchProcess process) {
    String group = BenchProcess.CANDIDATE_GROUP;
    String body =
        switch (process) {
          case USER_TASK ->
              "<startEvent id=\"start\"/>"
                  + flow("f1", "start", "task")
                  + userTask("task", group)
                  + flow("f2", "task", "end")
                  + "<endEvent id=\"end\"/>";
          case GATEWAY ->
              "<startEvent id=\"start\"/>"
                  + flow("f1", "start", "split")
                  + "<exclusiveGateway id=\"split\"/>"
                  + "<sequenceFlow id=\"high\" sourceRef=\"split\" targetRef=\"review\">"
                  + "<conditionExpression>${amount &gt; 1000}</conditionExpression></sequenceFlow>"
                  + "<sequenceFlow id=\"low\" sourceRef=\"split\" targetRef=\"check\">"
                  + "<conditionExpression>${amount &lt;= 1000}</conditionExpression></sequenceFlow>"
                  + userTask("review", group)
                  + userTask("check", group)
                  + flow("f2", "review", "reviewed")
                  + flow("f3", "check", "checked")
                  + "<endEvent id=\"reviewed\"/><endEvent id=\"checked\"/>";
          case EXTERNAL_TASK ->
              "<startEvent id=\"start\"/>"
                  + flow("f1", "start", "work")
                  + "<serviceTask id=\"work\" camunda:type=\"external\" camunda:topic=\""
                  + BenchProcess.TOPIC
                  + "\"/>"
                  + flow("f2", "work", "end")
                  + "<endEvent id=\"end\"/>";
        };
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"bench\">"
            + "<process id=\""
            + process.key()
            + "\" isExecutable=\"true\">"
            + body
            + "</process></definitions>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** W3's open tasks: one user task whose candidate group is the instance's {@code group}. */
  static byte[] openTask(String key) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"bench\">"
            + "<process id=\""
            + key
            + "\" isExecutable=\"true\"><startEvent id=\"start\"/>"
            + flow("f1", "start", "task")
            + userTask("task", "${group}")
            + flow("f2", "task", "end")
            + "<endEvent id=\"end\"/></process></definitions>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static String userTask(String id, String group) {
    return "<userTask id=\"" + id + "\" camunda:candidateGroups=\"" + group + "\"/>";
  }

  private static String flow(String id, String from, String to) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }
}

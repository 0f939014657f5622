package io.bulwark.bench.flowable;

import io.bulwark.bench.api.BenchProcess;

/** The workload processes as BPMN 2.0 XML with Flowable's extension attributes. */
final class FlowableModels {

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"bench\">";

  private FlowableModels() {}

  static String of(BenchProcess process) {
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
                  + "<serviceTask id=\"work\" flowable:type=\"external-worker\" flowable:topic=\""
                  + BenchProcess.TOPIC
                  + "\"/>"
                  + flow("f2", "work", "end")
                  + "<endEvent id=\"end\"/>";
        };
    return HEAD
        + "<process id=\""
        + process.key()
        + "\" isExecutable=\"true\">"
        + body
        + "</process></definitions>";
  }

  private static String userTask(String id, String group) {
    return "<userTask id=\"" + id + "\" flowable:candidateGroups=\"" + group + "\"/>";
  }

  private static String flow(String id, String from, String to) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }
}

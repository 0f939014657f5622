package io.bulwark.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Camunda 7's own tests expect to fail at deployment is refused here too (issue 16), each
 * problem naming the element, its line and the rule: MessageStartEventTest (a message start event
 * whose message name is an expression; two message start events of one process with one message
 * name) and BoundaryErrorEventTest#testThrowErrorWithEmptyErrorCode.
 */
class CamundaRefusalsTest {

  private static String messageStarts(String firstName, String secondName) {
    return """
        <?xml version="1.0"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:message id="m1" name="%s"/>
          <bpmn:message id="m2" name="%s"/>
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="theStart">
              <bpmn:messageEventDefinition messageRef="m1"/>
            </bpmn:startEvent>
            <bpmn:startEvent id="theStart2">
              <bpmn:messageEventDefinition messageRef="m2"/>
            </bpmn:startEvent>
            <bpmn:userTask id="task"/>
            <bpmn:sequenceFlow id="f1" sourceRef="theStart" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="theStart2" targetRef="task"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(firstName, secondName);
  }

  private static List<Problem> problems(String xml) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> BpmnTestSupport.parseText(xml, ParseOptions.defaults()));
    assertThat(thrown).isInstanceOf(BpmnValidationException.class);
    return ((BpmnValidationException) thrown).problems();
  }

  @Test
  void aMessageStartEventNameWithAnExpressionIsRefused() {
    for (String name : List.of("messageName-${'foo'}", "messageName-#{'foo'}")) {
      List<Problem> problems = problems(messageStarts(name, "other"));
      assertThat(problems).hasSize(1);
      assertThat(problems.get(0).elementId()).isEqualTo("theStart");
      assertThat(problems.get(0).line()).isEqualTo(7);
      assertThat(problems.get(0).message())
          .contains("invalid message name '" + name + "'")
          .contains("expressions in the message start event name are not allowed");
    }
  }

  @Test
  void twoMessageStartEventsOfOneProcessWithOneMessageNameAreRefused() {
    List<Problem> problems = problems(messageStarts("newInvoiceMessage", "newInvoiceMessage"));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).elementId()).isEqualTo("theStart2");
    assertThat(problems.get(0).line()).isEqualTo(10);
    assertThat(problems.get(0).message())
        .contains("'theStart' and 'theStart2' both wait for message 'newInvoiceMessage'");

    assertThat(
            BpmnTestSupport.parseText(
                    messageStarts("newInvoiceMessage", "newInvoiceMessage2"),
                    ParseOptions.defaults())
                .process("p")
                .id())
        .isEqualTo("p");
  }

  @Test
  void anErrorEndEventThrowingAnEmptyErrorCodeIsRefused() {
    String xml =
        """
        <?xml version="1.0"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:error id="myError" errorCode=""/>
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="theStart"/>
            <bpmn:sequenceFlow id="f1" sourceRef="theStart" targetRef="theEnd"/>
            <bpmn:endEvent id="theEnd">
              <bpmn:errorEventDefinition errorRef="myError"/>
            </bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;
    List<Problem> problems = problems(xml);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).elementId()).isEqualTo("theEnd");
    assertThat(problems.get(0).line()).isEqualTo(8);
    assertThat(problems.get(0).message())
        .contains("needs an errorRef to a bpmn:error with an errorCode");
  }
}

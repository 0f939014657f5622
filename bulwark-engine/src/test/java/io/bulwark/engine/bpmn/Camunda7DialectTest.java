package io.bulwark.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.bpmn.model.MultiInstance;
import io.bulwark.engine.bpmn.model.ProcessModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Camunda 7 dialect details read as Camunda reads them (issue 16): the deprecated Activiti
 * extension namespace is the Camunda one (so its code attributes are refused like Camunda's, never
 * ignored), a call activity naming a CMMN case is refused with one problem that names CMMN, and
 * {@code candidateStarterGroups/Users} are accepted as the information they are in Camunda 7.
 */
class Camunda7DialectTest {

  private static final String ACTIVITI = "http://activiti.org/bpmn";

  private static String withNamespace(String xml, String uri) {
    return xml.replace(
        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"", "xmlns:camunda=\"" + uri + "\"");
  }

  @Test
  void activitiNamespaceCollectionIsReadAsCamundaCollection() {
    String task =
        "<bpmn:userTask id=\"t\"><bpmn:multiInstanceLoopCharacteristics"
            + " camunda:collection=\"flights\" camunda:elementVariable=\"flight\"/></bpmn:userTask>";
    String xml = withNamespace(HostileModelsTest.model(task, ""), ACTIVITI);
    ProcessModel process = BpmnTestSupport.parseText(xml, ParseOptions.defaults()).process("p");
    MultiInstance loop = process.multiInstance("t");
    assertThat(loop).isNotNull();
    assertThat(loop.collection()).isNotNull();
    assertThat(loop.elementVariable()).isEqualTo("flight");
  }

  @Test
  void z10_activitiNamespaceClassIsRefusedNotIgnored() {
    String task = "<bpmn:serviceTask id=\"t\" camunda:class=\"com.example.Delegate\"/>";
    String xml = withNamespace(HostileModelsTest.model(task, ""), ACTIVITI);
    assertThat(HostileModelsTest.rejected(xml)).contains("camunda:class").contains("(Z10)");
  }

  @Test
  void callActivityOfCmmnCaseIsRefusedNamingCmmnWithoutFollowOnProblems() {
    String call = "<bpmn:callActivity id=\"t\" camunda:caseRef=\"oneTaskCase\"/>";
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                BpmnTestSupport.parseText(
                    HostileModelsTest.model(call, ""), ParseOptions.defaults()));
    assertThat(thrown).isInstanceOf(BpmnValidationException.class);
    List<Problem> problems = ((BpmnValidationException) thrown).problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message())
        .contains("camunda:caseRef")
        .contains("CMMN is out of scope");
    assertThat(problems.get(0).elementId()).isEqualTo("t");
  }

  @Test
  void candidateStarterGroupsAndUsersAreAcceptedAsInformation() {
    String xml =
        HostileModelsTest.model(HostileModelsTest.userTask(""), "")
            .replace(
                "isExecutable=\"true\"",
                "isExecutable=\"true\" camunda:candidateStarterGroups=\"admins, ${group}\""
                    + " camunda:candidateStarterUsers=\"kermit\"");
    assertThat(BpmnTestSupport.parseText(xml, ParseOptions.defaults()).process("p").id())
        .isEqualTo("p");
  }

  /** Camunda's StartAuthorizationTest#testPotentialStarter deploys it; it grants nothing here. */
  @Test
  void potentialStarterIsAcceptedAsInformation() {
    String xml =
        HostileModelsTest.model(HostileModelsTest.userTask(""), "")
            .replace(
                "<bpmn:startEvent id=\"start\"/>",
                "<bpmn:extensionElements><camunda:potentialStarter>"
                    + "<bpmn:resourceAssignmentExpression><bpmn:formalExpression>"
                    + "group2, group(group3), user(user3)"
                    + "</bpmn:formalExpression></bpmn:resourceAssignmentExpression>"
                    + "</camunda:potentialStarter></bpmn:extensionElements>"
                    + "<bpmn:startEvent id=\"start\"/>");
    assertThat(BpmnTestSupport.parseText(xml, ParseOptions.defaults()).process("p").id())
        .isEqualTo("p");
  }

  /**
   * Camunda's MessageEventSubprocessTest#testNonInterruptingWithTerminatingEndEvent deploys a
   * process with a data object; Camunda 7 makes nothing of it, and neither does Bulwark.
   */
  @Test
  void dataObjectsAndTheirReferencesAreIgnored() {
    String xml =
        HostileModelsTest.model(
            HostileModelsTest.userTask(""),
            "<bpmn:dataObject id=\"DataObject_1\"/>"
                + "<bpmn:dataObjectReference id=\"ref\" dataObjectRef=\"DataObject_1\"/>");
    assertThat(BpmnTestSupport.parseText(xml, ParseOptions.defaults()).process("p").nodes())
        .containsOnlyKeys("start", "t", "end");
  }

  @Test
  void jobPriorityIsReadOnProcessAndNodesAndMustBeAWholeNumber() {
    String xml =
        HostileModelsTest.model(
                "<bpmn:manualTask id=\"t\" camunda:asyncBefore=\"true\""
                    + " camunda:jobPriority=\"5\"/>",
                "")
            .replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:jobPriority=\"10\"");
    ProcessModel process = BpmnTestSupport.parseText(xml, ParseOptions.defaults()).process("p");
    assertThat(process.jobPriorities().of("t")).isEqualTo(5);
    assertThat(process.jobPriorities().of("end")).isEqualTo(10);
    assertThat(
            HostileModelsTest.rejected(
                HostileModelsTest.model(
                    "<bpmn:manualTask id=\"t\" camunda:jobPriority=\"thisIsNotANumber\"/>", "")))
        .contains(
            "camunda:jobPriority 'thisIsNotANumber' on bpmn:manualTask is not a whole number");
    assertThat(
            HostileModelsTest.rejected(
                HostileModelsTest.model(
                    "<bpmn:manualTask id=\"t\" camunda:jobPriority=\"${priority}\"/>", "")))
        .contains("is an expression; only a whole number is supported yet");
  }
}

package io.bulwark.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.model.ServiceImplementation;
import io.bulwark.engine.bpmn.model.ServiceTask;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hostile and unsupported models: each is rejected at deployment with a message that says why. */
class HostileModelsTest {

  private static final String NS =
      "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

  /**
   * A valid one-task process; {@code task} replaces the task, {@code extra} goes into the process.
   */
  static String model(String task, String extra) {
    return "<?xml version=\"1.0\"?>\n<bpmn:definitions "
        + NS
        + " id=\"d\" targetNamespace=\"urn:test\">\n"
        + "<bpmn:process id=\"p\" isExecutable=\"true\">\n"
        + "<bpmn:startEvent id=\"start\"/>\n"
        + task
        + "\n<bpmn:endEvent id=\"end\"/>\n"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"t\"/>\n"
        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"end\"/>\n"
        + extra
        + "</bpmn:process>\n</bpmn:definitions>\n";
  }

  static String userTask(String attributes) {
    return "<bpmn:userTask id=\"t\" " + attributes + "/>";
  }

  static String withDoctype(String doctype) {
    return "<?xml version=\"1.0\"?>\n" + doctype + "\n" + model(userTask(""), "").substring(22);
  }

  static String rejected(String xml) {
    return rejected(xml, ParseOptions.defaults());
  }

  static String rejected(String xml, ParseOptions options) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> BpmnTestSupport.parseText(xml, options));
    assertThat(thrown).isInstanceOf(BpmnValidationException.class);
    assertThat(((BpmnValidationException) thrown).problems()).isNotEmpty();
    return thrown.getMessage();
  }

  @Test
  void baselineModelIsAccepted() {
    assertThat(
            BpmnTestSupport.parseText(model(userTask(""), ""), ParseOptions.defaults()).processes())
        .hasSize(1);
  }

  @Test
  void e1_rejectsXxeReadingLocalFile() {
    String xml =
        withDoctype("<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
            .replace("id=\"t\" ", "id=\"t\" name=\"&xxe;\" ");
    assertThat(rejected(xml)).contains("DOCTYPE is not allowed").doesNotContain("root:");
  }

  @Test
  void e1_rejectsXxeViaUrl() {
    String xml =
        withDoctype("<!DOCTYPE d [<!ENTITY xxe SYSTEM \"http://127.0.0.1:1/x\">]>")
            .replace("id=\"t\" ", "id=\"t\" name=\"&xxe;\" ");
    assertThat(rejected(xml)).contains("DOCTYPE is not allowed");
  }

  @Test
  void e1_rejectsBillionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE d [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String xml = withDoctype(dtd.toString()).replace("id=\"t\" ", "id=\"t\" name=\"&lol9;\" ");
    assertThat(rejected(xml)).contains("DOCTYPE is not allowed");
  }

  @Test
  void e1_rejectsExternalDtd() {
    assertThat(rejected(withDoctype("<!DOCTYPE d SYSTEM \"http://127.0.0.1:1/evil.dtd\">")))
        .contains("DOCTYPE is not allowed");
  }

  @Test
  void e1_rejectsParameterEntities() {
    String dtd = "<!DOCTYPE d [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/x.dtd\"> %remote;]>";
    assertThat(rejected(withDoctype(dtd))).contains("DOCTYPE is not allowed");
  }

  @Test
  void e1_rejectsOversizedFile() {
    String padding = "<bpmn:documentation>" + "x".repeat(4096) + "</bpmn:documentation>";
    String xml = model(userTask(""), "").replace("<bpmn:startEvent", padding + "<bpmn:startEvent");
    ParseOptions small = ParseOptions.builder().maxBytes(2048).build();
    assertThat(rejected(xml, small)).contains("larger than the limit of 2048 bytes");
  }

  @Test
  void e1_rejectsTooDeepNesting() {
    String deep =
        "<bpmn:extensionElements>"
            + "<x:a xmlns:x=\"urn:x\">".repeat(80)
            + "</x:a>".repeat(80)
            + "</bpmn:extensionElements>";
    String xml = model("<bpmn:userTask id=\"t\">" + deep + "</bpmn:userTask>", "");
    assertThat(rejected(xml)).contains("nested deeper than the limit of 64");
  }

  @Test
  void e1_rejectsDocumentThatBreaksTheSchema() {
    String xml = model(userTask(""), "").replace(" isExecutable=\"true\"", " isExecutable=\"yes\"");
    assertThat(rejected(xml)).contains("BPMN 2.0 schema").contains("yes");
  }

  @Test
  void e1_schemaLocationHintIsNotFetched() {
    String xml =
        model(userTask(""), "")
            .replace(
                " id=\"d\"",
                " id=\"d\" xsi:schemaLocation=\"http://www.omg.org/spec/BPMN/20100524/MODEL http://127.0.0.1:1/evil.xsd\"");
    assertThat(BpmnTestSupport.parseText(xml, ParseOptions.defaults()).processes()).hasSize(1);
  }

  @Test
  void e2_rejectsGetClassForName() {
    String xml =
        model(userTask("camunda:assignee=\"${''.getClass().forName('java.lang.Runtime')}\""), "");
    assertThat(rejected(xml)).contains("'t'").contains("getClass").contains("not allowed");
  }

  @Test
  void e2_rejectsRuntimeExec() {
    String xml = model(userTask("camunda:assignee=\"${Runtime.getRuntime().exec('id')}\""), "");
    assertThat(rejected(xml)).contains("'Runtime' is not allowed").contains("E2");
  }

  @Test
  void e2_rejectsSpelTypeReference() {
    String xml = model(userTask("camunda:assignee=\"${T(java.lang.Runtime)}\""), "");
    assertThat(rejected(xml)).contains("'T' is not allowed");
  }

  @Test
  void e2_rejectsBeanMethodCall() {
    String xml = model(userTask("camunda:assignee=\"${myBean.doIt()}\""), "");
    assertThat(rejected(xml)).contains("method call 'doIt(…)'").contains("not allowed");
  }

  @Test
  void e2_rejectsDeferredExpressionThatCallsJava() {
    String xml = model(userTask("camunda:assignee=\"#{someBean.value()}\""), "");
    assertThat(rejected(xml)).contains("method call 'value(…)'").contains("(E2)");
  }

  @Test
  void e2_rejectsUnsafeCondition() {
    String gw = "<bpmn:exclusiveGateway id=\"t\" default=\"f3\"/>" + "<bpmn:endEvent id=\"end2\"/>";
    String flow = "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"t\" targetRef=\"end2\"/>";
    String xml =
        model(gw, flow)
            .replace(
                "targetRef=\"end\"/>",
                "targetRef=\"end\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                    + "${execution.setVariable('a', 1)}</bpmn:conditionExpression></bpmn:sequenceFlow>");
    assertThat(rejected(xml)).contains("'f2'").contains("'execution' is not allowed");
  }

  @Test
  void e2_rejectsFeelExternalFunction() {
    String xml =
        model(
            userTask(
                "camunda:assignee=\"=function(x) external {java: {class: &quot;java.lang.Runtime&quot;,"
                    + " method signature: &quot;getRuntime()&quot;}}\""),
            "");
    assertThat(rejected(xml)).contains("external functions would invoke Java and are disabled");
  }

  @Test
  void e3_rejectsScriptTask() {
    String xml =
        model(
            "<bpmn:scriptTask id=\"t\" scriptFormat=\"javascript\"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>",
            "");
    assertThat(rejected(xml))
        .contains("bpmn:scriptTask (javascript) is rejected: script tasks are disabled (E3)");
  }

  @Test
  void e3_rejectsScriptTaskEvenWhenScriptsAreAllowed() {
    String xml =
        model(
            "<bpmn:scriptTask id=\"t\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
            "");
    ParseOptions allow =
        ParseOptions.builder().scripts(ScriptPolicy.ALLOW_INSECURE_SCRIPTS).build();
    assertThat(rejected(xml, allow)).contains("scripting is not available");
  }

  @Test
  void e3_rejectsScriptListener() {
    String listener =
        "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:executionListener>"
            + "</bpmn:extensionElements>";
    String xml = model("<bpmn:userTask id=\"t\">" + listener + "</bpmn:userTask>", "");
    assertThat(rejected(xml))
        .contains("camunda:executionListener")
        .contains("scripts are disabled (E3)");
  }

  @Test
  void z10_rejectsJavaClassNotOnAllowlist() {
    String xml = model("<bpmn:serviceTask id=\"t\" camunda:class=\"com.acme.Evil\"/>", "");
    assertThat(rejected(xml))
        .contains("camunda:class='com.acme.Evil' is not on the delegate allowlist");
  }

  @Test
  void z10_acceptsJavaClassOnAllowlist() {
    String xml = model("<bpmn:serviceTask id=\"t\" camunda:class=\"com.acme.Good\"/>", "");
    ParseOptions options =
        ParseOptions.builder().allowedDelegateClasses(Set.of("com.acme.Good")).build();
    assertThat(BpmnTestSupport.parseText(xml, options).processes()).hasSize(1);
  }

  @Test
  void z10_rejectsDelegateExpression() {
    String xml = model("<bpmn:serviceTask id=\"t\" camunda:delegateExpression=\"${evil}\"/>", "");
    assertThat(rejected(xml))
        .contains("delegate expression camunda:delegateExpression='${evil}' is refused")
        .contains("runs a bean in the engine (Z10)");
  }

  @Test
  void z10_delegateTopicsTurnMappedClassAndDelegateExpressionIntoExternalTasks() {
    String xml =
        model(
            "<bpmn:serviceTask id=\"t\" camunda:class=\"com.acme.Archive\"/>"
                + "<bpmn:serviceTask id=\"u\" camunda:delegateExpression=\"${notifier}\"/>"
                + "<bpmn:sequenceFlow id=\"f\" sourceRef=\"t\" targetRef=\"u\"/>",
            "");
    ParseOptions options =
        ParseOptions.builder()
            .delegateTopics(Map.of("com.acme.Archive", "archive", "notifier", "notify"))
            .build();
    ProcessModel process = BpmnTestSupport.parseText(xml, options).processes().get(0);
    assertThat(((ServiceTask) process.node("t")).implementation())
        .isEqualTo(new ServiceImplementation.ExternalTopic("archive"));
    assertThat(((ServiceTask) process.node("u")).implementation())
        .isEqualTo(new ServiceImplementation.ExternalTopic("notify"));
    assertThat(rejected(xml.replace("com.acme.Archive", "com.acme.Other")))
        .contains("camunda:class='com.acme.Other' is not on the delegate allowlist")
        .contains("delegateExpression='${notifier}' is refused");
    assertThatThrownBy(
            () -> ParseOptions.builder().delegateTopics(Map.of("com.acme.X", "${topic}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid delegate topic mapping");
  }

  @Test
  void z10_rejectsComplexGatewayNamingTypeIdAndLine() {
    String xml = model(userTask(""), "<bpmn:complexGateway id=\"cg\"/>\n");
    assertThat(rejected(xml)).contains("bpmn:complexGateway 'cg' (line 9) is not supported");
  }

  @Test
  void rejectsEventBasedGatewayWithoutOutgoingFlows() {
    String xml = model(userTask(""), "<bpmn:eventBasedGateway id=\"eg\"/>\n");
    assertThat(rejected(xml)).contains("eventBasedGateway 'eg' has no outgoing sequence flow");
  }

  @Test
  void rejectsMultiInstanceWithoutCardinalityOrCollection() {
    String xml =
        model(
            "<bpmn:userTask id=\"t\"><bpmn:multiInstanceLoopCharacteristics/></bpmn:userTask>", "");
    assertThat(rejected(xml))
        .contains("multi-instance t needs either a loopCardinality or a collection");
  }

  @Test
  void rejectsSignalEventWithoutSignal() {
    String xml =
        model(userTask(""), "")
            .replace(
                "<bpmn:startEvent id=\"start\"/>",
                "<bpmn:startEvent id=\"start\"><bpmn:signalEventDefinition/></bpmn:startEvent>");
    assertThat(rejected(xml)).contains("signalRef 'null' does not name a bpmn:signal of this file");
  }

  @Test
  void z10_rejectsBrokenSequenceFlowReferenceAndReportsAllProblems() {
    String xml =
        model(
            userTask(""),
            "<bpmn:sequenceFlow id=\"f9\" sourceRef=\"t\" targetRef=\"nowhere\"/>\n"
                + "<bpmn:serviceTask id=\"s\" camunda:type=\"external\"/>\n");
    String message = rejected(xml);
    assertThat(message).contains("'f9'").contains("refers to 'nowhere'");
    assertThat(message).contains("external service task has no camunda:topic");
    assertThat(message).doesNotContain("has no outgoing sequence flow"); // implicit end
  }

  @Test
  void unconditionedFlowLeavingExclusiveGatewayIsTakenAsTrueAsInCamunda() {
    String gw = "<bpmn:exclusiveGateway id=\"t\"/><bpmn:endEvent id=\"end2\"/>";
    String xml = model(gw, "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"t\" targetRef=\"end2\"/>");
    assertThat(BpmnTestSupport.parseText(xml, ParseOptions.defaults()).processes()).hasSize(1);
  }

  @Test
  void z10_rejectsInvalidTimer() {
    String xml =
        model(
            userTask(""),
            "<bpmn:boundaryEvent id=\"b\" attachedToRef=\"t\"><bpmn:outgoing>f4</bpmn:outgoing>"
                + "<bpmn:timerEventDefinition><bpmn:timeDuration>10 minutes</bpmn:timeDuration></bpmn:timerEventDefinition>"
                + "</bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f4\" sourceRef=\"b\" targetRef=\"end\"/>");
    assertThat(rejected(xml)).contains("invalid duration timer").contains("'10 minutes'");
  }

  @Test
  void z10_rejectsCallActivityWithoutCalledElementAndExpressionMappings() {
    String call =
        "<bpmn:callActivity id=\"t\"><bpmn:extensionElements>"
            + "<camunda:in sourceExpression=\"${x.compute()}\" target=\"y\"/>"
            + "</bpmn:extensionElements></bpmn:callActivity>";
    String message = rejected(model(call, ""));
    assertThat(message).contains("call activity has no calledElement");
    assertThat(message).contains("sourceExpression").contains("method call 'compute(…)'");
  }

  @Test
  void z10_delegatedVariableMappingsAreRefusedByPolicy() {
    String call =
        "<bpmn:callActivity id=\"t\" calledElement=\"child\""
            + " camunda:variableMappingClass=\"com.example.Mapping\"/>";
    assertThat(rejected(model(call, "")))
        .contains("camunda:variableMappingClass='com.example.Mapping' is refused")
        .contains("(Z10)")
        .doesNotContain("is not supported");
    String bean =
        "<bpmn:callActivity id=\"t\" calledElement=\"child\""
            + " camunda:variableMappingDelegateExpression=\"${mapper}\"/>";
    assertThat(rejected(model(bean, "")))
        .contains("camunda:variableMappingDelegateExpression='${mapper}' is refused")
        .contains("(Z10)");
  }

  @Test
  void versionTagBindingIsRefusedAtDeploymentNotAtRunTime() {
    String call =
        "<bpmn:callActivity id=\"t\" calledElement=\"child\""
            + " camunda:calledElementBinding=\"versionTag\""
            + " camunda:calledElementVersionTag=\"v1\"/>";
    assertThat(rejected(model(call, "")))
        .contains("camunda:calledElementBinding \"versionTag\" is not supported yet");
  }

  @Test
  void parseOptionsRefuseUnsafeLimits() {
    assertThatThrownBy(() -> ParseOptions.builder().maxBytes(100 * 1024 * 1024).build())
        .hasMessageContaining("invalid maxBytes");
    assertThatThrownBy(() -> ParseOptions.builder().allowedDelegateClasses(Set.of("not a class")))
        .hasMessageContaining("invalid delegate class name");
  }
}

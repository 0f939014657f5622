package io.bulwark.engine.deployment;

import io.bulwark.engine.api.HostileModelOutcome;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.reader.BpmnParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hardening audit's live proof of E1–E3: parses a fixed set of hostile models with the engine's
 * own parser and parse options and reports, for each, whether it was refused. Nothing is stored and
 * nothing is resolved: every attack is refused before any entity, schema or expression is
 * evaluated, and an attack that got through would only show as "accepted".
 */
public final class ModelPolicySelfTest {

  private static final String NS =
      "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

  private record Attack(String requirementId, String name, String xml) {}

  private static final List<Attack> ATTACKS =
      List.of(
          new Attack(
              "E1",
              "external entity reading a local file",
              withDoctype(
                  "<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
                  "name=\"&xxe;\"")),
          new Attack(
              "E1",
              "entity expansion (billion laughs)",
              withDoctype(billionLaughs(), "name=\"&lol9;\"")),
          new Attack(
              "E1",
              "external parameter entity",
              withDoctype(
                  "<!DOCTYPE d [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>",
                  "")),
          new Attack("E1", "nesting beyond the depth limit", deepNesting()),
          new Attack(
              "E2",
              "expression reaching a Java class",
              model(
                  userTask("camunda:assignee=\"${''.getClass().forName('java.lang.Runtime')}\""))),
          new Attack(
              "E2",
              "expression calling a method",
              model(userTask("camunda:assignee=\"${Runtime.getRuntime().exec('id')}\""))),
          new Attack(
              "E2",
              "FEEL external function invoking Java",
              model(
                  userTask(
                      "camunda:assignee=\"=function(x) external {java: {class: &quot;"
                          + "java.lang.Runtime&quot;, method signature: &quot;getRuntime()&quot;}}\""))),
          new Attack(
              "E3",
              "script task",
              model(
                  "<bpmn:scriptTask id=\"t\" scriptFormat=\"javascript\">"
                      + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>")),
          new Attack(
              "E3",
              "script listener",
              model(
                  "<bpmn:userTask id=\"t\"><bpmn:extensionElements>"
                      + "<camunda:executionListener event=\"start\">"
                      + "<camunda:script scriptFormat=\"groovy\">1</camunda:script>"
                      + "</camunda:executionListener></bpmn:extensionElements></bpmn:userTask>")));

  private final Consumer<byte[]> parser;

  /**
   * @param parser parses one model and throws {@link BpmnValidationException} when it refuses it
   */
  public ModelPolicySelfTest(Consumer<byte[]> parser) {
    this.parser = parser;
  }

  /** A self-test of the engine's parser with these options. */
  public static ModelPolicySelfTest of(ParseOptions options) {
    BpmnParser parser = new BpmnParser();
    return new ModelPolicySelfTest(xml -> parser.parse(new ByteArrayInputStream(xml), options));
  }

  /** Parses every hostile model once, in a fixed order; never throws for an accepted model. */
  public List<HostileModelOutcome> run() {
    List<HostileModelOutcome> outcomes = new ArrayList<>();
    for (Attack attack : ATTACKS) {
      outcomes.add(outcome(attack));
    }
    return outcomes;
  }

  private HostileModelOutcome outcome(Attack attack) {
    try {
      parser.accept(attack.xml().getBytes(StandardCharsets.UTF_8));
      return new HostileModelOutcome(
          attack.requirementId(), attack.name(), false, "accepted by the parser");
    } catch (BpmnValidationException e) {
      String first = e.problems().isEmpty() ? "refused" : e.problems().get(0).toString();
      return new HostileModelOutcome(attack.requirementId(), attack.name(), true, firstLine(first));
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static String model(String task) {
    return "<?xml version=\"1.0\"?>\n"
        + "<bpmn:definitions "
        + NS
        + " id=\"d\" targetNamespace=\"urn:bulwark:self-test\">\n"
        + "<bpmn:process id=\"selfTest\" isExecutable=\"true\">\n"
        + "<bpmn:startEvent id=\"start\"/>\n"
        + task
        + "\n<bpmn:endEvent id=\"end\"/>\n"
        + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"t\"/>\n"
        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"end\"/>\n"
        + "</bpmn:process>\n</bpmn:definitions>\n";
  }

  private static String userTask(String attributes) {
    return "<bpmn:userTask id=\"t\" " + attributes + "/>";
  }

  private static String withDoctype(String doctype, String taskAttributes) {
    String body = model(userTask(taskAttributes));
    return "<?xml version=\"1.0\"?>\n" + doctype + body.substring(body.indexOf('\n'));
  }

  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE d [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd.append("]>").toString();
  }

  private static String deepNesting() {
    int depth = 300;
    return model(
        "<bpmn:userTask id=\"t\"><bpmn:extensionElements>"
            + "<x:a xmlns:x=\"urn:x\">".repeat(depth)
            + "</x:a>".repeat(depth)
            + "</bpmn:extensionElements></bpmn:userTask>");
  }
}

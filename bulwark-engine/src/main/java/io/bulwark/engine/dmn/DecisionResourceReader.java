package io.bulwark.engine.dmn;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.reader.BpmnParser;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.DecisionFeel;
import io.bulwark.engine.expression.ExpressionException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Reads a DMN resource at deployment: hardened XML first (E1: no DTD, no external entity, bounded
 * size and depth, same reader as BPMN), then every {@code expressionLanguage} must be FEEL and
 * every entry must be FEEL without external functions (E2), then the DMN engine library reads the
 * decisions. Every problem names the element, its line and the rule.
 */
public final class DecisionResourceReader {

  /** A decision of a deployed DMN resource. */
  public record DecisionHeader(String key, String name) {}

  private static final Set<String> FEEL_LANGUAGES =
      Set.of(
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE.toLowerCase(Locale.ROOT),
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.toLowerCase(
              Locale.ROOT),
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12.toLowerCase(Locale.ROOT),
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13.toLowerCase(Locale.ROOT),
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14.toLowerCase(Locale.ROOT),
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15.toLowerCase(Locale.ROOT));

  /** DMN hit policies that the DMN engine library does not implement. */
  private static final Set<String> UNSUPPORTED_HIT_POLICIES = Set.of("PRIORITY", "OUTPUT ORDER");

  /** Elements whose {@code text} child is a FEEL expression. */
  private static final Set<String> EXPRESSIONS =
      Set.of("inputExpression", "outputEntry", "literalExpression", "defaultOutputEntry");

  /** Elements whose {@code text} child is FEEL unary tests. */
  private static final Set<String> UNARY_TESTS =
      Set.of("inputEntry", "inputValues", "outputValues");

  /**
   * The decisions of one DMN document.
   *
   * @throws BpmnValidationException listing every problem found
   */
  public List<DecisionHeader> read(InputStream in, ParseOptions options) {
    BpmnParser.XmlDocument document = BpmnParser.readXml(in, options);
    byte[] bytes = document.bytes();
    XmlElement root = document.root();
    if (!root.localName().equals("definitions") || !root.namespace().contains("/spec/DMN/")) {
      throw new BpmnValidationException(
          List.of(
              new Problem(
                  null,
                  root.line(),
                  "root element must be the definitions of DMN 1.1 to 1.3, not "
                      + root.displayName())));
    }
    List<Problem> problems = new ArrayList<>();
    check(root, null, problems);
    if (!problems.isEmpty()) {
      throw new BpmnValidationException(problems);
    }
    List<DmnDecision> decisions;
    try {
      decisions = DecisionEngine.parse(bytes);
    } catch (RuntimeException e) {
      throw new BpmnValidationException(
          List.of(new Problem(null, root.line(), "DMN rejected: " + e.getMessage())));
    }
    return decisions.stream().map(d -> new DecisionHeader(d.getKey(), d.getName())).toList();
  }

  private static void check(
      XmlElement element, @Nullable String decisionId, List<Problem> problems) {
    @Nullable String owner = element.localName().equals("decision") ? element.id() : decisionId;
    String language = element.attribute("expressionLanguage");
    if (language != null && !FEEL_LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
      problems.add(
          new Problem(
              owner,
              element.line(),
              "expressionLanguage '"
                  + language
                  + "' on "
                  + element.localName()
                  + " is refused: DMN entries are FEEL only, no script or Java language (E2)"));
    }
    String hitPolicy = element.attribute("hitPolicy");
    if (hitPolicy != null && UNSUPPORTED_HIT_POLICIES.contains(hitPolicy)) {
      problems.add(
          new Problem(
              owner,
              element.line(),
              "hit policy "
                  + hitPolicy
                  + " is not supported (nor by Camunda 7); use UNIQUE, FIRST, ANY, COLLECT or"
                  + " RULE ORDER"));
    }
    for (XmlElement child : element.children()) {
      if (child.localName().equals("text")) {
        checkText(element, child, owner, problems);
      } else {
        check(child, owner, problems);
      }
    }
  }

  private static void checkText(
      XmlElement owner, XmlElement text, @Nullable String decisionId, List<Problem> problems) {
    boolean expression = EXPRESSIONS.contains(owner.localName());
    if (text.text().isBlank() || (!expression && !UNARY_TESTS.contains(owner.localName()))) {
      return;
    }
    try {
      DecisionFeel.check(text.text().strip(), !expression);
    } catch (ExpressionException e) {
      problems.add(
          new Problem(
              decisionId,
              text.line(),
              owner.localName() + " " + owner.id() + ": " + e.getMessage()));
    }
  }
}

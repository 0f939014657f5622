package io.bulwark.engine.dmn;

import io.bulwark.engine.expression.ExpressionException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The DMN engine of the process: Camunda's DMN engine library (hit policies, aggregations, type
 * conversion, required decisions) with every expression language but FEEL switched off (E2): JUEL
 * and scripts fail if a table names them (deployment refuses such tables before, see {@link
 * DecisionResourceReader}). Thread-safe.
 */
final class DecisionEngine {

  private static final String FEEL = "feel";

  private static final DmnEngine ENGINE = build();

  private DecisionEngine() {}

  private static DmnEngine build() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration
        .feelEngineFactory(new DmnFeel())
        .elProvider(
            expression -> {
              throw new ExpressionException(
                  "DMN expression '" + expression + "' refused: only FEEL is allowed (E2)");
            })
        .scriptEngineResolver(language -> null)
        .defaultInputExpressionExpressionLanguage(FEEL)
        .defaultInputEntryExpressionLanguage(FEEL)
        .defaultOutputEntryExpressionLanguage(FEEL)
        .defaultLiteralExpressionLanguage(FEEL);
    return configuration.buildEngine();
  }

  /** Every decision of a DMN document. */
  static List<DmnDecision> parse(byte[] document) {
    return ENGINE.parseDecisions(new ByteArrayInputStream(document));
  }

  static DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
    return ENGINE.evaluateDecision(decision, variables);
  }
}

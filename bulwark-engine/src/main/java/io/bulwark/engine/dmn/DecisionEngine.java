package io.bulwark.engine.dmn;

import io.bulwark.engine.expression.ExpressionException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The DMN engine of the process: Camunda's DMN engine library (hit policies, aggregations, type
 * conversion, required decisions) with every expression language but FEEL switched off (E2): JUEL
 * and scripts fail if a table names them (deployment refuses such tables before, see {@link
 * DecisionResourceReader}). Each evaluation also answers the library's evaluation event (every
 * decision evaluated, required ones included, with inputs and matched rules) for the decision
 * history; the event is handed over through a thread-local slot that the evaluating thread sets and
 * clears around the call. Thread-safe.
 */
final class DecisionEngine {

  private static final String FEEL = "feel";

  /** The event of the evaluation running on this thread; set by the listener, cleared after. */
  private static final ThreadLocal<DmnDecisionEvaluationEvent> EVENT = new ThreadLocal<>();

  private static final DmnEngine ENGINE = build();

  /** A decision's result and what the library reports of its evaluation. */
  record Evaluation(DmnDecisionResult result, DmnDecisionEvaluationEvent event) {}

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
        .defaultLiteralExpressionLanguage(FEEL)
        .customPostDecisionEvaluationListeners(List.<DmnDecisionEvaluationListener>of(EVENT::set));
    return configuration.buildEngine();
  }

  /** Every decision of a DMN document. */
  static List<DmnDecision> parse(byte[] document) {
    return ENGINE.parseDecisions(new ByteArrayInputStream(document));
  }

  static Evaluation evaluate(DmnDecision decision, Map<String, Object> variables) {
    try {
      DmnDecisionResult result = ENGINE.evaluateDecision(decision, variables);
      return new Evaluation(
          result, Objects.requireNonNull(EVENT.get(), "the listener reports every evaluation"));
    } finally {
      EVENT.remove();
    }
  }
}

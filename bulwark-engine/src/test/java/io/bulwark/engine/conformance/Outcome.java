package io.bulwark.engine.conformance;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What became of one model: deployed, refused by policy (scripts E3, Java classes and listeners
 * Z10, expressions reaching Java E2, each named), out of scope (CMMN cases), or rejected for
 * another reason.
 */
record Outcome(Camunda7Corpus.Model model, Kind kind, List<String> reasons) {

  enum Kind {
    DEPLOYED,
    REFUSED_BY_POLICY,
    /** Names something Bulwark does not set out to run (CMMN cases); not counted as in scope. */
    OUT_OF_SCOPE,
    REJECTED
  }

  /** Reason prefix of a deployment that failed with an unexpected exception (a bug). */
  static final String CRASH = "crashed: ";

  /** What a problem says when it names something out of Bulwark's scope (CMMN). */
  static final String OUT_OF_SCOPE_MARK = "CMMN is out of scope";

  static Outcome deployed(Camunda7Corpus.Model model) {
    return new Outcome(model, Kind.DEPLOYED, List.of());
  }

  /** Classifies a refused deployment by the rules its problems name. */
  static Outcome refused(Camunda7Corpus.Model model, BpmnValidationException e) {
    Set<String> policy = new LinkedHashSet<>();
    Set<String> other = new LinkedHashSet<>();
    for (Problem problem : e.problems()) {
      String rule = policyRule(problem.message());
      if (rule != null) {
        policy.add(rule);
      } else {
        other.add(problem.message());
      }
    }
    if (!policy.isEmpty()) {
      return new Outcome(model, Kind.REFUSED_BY_POLICY, List.copyOf(policy));
    }
    List<String> outOfScope = other.stream().filter(m -> m.contains(OUT_OF_SCOPE_MARK)).toList();
    return outOfScope.isEmpty()
        ? new Outcome(model, Kind.REJECTED, List.copyOf(other))
        : new Outcome(model, Kind.OUT_OF_SCOPE, outOfScope);
  }

  static Outcome rejected(Camunda7Corpus.Model model, String reason) {
    return new Outcome(model, Kind.REJECTED, List.of(reason));
  }

  /** The policy a problem message names, or null when it names none. */
  static String policyRule(String message) {
    if (message.contains("(E3)")) {
      return "script (E3)";
    }
    if (message.contains("(Z10)")) {
      if (message.contains("camunda:class") || message.contains("variableMappingClass")) {
        return "Java class (Z10)";
      }
      if (message.contains("delegateExpression") || message.contains("camunda:expression")) {
        return "bean or expression reference calling Java (Z10)";
      }
      return "code in a listener or field injection (Z10)";
    }
    if (message.contains("(E2)")) {
      return "expression reaching Java (E2)";
    }
    return null;
  }
}

package io.bulwark.engine.bpmn;

import java.util.List;

/**
 * A deployed model was rejected: unsafe XML (E1), outside the supported subset, unsafe expressions
 * (E2), scripts (E3) or class references (Z10), or a broken structure. Carries every problem found,
 * not only the first. Root of the BPMN exceptions until the engine has a shared root exception.
 */
public class BpmnValidationException extends io.bulwark.engine.api.ModelRejectedException {

  private static final long serialVersionUID = 1L;

  /** Problems are kept in document order; the list is unmodifiable. */
  private final transient List<Problem> problems;

  public BpmnValidationException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    StringBuilder text =
        new StringBuilder("BPMN model rejected with ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (Problem problem : problems) {
      text.append("\n - ").append(problem);
    }
    return text.toString();
  }
}

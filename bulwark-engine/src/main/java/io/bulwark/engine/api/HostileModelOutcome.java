package io.bulwark.engine.api;

import java.util.Objects;

/**
 * What the engine's parser did with one hostile model of the model-policy self-test (E1, E2, E3).
 *
 * @param requirementId the baseline requirement the model attacks, {@code E1}, {@code E2} or {@code
 *     E3}
 * @param attack what the model tries, in a few words, e.g. "external entity reading a local file"
 * @param refused whether the parser refused it, as it must
 * @param answer the first line of the refusal, or what was accepted; never the model's content
 */
public record HostileModelOutcome(
    String requirementId, String attack, boolean refused, String answer) {

  public HostileModelOutcome {
    Objects.requireNonNull(requirementId, "requirementId");
    Objects.requireNonNull(attack, "attack");
    Objects.requireNonNull(answer, "answer");
  }
}

package io.bulwark.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * Which rules of the password policy a candidate keeps and which it breaks (A4). Nothing is stored
 * to compute it.
 *
 * @param rules every rule of the policy, in the policy's order, each with its verdict
 */
public record PasswordCheckResult(List<RuleVerdict> rules) {

  public PasswordCheckResult {
    rules = List.copyOf(rules);
  }

  /** True when no rule is broken. */
  public boolean valid() {
    return rules.stream().allMatch(RuleVerdict::valid);
  }

  /** The IDs of the broken rules, in the policy's order; empty when valid. */
  public List<String> broken() {
    return rules.stream().filter(r -> !r.valid()).map(r -> r.rule().id()).toList();
  }

  /**
   * One rule and whether the candidate keeps it.
   *
   * @param rule the rule
   * @param valid true when the candidate keeps the rule
   */
  public record RuleVerdict(PasswordRule rule, boolean valid) {

    public RuleVerdict {
      Objects.requireNonNull(rule, "rule");
    }
  }
}

package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Doctor check A4: the password policy in force is at least the baseline. FAIL when its rules allow
 * fewer than 12 or cap at fewer than 128 characters, when the list of common passwords is off, or
 * when it accepts any of the baseline's sample passwords (the examples and an 11-character
 * one); the samples are run through the engine's own check, so a custom policy is held to the same
 * bar. Stores nothing.
 */
public final class A4PasswordPolicyCheck implements LocalCheck {

  /** The sample user whose own ID is one of the samples. */
  static final String SAMPLE_USER = "doctor-a4-sample";

  /** Passwords every baseline policy refuses, with why; none is a secret. */
  static final Map<String, String> SAMPLES = samples();

  private final IdentityService identity;

  public A4PasswordPolicyCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String id() {
    return "A4";
  }

  @Override
  public Finding run() {
    List<PasswordRule> rules = identity.passwordPolicy();
    List<String> weaknesses = new ArrayList<>();
    parameter(rules, "min-length", "minLength")
        .filter(min -> min < PasswordPolicySettings.BASELINE_MIN_LENGTH)
        .ifPresent(min -> weaknesses.add("minimum length " + min + " (baseline 12)"));
    parameter(rules, "max-length", "maxLength")
        .filter(max -> max < PasswordPolicySettings.BASELINE_MAX_LENGTH)
        .ifPresent(max -> weaknesses.add("maximum length " + max + " (baseline at least 128)"));
    if (rules.stream().noneMatch(r -> r.id().equals("common-password"))) {
      weaknesses.add("the list of common passwords is off");
    }
    SAMPLES.forEach(
        (sample, why) -> {
          try (Secret password = Secret.of(sample)) {
            PasswordCandidate candidate = PasswordCandidate.of(password, SAMPLE_USER, "Doctor");
            if (identity.checkPassword(candidate).valid()) {
              weaknesses.add("accepts " + why);
            }
          }
        });
    String described = describe(rules);
    if (!weaknesses.isEmpty()) {
      return Finding.fail(
          id(),
          "password policy below the baseline: " + String.join("; ", weaknesses) + ". " + described,
          "remove the weakening bulwark.password.* settings (min-length 12 or more, max-length 128"
              + " or more, common-passwords reject) or fix the custom password policy");
    }
    return Finding.pass(
        id(), described + "; all " + SAMPLES.size() + " baseline sample passwords refused");
  }

  private static Optional<Integer> parameter(List<PasswordRule> rules, String rule, String name) {
    return rules.stream()
        .filter(r -> r.id().equals(rule))
        .map(r -> r.parameters().get(name))
        .filter(value -> value != null && value.matches("[0-9]{1,9}"))
        .map(Integer::valueOf)
        .findFirst();
  }

  private static String describe(List<PasswordRule> rules) {
    List<String> parts = new ArrayList<>();
    for (PasswordRule rule : rules) {
      parts.add(rule.parameters().isEmpty() ? rule.id() : rule.id() + " " + rule.parameters());
    }
    return "rules: " + String.join(", ", parts);
  }

  private static Map<String, String> samples() {
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("Password1234", "'Password1234' (a common password)");
    samples.put("Summer2024!!", "'Summer2024!!' (a common word with digits and symbols)");
    samples.put(" ".repeat(14), "fourteen spaces");
    samples.put("aaaaaaaaaaaa", "'aaaaaaaaaaaa' (one repeated character)");
    samples.put("123456789012", "'123456789012' (sequential characters)");
    samples.put(SAMPLE_USER, "the user's own ID");
    samples.put("Gz7#pQ!w2@L", "an 11-character password");
    return Collections.unmodifiableMap(samples);
  }
}

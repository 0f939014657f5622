package io.bulwark.server.web;

import io.bulwark.engine.api.PasswordRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readable sentences for the password policy's rule names (A4). A rule without a sentence here is
 * shown by its name, so a new engine rule is never hidden from the user.
 */
public final class PasswordRuleMessages {

  /** One sentence per rule of the built-in policy and of the password change (A4). */
  private static final Map<String, String> SENTENCES =
      Map.ofEntries(
          Map.entry("min-length", "Too short: use at least {minLength} characters."),
          Map.entry("max-length", "Too long: use at most {maxLength} characters."),
          Map.entry(
              "common-password",
              "Too common: this password, or its word with digits or symbols around it, appears"
                  + " in lists of known passwords."),
          Map.entry("not-containing-user-id", "Must not contain your user ID."),
          Map.entry("not-containing-user-name", "Must not contain your name."),
          Map.entry(
              "not-containing-context-word",
              "Must not contain the name of this service or organisation."),
          Map.entry("not-whitespace-only", "Must not consist of spaces only."),
          Map.entry(
              "no-invisible-characters",
              "Must not contain invisible characters such as tabs or zero-width spaces."),
          Map.entry(
              "no-repeated-or-sequential",
              "Must not contain more than {maxRun} repeated or consecutive characters in a row (such as"
                  + " aaaaaa or 123456) or one short group repeated."),
          Map.entry("differs-from-current", "Must differ from your current password."));

  private PasswordRuleMessages() {}

  /**
   * The sentences for the broken rules, with the parameters of the policy in force filled in.
   *
   * @param broken the rule IDs of a refusal
   * @param policy the rules of the policy in force, for their parameters
   */
  public static List<String> of(List<String> broken, List<PasswordRule> policy) {
    Map<String, Map<String, String>> parameters = new HashMap<>();
    for (PasswordRule rule : policy) {
      parameters.put(rule.id(), rule.parameters());
    }
    return broken.stream()
        .map(
            rule -> {
              String sentence =
                  SENTENCES.getOrDefault(rule, "Breaks the password rule '" + rule + "'.");
              for (Map.Entry<String, String> p :
                  parameters.getOrDefault(rule, Map.of()).entrySet()) {
                sentence = sentence.replace("{" + p.getKey() + "}", p.getValue());
              }
              return sentence;
            })
        .toList();
  }

  /** The rules that {@link #SENTENCES} knows, for the test that keeps it in sync. */
  static Set<String> known() {
    return SENTENCES.keySet();
  }
}

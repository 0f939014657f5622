package io.bulwark.server.web;

import java.util.List;
import java.util.Map;

/**
 * Readable sentences for the password policy's rule names (A4). A rule without a sentence here is
 * shown by its name, so a new engine rule is never hidden from the user.
 */
final class PasswordRuleMessages {

  private static final Map<String, String> SENTENCES =
      Map.of(
          "min-length", "Too short: use at least 12 characters.",
          "max-length", "Too long: use at most 128 characters.",
          "not-containing-user-id", "Must not contain your user ID.",
          "differs-from-current", "Must differ from your current password.",
          "common-password", "Too common: this password appears in lists of known passwords.");

  private PasswordRuleMessages() {}

  static List<String> of(List<String> rules) {
    return rules.stream()
        .map(rule -> SENTENCES.getOrDefault(rule, "Breaks the password rule '" + rule + "'."))
        .toList();
  }
}

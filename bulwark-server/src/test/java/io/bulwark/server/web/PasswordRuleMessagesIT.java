package io.bulwark.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the sentences of the web app in sync with the engine's password rules (A4). */
class PasswordRuleMessagesIT {

  @Test
  void a4_everyRuleOfTheBuiltInPolicyHasASentenceWithItsParameters(@TempDir Path dataDir) {
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .embedded(dataDir)
            .passwordPolicy(PasswordPolicySettings.defaults().withMinLength(14))
            .build()) {
      List<PasswordRule> rules = engine.identityService().passwordPolicy();
      List<String> ids = rules.stream().map(PasswordRule::id).toList();

      assertThat(PasswordRuleMessages.known()).containsAll(ids).contains("differs-from-current");
      assertThat(PasswordRuleMessages.of(ids, rules))
          .contains("Too short: use at least 14 characters.")
          .noneMatch(sentence -> sentence.contains("{"))
          .noneMatch(sentence -> sentence.startsWith("Breaks the password rule"));
    }
  }
}

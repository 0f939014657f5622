package io.bulwark.engine.identity;

import static io.bulwark.engine.identity.BaselinePasswordPolicy.COMMON;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.CONTEXT_WORD;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.INVISIBLE;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.MAX_LENGTH;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.MIN_LENGTH;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.REPEATED_OR_SEQUENTIAL;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.USER_ID;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.USER_NAME;
import static io.bulwark.engine.identity.BaselinePasswordPolicy.WHITESPACE_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordPolicySettings.CommonPasswords;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.Secret;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in password policy's vectors (A4), through the same normalization the engine uses. */
class BaselinePasswordPolicyTest {

  private static final String USER = "alice-wonderland";
  private static final String NAME = "Alice Liddell";

  private static final BaselinePasswordPolicy POLICY =
      new BaselinePasswordPolicy(PasswordPolicySettings.defaults());

  static Stream<Arguments> vectors() {
    return Stream.of(
        // The must-reject passwords.
        vector("Password1234", COMMON),
        vector("Summer2024!!", COMMON),
        vector(" ".repeat(14), WHITESPACE_ONLY, REPEATED_OR_SEQUENTIAL),
        vector("aaaaaaaaaaaa", COMMON, REPEATED_OR_SEQUENTIAL),
        vector("123456789012", COMMON, REPEATED_OR_SEQUENTIAL),
        vector(USER, USER_ID, USER_NAME),
        // Length, counted in code points after NFKC; never truncated.
        vector("short pass", MIN_LENGTH),
        vector("x".repeat(5) + "y9z!".repeat(40), MAX_LENGTH),
        vector("\uD83D\uDD12\uD83D\uDD11\uD83C\uDF0A\uD83C\uDF19 tide", MIN_LENGTH, COMMON),
        // Personal and context words, ignoring case and NFKC-equivalent forms.
        vector("my ALICE-WONDERLAND key", USER_ID, USER_NAME),
        vector("teacup liddell riverbank", USER_NAME),
        vector("Bulwark rules the river", CONTEXT_WORD),
        vector("ｂｕｌｗａｒｋ rules the river", CONTEXT_WORD),
        // Shape: invisible characters, runs, repeated blocks (NIST SP 800-63B).
        vector("correct\u200Bhorse battery", INVISIBLE),
        vector("correct\thorse battery", INVISIBLE),
        vector("abcdefghijkl", COMMON, REPEATED_OR_SEQUENTIAL),
        vector("zyxwvu river stone", REPEATED_OR_SEQUENTIAL),
        vector("tulip 7890123 barn", REPEATED_OR_SEQUENTIAL),
        vector("k9Xk9Xk9Xk9X", REPEATED_OR_SEQUENTIAL),
        // Accepted: long, unlisted, no personal data; spaces and Unicode allowed.
        vector("correct horse battery"),
        vector("tulip 12345 barn owl"),
        vector("Zürich liegt am See 42"),
        vector("river-otter-lamp-quartz"),
        vector("Gz7#pQ!w2@Lm"));
  }

  private static Arguments vector(String password, String... broken) {
    return Arguments.of(password, Set.of(broken));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("vectors")
  void a4_policyNamesEveryRuleBroken(String password, Set<String> expected) {
    try (Secret secret = Secret.of(password)) {
      assertThat(brokenAfterNormalizing(secret)).isEqualTo(expected);
    }
  }

  private static Set<String> brokenAfterNormalizing(Secret secret) {
    try (Secret normalized = PasswordText.nfkc(secret)) {
      return POLICY.brokenRules(PasswordCandidate.of(normalized, USER, NAME));
    }
  }

  @Test
  void a4_rulesDescribeTheSettings() {
    List<PasswordRule> rules = POLICY.rules();
    assertThat(rules)
        .extracting(PasswordRule::id)
        .containsExactly(
            MIN_LENGTH,
            MAX_LENGTH,
            COMMON,
            USER_ID,
            USER_NAME,
            CONTEXT_WORD,
            WHITESPACE_ONLY,
            INVISIBLE,
            REPEATED_OR_SEQUENTIAL);
    assertThat(rules.get(0).parameters()).containsEntry("minLength", "12");
    assertThat(rules.get(1).parameters()).containsEntry("maxLength", "128");
  }

  @Test
  void a4_listCanBeSwitchedOffOnlyByName() {
    BaselinePasswordPolicy weakened =
        new BaselinePasswordPolicy(
            PasswordPolicySettings.defaults().withCommonPasswords(CommonPasswords.ALLOW_INSECURE));
    try (Secret secret = Secret.of("Password1234")) {
      assertThat(weakened.brokenRules(PasswordCandidate.of(secret, USER, NAME))).isEmpty();
    }
    assertThat(weakened.settings().meetsBaseline()).isFalse();
    assertThat(PasswordPolicySettings.defaults().meetsBaseline()).isTrue();
  }

  @Test
  void a4_shippedListHoldsOverOneHundredThousandPasswords() {
    assertThat(CommonPasswordList.shipped().size()).isGreaterThan(100_000);
  }
}

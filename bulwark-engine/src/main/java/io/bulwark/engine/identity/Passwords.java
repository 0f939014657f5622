package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordCheckResult;
import io.bulwark.engine.api.PasswordCheckResult.RuleVerdict;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.identity.PasswordHasher.Verification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the identity service does with a password: normalize it (NFKC), check it against the
 * policy (A4), hash it, verify it against a stored value of any scheme, and upgrade an outdated
 * stored value after a successful login (A3). Thread-safe.
 */
final class Passwords {

  private static final Logger LOG = LoggerFactory.getLogger(Passwords.class);

  /** Rule of the password change: the new password must differ from the current one. */
  static final String SAME_AS_CURRENT = "differs-from-current";

  private final PasswordPolicy policy;
  private final CommandExecutor executor;
  private final PasswordHasher hasher;

  Passwords(PasswordPolicy policy, PasswordHasher hasher, CommandExecutor executor) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** First, last and display name, for the name rule; null when none is set. */
  static @Nullable String nameOf(UserProfile profile) {
    return joined(profile.firstName(), profile.lastName(), profile.displayName());
  }

  static @Nullable String nameOf(User user) {
    return joined(user.firstName(), user.lastName(), user.displayName());
  }

  private static @Nullable String joined(@Nullable String... names) {
    StringBuilder joined = new StringBuilder();
    for (String name : names) {
      if (name != null && !name.isBlank()) {
        joined.append(name.strip()).append(' ');
      }
    }
    return joined.length() == 0 ? null : joined.toString().strip();
  }

  /** Counts users by how their password is stored, against the current scheme (A3). */
  CountPasswordHashesCommand countCommand() {
    return new CountPasswordHashesCommand(hasher);
  }

  List<PasswordRule> rules() {
    return policy.rules();
  }

  /** Every rule with its verdict; a broken rule the policy did not list is added at the end. */
  PasswordCheckResult check(PasswordCandidate candidate) {
    Set<String> broken;
    try (Secret normalized = PasswordText.nfkc(candidate.password())) {
      broken = new LinkedHashSet<>(policy.brokenRules(candidate.withPassword(normalized)));
    }
    List<RuleVerdict> verdicts = new ArrayList<>();
    for (PasswordRule rule : policy.rules()) {
      verdicts.add(new RuleVerdict(rule, !broken.remove(rule.id())));
    }
    for (String unlisted : broken) {
      verdicts.add(new RuleVerdict(PasswordRule.of(unlisted), false));
    }
    return new PasswordCheckResult(verdicts);
  }

  /**
   * Refuses a new password that breaks the policy or equals the current one.
   *
   * @param current the current password, or null for a new user
   * @throws ValidationException naming field {@code password} and every rule broken
   */
  void requireAcceptable(
      String userId, @Nullable String displayName, Secret candidate, @Nullable Secret current) {
    List<String> broken =
        new ArrayList<>(check(PasswordCandidate.of(candidate, userId, displayName)).broken());
    if (current != null && sameAfterNormalizing(candidate, current)) {
      broken.add(SAME_AS_CURRENT);
    }
    if (!broken.isEmpty()) {
      throw new ValidationException(
          "password", broken, "password breaks the password policy rules " + broken + " (A4)");
    }
  }

  /** The stored form of a new password: the current scheme over the NFKC form. */
  String hash(Secret password) {
    try (Secret normalized = PasswordText.nfkc(password)) {
      return hasher.hash(normalized);
    }
  }

  Verification verify(Secret password, String stored) {
    try (Secret normalized = PasswordText.nfkc(password)) {
      return hasher.verify(password, normalized, stored);
    }
  }

  /**
   * After a successful login with an outdated stored value, stores the current scheme instead (A3),
   * as a command of the engine's one command executor. A failure is logged and does not fail the
   * login: the next login tries again.
   */
  void upgradeIfOutdated(String userId, String verifiedHash, Secret password, Verification how) {
    if (how != Verification.MATCH_OUTDATED) {
      return;
    }
    String upgraded = hash(password);
    try {
      boolean replaced =
          executor.execute(
              DatabaseIdentityService.SYSTEM,
              new UpgradePasswordHashCommand(userId, verifiedHash, upgraded));
      if (replaced) {
        LOG.info("password hash of user {} upgraded to {} (A3)", userId, hasher.currentLabel());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "password hash of user {} not upgraded ({}); the next login tries again",
          userId,
          e.getClass().getSimpleName());
    }
  }

  private static boolean sameAfterNormalizing(Secret candidate, Secret current) {
    try (Secret a = PasswordText.nfkc(candidate);
        Secret b = PasswordText.nfkc(current)) {
      return a.equals(b);
    }
  }
}

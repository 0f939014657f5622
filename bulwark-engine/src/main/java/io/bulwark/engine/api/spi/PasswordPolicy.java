package io.bulwark.engine.api.spi;

import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordRule;
import java.util.List;
import java.util.Set;

/**
 * A password policy (A4) that replaces the built-in one, set with {@code
 * BulwarkEngineBuilder.passwordPolicy(PasswordPolicy)}. The engine calls it for every new password
 * (user creation, password change) and for the API that tells a client which rules a candidate
 * breaks; it stores nothing for the policy.
 *
 * <p>Implementations must be thread-safe and fast (they run on every request to the check API),
 * must not log, store or keep the password, and must not clear it (the engine owns it). The engine
 * normalizes the password (Unicode NFKC) before calling {@link #brokenRules}. {@code doctor} (A4)
 * checks a custom policy against the baseline's sample passwords and FAILs when it accepts one.
 */
public interface PasswordPolicy {

  /** Every rule of the policy, in the order a client should show them; never empty. */
  List<PasswordRule> rules();

  /**
   * The IDs of the rules the candidate breaks, each one of {@link #rules()}; empty when the
   * password is acceptable.
   */
  Set<String> brokenRules(PasswordCandidate candidate);
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordRecoveryService;
import io.bulwark.engine.api.PasswordRecoverySettings;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordEncoder;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.identity.throttle.ClientAddresses;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link PasswordRecoveryService} over the engine's tables (A11). Tokens are made and hashed
 * like access tokens ({@link AccessTokens}: 256 bits, SHA-256 stored); the new password is checked
 * against the policy (A4) and hashed outside the transaction. Thread-safe.
 */
public final class DatabasePasswordRecoveryService implements PasswordRecoveryService {

  private static final int MAX_ACCOUNT_LENGTH = 255;

  private final CommandExecutor executor;
  private final UserEmails emails;
  private final Passwords passwords;
  private final PasswordRecoverySettings settings;
  private final AccessTokens tokens = new AccessTokens();

  public DatabasePasswordRecoveryService(
      CommandExecutor executor, PasswordPolicy policy, PasswordRecoverySettings settings) {
    this(executor, policy, Optional.empty(), settings, UserEmails.clear());
  }

  /**
   * @param encoder an encoder that makes new password hashes instead of Argon2id (A3)
   * @param emails how users' e-mail addresses are stored (D1)
   */
  public DatabasePasswordRecoveryService(
      CommandExecutor executor,
      PasswordPolicy policy,
      Optional<PasswordEncoder> encoder,
      PasswordRecoverySettings settings,
      UserEmails emails) {
    this.emails = Objects.requireNonNull(emails, "emails");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.passwords = new Passwords(policy, new PasswordHasher(encoder), executor);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public RecoveryRequest requestReset(String account, String clientAddress) {
    Objects.requireNonNull(clientAddress, "clientAddress");
    String typed = account == null ? "" : account.strip();
    if (typed.isEmpty() || typed.length() > MAX_ACCOUNT_LENGTH) {
      throw ValidationException.of(
          "account",
          "length",
          "invalid account; enter a user ID or e-mail address of 1 to 255 characters");
    }
    String clientKey = ClientAddresses.key(clientAddress);
    return executor.execute(
        DatabaseIdentityService.SYSTEM,
        new RequestPasswordResetCommand(emails, typed, clientKey, settings, tokens));
  }

  @Override
  public Optional<String> checkResetToken(Secret token) {
    return target(token).map(User::id);
  }

  @Override
  public String resetPassword(Secret token, Secret newPassword) {
    Objects.requireNonNull(newPassword, "newPassword");
    String hash =
        AccessTokens.hash(token).orElseThrow(DatabasePasswordRecoveryService::invalidToken);
    User user = target(token).orElseThrow(DatabasePasswordRecoveryService::invalidToken);
    passwords.requireAcceptable(user.id(), Passwords.nameOf(user), newPassword, null);
    String passwordHash = passwords.hash(newPassword);
    executor.execute(
        DatabaseIdentityService.SYSTEM,
        new ResetPasswordWithTokenCommand(hash, user.id(), user.revision(), passwordHash));
    return user.id();
  }

  @Override
  public PasswordRecoverySettings settings() {
    return settings;
  }

  private Optional<User> target(Secret token) {
    Objects.requireNonNull(token, "token");
    Optional<String> hash = AccessTokens.hash(token);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    return executor.execute(
        DatabaseIdentityService.SYSTEM, new LoadResetTargetCommand(emails, hash.get()));
  }

  /** One refusal for every way a token can be bad, so that none tells more than the others. */
  static ValidationException invalidToken() {
    return ValidationException.of(
        "token", "reset-token", "the reset link is not valid: unknown, used, expired or replaced");
  }
}

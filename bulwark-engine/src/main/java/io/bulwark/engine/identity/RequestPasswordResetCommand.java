package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordRecoveryService.Outcome;
import io.bulwark.engine.api.PasswordRecoveryService.RecoveryRequest;
import io.bulwark.engine.api.PasswordRecoveryService.ResetMail;
import io.bulwark.engine.api.PasswordRecoverySettings;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records a recovery request and issues a reset token per matching account (A11): first the
 * per-address limit, then per account the checks that it is enabled, has an e-mail address and is
 * under its limit. Every request is logged for the limits, known account or not, except those over
 * the address limit (so that a flood does not extend its own lock).
 */
final class RequestPasswordResetCommand implements Command<RecoveryRequest> {

  private final UserEmails emails;

  private final String account;
  private final String clientKey;
  private final PasswordRecoverySettings settings;
  private final AccessTokens tokens;

  RequestPasswordResetCommand(
      UserEmails emails,
      String account,
      String clientKey,
      PasswordRecoverySettings settings,
      AccessTokens tokens) {
    this.emails = emails;
    this.account = account;
    this.clientKey = clientKey;
    this.settings = settings;
    this.tokens = tokens;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "anyone may ask for a reset link; it goes only to the account's stored address (A11)");
  }

  @Override
  public RecoveryRequest execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    Instant now = context.now();
    Instant since = now.minus(settings.limitWindow());
    PasswordResetRepository.forgetRequestsBefore(c, since);
    PasswordResetRepository.deleteExpiredTokens(c, now);
    if (PasswordResetRepository.requestsFromClient(c, clientKey, since)
        >= settings.addressLimit()) {
      return new RecoveryRequest(Outcome.ADDRESS_LIMIT, List.of());
    }
    List<User> users = PasswordResetRepository.usersMatching(c, emails, account);
    if (users.isEmpty()) {
      PasswordResetRepository.recordRequest(c, clientKey, null, now);
      return new RecoveryRequest(Outcome.NO_ACCOUNT, List.of());
    }
    List<ResetMail> mails = new ArrayList<>();
    @Nullable Outcome firstRefusal = null;
    for (User user : users) {
      Outcome refusal = refusal(c, user, since);
      if (refusal != null) {
        firstRefusal = firstRefusal == null ? refusal : firstRefusal;
        continue;
      }
      mails.add(issue(c, user, now));
    }
    if (mails.isEmpty()) {
      PasswordResetRepository.recordRequest(c, clientKey, null, now);
      // Every user matched was refused, so a first refusal was seen.
      return new RecoveryRequest(Objects.requireNonNull(firstRefusal), List.of());
    }
    return new RecoveryRequest(Outcome.ISSUED, mails);
  }

  private @Nullable Outcome refusal(Connection c, User user, Instant since) throws SQLException {
    if (user.disabled()) {
      return Outcome.DISABLED;
    }
    if (user.email() == null || user.email().isBlank()) {
      return Outcome.NO_EMAIL;
    }
    if (PasswordResetRepository.linksSentTo(c, user.id(), since) >= settings.accountLimit()) {
      return Outcome.ACCOUNT_LIMIT;
    }
    return null;
  }

  private ResetMail issue(Connection c, User user, Instant now) throws SQLException {
    Secret token = tokens.next();
    String hash =
        AccessTokens.hash(token)
            .orElseThrow(() -> new IllegalStateException("a new token is always well-formed"));
    Instant expires = now.plus(settings.tokenLifetime());
    PasswordResetRepository.replaceToken(c, hash, user, now, expires);
    PasswordResetRepository.recordRequest(c, clientKey, user.id(), now);
    // refusal(…) turned away users without an address.
    String email = Objects.requireNonNull(user.email());
    return new ResetMail(user.id(), user.displayName(), email, token, expires);
  }
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.AccessTokenCheck;
import io.bulwark.engine.api.AccessTokenCheck.Outcome;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.identity.AccessTokenRepository.TokenRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks an access token's hash against the stored token, the client address it is bound to (A9)
 * and its user's current state, with the user's groups, in one statement; nothing is cached (A10).
 * A directory user's token that passes the database's part is left to the caller, who asks the
 * directory (outside this transaction).
 */
final class CheckAccessTokenCommand implements Command<CheckAccessTokenCommand.Verdict> {

  /**
   * The database's decision, or (when {@code decided} is null) a directory user's token whose user
   * the directory must still confirm: known, enabled, and at {@code directoryRevision} (A8, A10).
   */
  record Verdict(
      @Nullable AccessTokenCheck decided,
      @Nullable String directoryUserId,
      long directoryRevision) {

    static Verdict of(AccessTokenCheck decided) {
      return new Verdict(decided, null, 0);
    }
  }

  private static final AccessTokenRepository TOKENS = new AccessTokenRepository();

  private final String tokenHash;
  private final @Nullable String client;
  private final Instant now;

  CheckAccessTokenCommand(String tokenHash, @Nullable String client, Instant now) {
    this.tokenHash = tokenHash;
    this.client = client;
    this.now = now;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the bearer of a token asks who it is; nobody is signed in yet");
  }

  /**
   * One statement (the token, its user, the user's groups and the location rules' version), so
   * every bearer request costs one round trip here and no commit (issue 14).
   */
  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Verdict execute(CommandContext context) throws SQLException {
    Optional<TokenRow> row = TOKENS.find(context.connection(), tokenHash);
    if (row.isEmpty()) {
      return Verdict.of(AccessTokenCheck.unknown());
    }
    TokenRow found = row.get();
    if (found.directoryUser()) {
      AccessTokenCheck refusal = refusal(found);
      if (refusal == null && found.userChanged()) {
        // The database took the ID since: its user signs in under it, not the directory's.
        refusal = AccessTokenCheck.refused(Outcome.USER_CHANGED, found.userId());
      }
      return refusal == null
          ? new Verdict(null, found.userId(), found.revision())
          : Verdict.of(refusal);
    }
    AccessTokenCheck refusal = refusal(found);
    return Verdict.of(refusal != null ? refusal : databaseUserCheck(found));
  }

  /** The refusal for a token that expired or comes from another client; else null. */
  private @Nullable AccessTokenCheck refusal(TokenRow found) {
    if (!now.isBefore(found.expires())) {
      return AccessTokenCheck.refused(Outcome.EXPIRED, found.userId());
    }
    if (found.boundClient() != null && !found.boundClient().equals(client)) {
      return AccessTokenCheck.refused(Outcome.WRONG_CLIENT, found.userId());
    }
    return null;
  }

  private static AccessTokenCheck databaseUserCheck(TokenRow found) {
    if (found.disabled()) {
      return AccessTokenCheck.refused(Outcome.USER_DISABLED, found.userId());
    }
    if (found.userChanged()) {
      return AccessTokenCheck.refused(Outcome.USER_CHANGED, found.userId());
    }
    if (found.mustChangePassword()) {
      return AccessTokenCheck.refused(Outcome.PASSWORD_CHANGE_REQUIRED, found.userId());
    }
    return AccessTokenCheck.valid(
        new Principal(found.userId(), found.groups()), found.locationRuleVersion());
  }
}

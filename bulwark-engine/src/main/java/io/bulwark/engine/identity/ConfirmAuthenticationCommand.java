package io.bulwark.engine.identity;

import io.bulwark.engine.api.ConfirmedPrincipal;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.location.LocationRuleVersion;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms that a password check which succeeded earlier still stands (A10): the user exists, is
 * enabled, needs no password change and is at the revision read before that check, so that nothing
 * about it changed since. Answers the principal with the user's current groups, and the location
 * rules' version (Z4).
 *
 * <p>Every Basic request that the credential cache answers runs this (issue 14), so it is one
 * statement in auto-commit: the user's state and memberships in one join, and the version of the
 * location rules, which the server would otherwise read in a statement of its own for the same
 * request; no profile, no e-mail address to open, no transaction to commit.
 */
final class ConfirmAuthenticationCommand implements Command<Optional<ConfirmedPrincipal>> {

  private static final String STATE_AND_GROUPS =
      "SELECT u.revision, u.disabled, u.must_change_password, m.group_id, "
          + LocationRuleVersion.COLUMN
          + " FROM bw_user u"
          + " LEFT JOIN bw_membership m ON m.user_id = u.id WHERE u.id = ? ORDER BY m.group_id";

  private final String userId;
  private final long revision;

  ConfirmAuthenticationCommand(String userId, long revision) {
    this.userId = userId;
    this.revision = revision;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none(
        "the authentication path re-checks the user it authenticated; nobody is signed in yet");
  }

  /** One statement: nothing to commit. */
  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Optional<ConfirmedPrincipal> execute(CommandContext context) throws SQLException {
    try (PreparedStatement statement = context.connection().prepareStatement(STATE_AND_GROUPS)) {
      statement.setString(1, userId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()
            || rows.getLong(1) != revision
            || rows.getBoolean(2)
            || rows.getBoolean(3)) {
          return Optional.empty();
        }
        long locationRuleVersion = rows.getLong(5);
        Set<String> groups = new LinkedHashSet<>();
        do {
          String group = rows.getString(4);
          if (group != null) {
            groups.add(group);
          }
        } while (rows.next());
        return Optional.of(
            new ConfirmedPrincipal(new Principal(userId, groups), locationRuleVersion));
      }
    }
  }
}

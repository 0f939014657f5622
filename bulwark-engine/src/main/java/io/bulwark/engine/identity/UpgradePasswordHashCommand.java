package io.bulwark.engine.identity;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/**
 * Replaces an outdated or imported password hash by one of the current scheme, made before the
 * transaction began, right after the user signed in with that password (A3). Does nothing when the
 * stored hash changed meanwhile (a password change wins).
 */
final class UpgradePasswordHashCommand implements Command<Boolean> {

  private final String userId;
  private final String verifiedHash;
  private final String upgradedHash;

  UpgradePasswordHashCommand(String userId, String verifiedHash, String upgradedHash) {
    this.userId = userId;
    this.verifiedHash = verifiedHash;
    this.upgradedHash = upgradedHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("the user has just proved who they are with this password (A3)");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    return PasswordHashRepository.replaceHash(
        context.connection(), userId, verifiedHash, upgradedHash);
  }
}

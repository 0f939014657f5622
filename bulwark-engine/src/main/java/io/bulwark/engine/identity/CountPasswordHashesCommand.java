package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Counts users by how their password is stored (A3), for the hardening audit. */
final class CountPasswordHashesCommand implements Command<PasswordStorage> {

  private final PasswordHasher hasher;

  CountPasswordHashesCommand(PasswordHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("counts only, no user data; for the local hardening audit (O1)");
  }

  @Override
  public PasswordStorage execute(CommandContext context) throws SQLException {
    return PasswordHashRepository.countPasswordHashes(context.connection(), hasher);
  }
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.User;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates the first administrator and the administrators' group while no user exists (A2); returns
 * whether it did.
 */
final class EnsureInitialAdministratorCommand implements Command<Boolean> {

  private final UserEmails emails;

  private final User admin;
  private final String passwordHash;

  EnsureInitialAdministratorCommand(UserEmails emails, User admin, String passwordHash) {
    this.emails = emails;
    this.admin = admin;
    this.passwordHash = passwordHash;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("first start: runs only while no user exists, so no one can ask (A2)");
  }

  @Override
  public Boolean execute(CommandContext context) throws SQLException {
    Connection c = context.connection();
    if (IdentityRepository.anyUserExists(c)) {
      return false;
    }
    IdentityIds.register(c, IdentityKind.USER, admin.id());
    IdentityRepository.insertUser(c, emails, admin, passwordHash);
    String group = IdentityService.ADMINISTRATORS_GROUP;
    if (!GroupRepository.groupExists(c, group)) {
      IdentityIds.register(c, IdentityKind.GROUP, group);
      GroupRepository.insertGroup(c, group, "Bulwark administrators", context.now());
    }
    GroupRepository.insertMembership(c, admin.id(), group);
    return true;
  }
}

package io.bulwark.engine.identity;

import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Purges the tombstone of a deleted ID, so that the ID may be created again (Z6). */
final class PurgeDeletedIdCommand implements Command<Void> {

  private final IdentityKind kind;
  private final String id;

  PurgeDeletedIdCommand(IdentityKind kind, String id) {
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
    this.id = IdPattern.requireValidId("id", id);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.valueOf(kind.name()), Permission.DELETE);
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    if (!IdentityIds.purge(context.connection(), kind, id)) {
      throw new NotFoundException(IdentityIds.name(kind) + " ID " + id + " is not a deleted ID");
    }
    return null;
  }
}

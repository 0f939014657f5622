package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Creates a group after registering its ID (Z6: a deleted ID is refused). */
final class CreateGroupCommand implements Command<Group> {

  private final String groupId;
  private final String name;
  private final @Nullable String type;

  CreateGroupCommand(String groupId, String name, @Nullable String type) {
    this.groupId = IdPattern.requireValidId("groupId", groupId);
    this.name = IdPattern.requireValidName("name", name);
    this.type = IdPattern.requireValidOptionalName("type", type);
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.GROUP, Permission.CREATE);
  }

  @Override
  public Group execute(CommandContext context) throws SQLException {
    Group group = new Group(groupId, name, type, context.now(), 0);
    IdentityIds.register(context.connection(), IdentityKind.GROUP, groupId);
    GroupRepository.insertGroup(context.connection(), group);
    return group;
  }
}

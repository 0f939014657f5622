package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Replaces a group's name and type; the ID never changes. */
final class UpdateGroupCommand implements Command<Group> {

  private final String groupId;
  private final String name;
  private final @Nullable String type;

  UpdateGroupCommand(String groupId, String name, @Nullable String type) {
    this.groupId = IdPattern.requireValidId("groupId", groupId);
    this.name = IdPattern.requireValidName("name", name);
    this.type = IdPattern.requireValidOptionalName("type", type);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.GROUP, Permission.UPDATE, groupId);
  }

  @Override
  public Group execute(CommandContext context) throws SQLException {
    if (!GroupRepository.updateGroup(context.connection(), groupId, name, type)) {
      throw new NotFoundException("group " + groupId + " not found");
    }
    return new GetGroupCommand(groupId).execute(context);
  }
}

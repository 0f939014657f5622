package io.bulwark.engine.identity;

import io.bulwark.engine.api.Group;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import java.sql.SQLException;

/** Reads one group. */
final class GetGroupCommand implements Command<Group> {

  private final String groupId;

  GetGroupCommand(String groupId) {
    this.groupId = IdPattern.requireValidId("groupId", groupId);
  }

  @Override
  public Requirement requirement() {
    return Requirement.of(ResourceType.GROUP, Permission.READ, groupId);
  }

  @Override
  public Group execute(CommandContext context) throws SQLException {
    return GroupRepository.findGroup(context.connection(), groupId)
        .orElseThrow(() -> new NotFoundException("group " + groupId + " not found"));
  }
}

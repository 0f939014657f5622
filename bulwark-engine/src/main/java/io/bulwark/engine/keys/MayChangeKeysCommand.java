package io.bulwark.engine.keys;

import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;

/**
 * Checks that the caller may change the key set ({@code SYSTEM UPDATE}, as rotation and destroy)
 * before the engine does work on its behalf that precedes the change itself, such as moving stored
 * e-mail addresses to the primary key before a destroy (Z2: no work before authorization).
 */
final class MayChangeKeysCommand implements Command<Boolean> {

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.SYSTEM, Permission.UPDATE);
  }

  @Override
  public Boolean execute(CommandContext context) {
    return true;
  }
}

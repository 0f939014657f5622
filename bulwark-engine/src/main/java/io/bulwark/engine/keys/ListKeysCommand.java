package io.bulwark.engine.keys;

import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.crypto.LocalKeyStore;
import java.util.List;
import java.util.Optional;

/** The key store's keys, primary first (D2); needs {@code SYSTEM READ}. */
final class ListKeysCommand implements Command<List<KeyInfo>> {

  private final Optional<LocalKeyStore> keys;

  ListKeysCommand(Optional<LocalKeyStore> keys) {
    this.keys = keys;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.SYSTEM, Permission.READ);
  }

  @Override
  public List<KeyInfo> execute(CommandContext context) {
    return RotateKeyCommand.present(keys).list();
  }
}

package io.bulwark.engine.keys;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.KeyDestruction;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.crypto.LocalKeyStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Destroys a key of the running engine's key set (D2; {@code SYSTEM UPDATE}, as rotation): refused
 * while it is the primary key or while the re-encryption job is pending, which could still need it.
 * Then the key's material leaves the key store file (written atomically) and the field cipher; what
 * the database still holds under it is unreadable for good (crypto-shredding), and the answer says
 * how much.
 */
final class DestroyKeyCommand implements Command<KeyDestruction> {

  private final Optional<LocalKeyStore> keys;
  private final int keyId;
  private final Optional<KeySetSync> sync;

  DestroyKeyCommand(Optional<LocalKeyStore> keys, int keyId, Optional<KeySetSync> sync) {
    this.keys = keys;
    this.keyId = keyId;
    this.sync = sync;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.SYSTEM, Permission.UPDATE);
  }

  @Override
  public KeyDestruction execute(CommandContext context) throws SQLException {
    LocalKeyStore store = RotateKeyCommand.present(keys);
    if (sync.isPresent()) {
      sync.get().beforeChange(context.connection());
    }
    KeyInfo key =
        store.list().stream()
            .filter(k -> k.id() == keyId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no key " + keyId + " in the key set"));
    if (key.primary()) {
      throw new ConflictException(
          "key "
              + keyId
              + " is the primary key, which encrypts every new value: rotate first, then destroy"
              + " it once the re-encryption job is gone");
    }
    if (KeyUses.reencryptionPending(context.connection())) {
      throw new ConflictException(
          "the re-encryption job (variable-reencrypt) is pending and may still need key "
              + keyId
              + ": destroy it once the job is gone");
    }
    List<String> lagging = sync.isPresent() ? sync.get().lagging(context.connection()) : List.of();
    if (!lagging.isEmpty()) {
      throw new ConflictException(
          "nodes "
              + lagging
              + " still use an older key set and may write under key "
              + keyId
              + ": destroy it once they have switched (they look every second)");
    }
    long unreadable = KeyUses.valuesUnder(context.connection(), keyId);
    store.destroy(keyId);
    if (sync.isPresent()) {
      sync.get().publish(context.connection());
    }
    return new KeyDestruction(keyId, unreadable);
  }
}

package io.bulwark.engine.keys;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.variable.ScheduleReencryptionCommand;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Rotates the running engine's key set (D2; {@code SYSTEM UPDATE}): adds a new primary key and
 * writes the key store file (atomically; the field cipher follows at once), then, in this command's
 * transaction, schedules the re-encryption job when sensitive values under an older key are stored.
 * Should the transaction fail after the file was written, the next engine start schedules the job
 * ({@link ScheduleReencryptionCommand} runs at every start): nothing is lost either way.
 */
final class RotateKeyCommand implements Command<RotateKeyCommand.Rotated> {

  /** The new primary, the one before it, and whether the re-encryption job was scheduled. */
  record Rotated(KeyInfo primary, int previousPrimary, boolean scheduled) {}

  private final Optional<LocalKeyStore> keys;
  private final ScheduleReencryptionCommand schedule;
  private final Optional<KeySetSync> sync;

  RotateKeyCommand(
      Optional<LocalKeyStore> keys,
      ScheduleReencryptionCommand schedule,
      Optional<KeySetSync> sync) {
    this.keys = keys;
    this.schedule = schedule;
    this.sync = sync;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.SYSTEM, Permission.UPDATE);
  }

  @Override
  public Rotated execute(CommandContext context) throws SQLException {
    LocalKeyStore store = present(keys);
    if (sync.isPresent()) {
      sync.get().beforeChange(context.connection());
    }
    int previous = store.fieldCipher().primaryKeyId();
    KeyInfo primary = store.rotate();
    boolean scheduled = schedule.execute(context);
    if (sync.isPresent()) {
      sync.get().publish(context.connection());
      if (!scheduled && sync.get().othersAlive(context.connection())) {
        scheduled = schedule.scheduleNow(context);
      }
    }
    return new Rotated(primary, previous, scheduled);
  }

  /**
   * The engine's key store, checked after the requirement (a caller without it learns nothing).
   *
   * @throws ConflictException the engine has none
   */
  static LocalKeyStore present(Optional<LocalKeyStore> keys) {
    return keys.orElseThrow(
        () ->
            new ConflictException(
                "this engine has no key store (D2): configure one (embedded storage, or a field"
                    + " key store on an external database)"));
  }
}

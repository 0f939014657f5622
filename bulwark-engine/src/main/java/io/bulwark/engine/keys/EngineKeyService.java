package io.bulwark.engine.keys;

import io.bulwark.engine.api.KeyDestruction;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.KeyRotation;
import io.bulwark.engine.api.KeyService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.identity.UserEmails;
import io.bulwark.engine.variable.ScheduleReencryptionCommand;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KeyService} over the engine's key store; each call is one command (Z2). */
public final class EngineKeyService implements KeyService {

  private static final Logger LOG = LoggerFactory.getLogger(EngineKeyService.class);

  private final CommandExecutor commands;
  private final Optional<LocalKeyStore> keys;
  private final UserEmails emails;
  private final ScheduleReencryptionCommand schedule;
  private final Optional<KeySetSync> sync;

  /**
   * @param keys the key store whose field cipher the engine encrypts with; empty: none
   * @param emails the engine's e-mail addresses, encrypted with that cipher
   * @param schedule the engine's command that schedules the variables' re-encryption
   * @param sync the key set shared with the other nodes of the database (D2)
   */
  public EngineKeyService(
      CommandExecutor commands,
      Optional<LocalKeyStore> keys,
      UserEmails emails,
      ScheduleReencryptionCommand schedule,
      Optional<KeySetSync> sync) {
    this.commands = commands;
    this.keys = keys;
    this.emails = emails;
    this.schedule = schedule;
    this.sync = sync;
  }

  @Override
  public List<KeyInfo> listKeys(Principal actor) {
    return commands.execute(commands.actorOf(actor), new ListKeysCommand(keys));
  }

  @Override
  public KeyRotation rotate(Principal actor) {
    RotateKeyCommand.Rotated rotated =
        commands.execute(commands.actorOf(actor), new RotateKeyCommand(keys, schedule, sync));
    LOG.info(
        "key set rotated while running: key {} is the primary, key {} decrypts what is left (D2)",
        rotated.primary().id(),
        rotated.previousPrimary());
    int addresses = emails.encryptStored(commands);
    if (addresses > 0) {
      LOG.info("encrypted {} stored e-mail addresses with the primary key (D1)", addresses);
    }
    return new KeyRotation(
        rotated.primary(), rotated.previousPrimary(), addresses, rotated.scheduled());
  }

  @Override
  public KeyDestruction destroy(Principal actor, int keyId) {
    // Addresses another node wrote under an older key before it switched move to the primary,
    // once the caller is known to be allowed to change keys (no work before authorization).
    commands.execute(commands.actorOf(actor), new MayChangeKeysCommand());
    emails.encryptStored(commands);
    KeyDestruction destroyed =
        commands.execute(commands.actorOf(actor), new DestroyKeyCommand(keys, keyId, sync));
    LOG.warn(
        "key {} destroyed while running: {} stored values under it are unreadable (D2)",
        destroyed.keyId(),
        destroyed.unreadableValues());
    return destroyed;
  }
}

package io.bulwark.engine.api;

import java.util.List;

/**
 * The key set of the engine's key store while it runs (D2): list its keys and rotate to a new
 * primary key. {@code SYSTEM READ} lists, {@code SYSTEM UPDATE} rotates (checked by the command
 * executor, Z2). An engine without a key store (an external database without {@link FieldKeyStore})
 * answers {@link ConflictException}. A key is destroyed online with {@link #destroy} (also {@code
 * SYSTEM UPDATE}) or offline ({@link EmbeddedStorageAdmin#destroyKey}, {@code ./bulwark admin keys
 * destroy}). Thread-safe.
 */
public interface KeyService {

  /** The keys, primary first, with the number of key-store values each encrypts. */
  List<KeyInfo> listKeys(Principal actor);

  /**
   * Adds a new primary key to the key set and writes the key store file atomically (a temporary
   * file, forced to disk and moved over the old one, owner-only); every encryption from then on
   * uses the new key, while values under the older keys stay readable. Then re-encrypts the users'
   * e-mail addresses (in batches, before answering) and schedules the background job that
   * re-encrypts the sensitive variables ({@code variable-reencrypt}); both are resumable: the key
   * column is the marker, and an engine start picks up what a crash left.
   *
   * <p>The engine does not append to the audit log: the caller records {@code key_rotated} with its
   * own node name (the server does).
   *
   * @throws ConflictException the engine has no key store
   */
  KeyRotation rotate(Principal actor);

  /**
   * Destroys a key that is neither the primary nor possibly needed by the pending re-encryption
   * job: its material leaves the key store file (written atomically) and the engine's cipher, and
   * every value still encrypted under it is unreadable for good (crypto-shredding).
   *
   * <p>The engine does not append to the audit log: the caller records {@code key_destroyed}.
   *
   * @throws NotFoundException no such key
   * @throws ConflictException the engine has no key store, the key is the primary, or the
   *     re-encryption job is pending
   */
  KeyDestruction destroy(Principal actor, int keyId);
}

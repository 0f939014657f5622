package io.bulwark.engine.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an engine on PostgreSQL (or another external database) keeps the local key store whose key
 * set encrypts sensitive variables (D1, D2): {@code dir/keys/keystore.properties}, created on first
 * use, opened with {@code passphrase}. The embedded storage uses its own data directory's key store
 * and ignores this.
 *
 * @param dir the key store's directory; keep it apart from database backups
 * @param passphrase the key store's passphrase (from the environment or an owner-only file)
 */
public record FieldKeyStore(Path dir, Secret passphrase) {

  public FieldKeyStore {
    dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    Objects.requireNonNull(passphrase, "passphrase");
  }

  @Override
  public String toString() {
    return "FieldKeyStore[dir=" + dir + ", passphrase=****]";
  }
}

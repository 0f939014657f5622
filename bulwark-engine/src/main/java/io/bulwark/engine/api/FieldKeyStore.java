package io.bulwark.engine.api;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an engine on PostgreSQL (or another external database) keeps the local key store whose key
 * set encrypts sensitive variables (D1, D2): {@code dir/keys/keystore.properties}, created on first
 * use, opened with {@code passphrase} or with the key {@code kmsKeyUri} of a key-management plug-in
 * (exactly one of them). The embedded storage uses its own data directory's key store and ignores
 * this.
 *
 * @param dir the key store's directory; keep it apart from database backups
 * @param passphrase the key store's passphrase (from the environment or an owner-only file)
 * @param kmsKeyUri the key of a {@link io.bulwark.engine.api.spi.KeyManagementService} plug-in
 */
public record FieldKeyStore(Path dir, @Nullable Secret passphrase, @Nullable String kmsKeyUri) {

  public FieldKeyStore {
    dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    if ((passphrase == null) == (kmsKeyUri == null)) {
      throw new IllegalArgumentException("a field key store has a passphrase or a key URI");
    }
  }

  /** Opened with a passphrase. */
  public FieldKeyStore(Path dir, Secret passphrase) {
    this(dir, Objects.requireNonNull(passphrase, "passphrase"), null);
  }

  @Override
  public String toString() {
    return "FieldKeyStore[dir="
        + dir
        + (kmsKeyUri != null ? ", key-management key " + kmsKeyUri : ", passphrase=****")
        + "]";
  }
}

package io.bulwark.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key store's key set protected by a key-management service's key instead of a passphrase (D2):
 * the plug-in is found on the class path, no passphrase is written anywhere, and a revoked key
 * leaves the data unreadable.
 */
class KmsKeyStoreIT {

  private static final Secret PASSPHRASE = Secret.of("correct horse battery staple");

  @Test
  void d2_kmsKeyProtectsTheKeyStoreAndNoPassphraseLiesBesideTheData(@TempDir Path dataDir)
      throws Exception {
    String uri = InMemoryTestKms.SCHEME + "d2-first";
    try (BulwarkEngine engine = BulwarkEngine.builder().embeddedWithKms(dataDir, uri).build()) {
      engine.identityService().ensureInitialAdministrator();
    }
    assertThat(dataDir.resolve("keys/passphrase")).doesNotExist();
    String file = Files.readString(LocalKeyStore.fileOf(dataDir));
    assertThat(file).contains("kms.key-uri=" + uri.replace(":", "\\:")).doesNotContain("kdf");

    try (BulwarkEngine engine = BulwarkEngine.builder().embeddedWithKms(dataDir, uri).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
    EmbeddedStorageAdmin admin =
        BulwarkEngine.builder().embeddedWithKms(dataDir, uri).embeddedAdmin();
    int old = admin.listKeys().get(0).id();
    admin.rotateKey();
    admin.destroyKey(old);
    try (BulwarkEngine engine = BulwarkEngine.builder().embeddedWithKms(dataDir, uri).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
  }

  @Test
  void d2_aRevokedKmsKeyLeavesTheKeyStoreLocked(@TempDir Path dataDir) {
    String uri = InMemoryTestKms.SCHEME + "d2-revoked";
    LocalKeyStore.openOrCreateWithKms(dataDir, uri);
    InMemoryTestKms.disable(uri);
    try {
      assertThatThrownBy(() -> LocalKeyStore.openOrCreateWithKms(dataDir, uri))
          .isInstanceOf(CryptoException.class)
          .hasMessageContaining("the key-management service refused its key");
    } finally {
      InMemoryTestKms.enable(uri);
    }
    assertThat(LocalKeyStore.openOrCreateWithKms(dataDir, uri).protectedByKms()).isTrue();
  }

  @Test
  void d2_aStoreIsOpenedOnlyWithTheKindOfKeyThatLockedIt(@TempDir Path dataDir) {
    Path kmsDir = dataDir.resolve("kms");
    Path passphraseDir = dataDir.resolve("passphrase");
    LocalKeyStore.openOrCreateWithKms(kmsDir, InMemoryTestKms.SCHEME + "d2-kind");
    LocalKeyStore.openOrCreate(passphraseDir, PASSPHRASE);

    assertThatThrownBy(() -> LocalKeyStore.openOrCreate(kmsDir, PASSPHRASE))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("protected by the key-management key");
    assertThatThrownBy(
            () -> LocalKeyStore.openOrCreateWithKms(passphraseDir, InMemoryTestKms.SCHEME + "x"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("protected by a passphrase");
    assertThatThrownBy(
            () -> LocalKeyStore.openOrCreateWithKms(kmsDir, InMemoryTestKms.SCHEME + "other"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("another key-management key");
  }

  @Test
  void d2_aKeyNoPluginServesIsRefusedByItsScheme(@TempDir Path dataDir) {
    assertThatThrownBy(
            () -> LocalKeyStore.openOrCreateWithKms(dataDir, "aws-kms://arn:aws:kms:eu:1:key/k"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("no key-management plug-in")
        .hasMessageContaining("aws-kms")
        .hasMessageNotContaining("arn:aws");
    assertThat(LocalKeyStore.exists(dataDir)).isFalse();
  }

  @Test
  void d2_aKeyStoreMovesFromAPassphraseToAKmsKeyAndBack(@TempDir Path dataDir) throws Exception {
    String uri = InMemoryTestKms.SCHEME + "d2-rewrap";
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir, PASSPHRASE).build()) {
      engine.identityService().ensureInitialAdministrator();
    }
    EmbeddedStorageAdmin byPassphrase =
        BulwarkEngine.builder().embedded(dataDir, PASSPHRASE).embeddedAdmin();
    var keysBefore = byPassphrase.listKeys();

    Optional<Path> backup = byPassphrase.rewrapKeyStoreWithKms(uri, true);

    assertThat(backup).isPresent();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.get())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(backup.get())).contains("kdf.salt");
    String file = Files.readString(LocalKeyStore.fileOf(dataDir));
    assertThat(file).contains("kms.key-uri=").doesNotContain("kdf");
    assertThat(BulwarkEngine.builder().embeddedWithKms(dataDir, uri).embeddedAdmin().listKeys())
        .as("the same keys, only wrapped anew")
        .isEqualTo(keysBefore);
    try (BulwarkEngine engine = BulwarkEngine.builder().embeddedWithKms(dataDir, uri).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
    assertThatThrownBy(() -> LocalKeyStore.openOrCreate(dataDir, PASSPHRASE))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("protected by the key-management key");

    Secret newPassphrase = Secret.of("a new passphrase for the way back");
    assertThat(
            BulwarkEngine.builder()
                .embeddedWithKms(dataDir, uri)
                .embeddedAdmin()
                .rewrapKeyStoreWithPassphrase(newPassphrase, false))
        .isEmpty();
    try (var files = Files.list(LocalKeyStore.fileOf(dataDir).getParent())) {
      assertThat(files.filter(f -> f.getFileName().toString().contains("backup")).count())
          .as("no backup unless asked")
          .isEqualTo(1);
    }
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir, newPassphrase).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
    assertThatThrownBy(() -> LocalKeyStore.openOrCreate(dataDir, PASSPHRASE))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("wrong passphrase");
    assertThatThrownBy(() -> LocalKeyStore.openOrCreateWithKms(dataDir, uri))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("protected by a passphrase");
  }
}

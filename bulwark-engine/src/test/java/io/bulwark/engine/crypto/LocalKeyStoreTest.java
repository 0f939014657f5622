package io.bulwark.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyStoreTest {

  private static final Secret PASSPHRASE = Secret.of("correct horse battery staple");

  @Test
  void d2_createdOnFirstUseOwnerOnlyAndReopensWithTheSamePassword(@TempDir Path dataDir)
      throws Exception {
    String password;
    try (Secret first = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE).databaseFilePassword()) {
      password = new String(first.reveal());
    }
    Path file = LocalKeyStore.fileOf(dataDir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file)).doesNotContain(password);
    try (Secret again = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE).databaseFilePassword()) {
      assertThat(new String(again.reveal())).isEqualTo(password);
    }
  }

  @Test
  void d2_wrongPassphraseCannotUnlockTheKeyStore(@TempDir Path dataDir) {
    LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    assertThatThrownBy(() -> LocalKeyStore.openOrCreate(dataDir, Secret.of("Tr0ub4dor&3")))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("wrong passphrase")
        .hasMessageNotContaining("Tr0ub4dor&3");
  }

  @Test
  void d2_everyStoredValueNamesTheKeyThatEncryptedIt(@TempDir Path dataDir) {
    LocalKeyStore store = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    List<KeyInfo> keys = store.list();
    assertThat(keys).singleElement().satisfies(k -> assertThat(k.primary()).isTrue());
    assertThat(keys.get(0).values()).isEqualTo(1);
    KeyStoreFile file = KeyStoreFile.read(LocalKeyStore.fileOf(dataDir));
    assertThat(file.values())
        .singleElement()
        .satisfies(v -> assertThat(v.keyId()).isEqualTo(keys.get(0).id()));
  }

  @Test
  void d2_rotationReEncryptsStoredValuesWithTheNewPrimaryKey(@TempDir Path dataDir) {
    LocalKeyStore store = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    String password = new String(store.databaseFilePassword().reveal());
    int oldKey = store.list().get(0).id();

    KeyInfo newKey = store.rotate();

    LocalKeyStore reopened = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    assertThat(reopened.list())
        .extracting(KeyInfo::id, KeyInfo::primary, KeyInfo::values)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(newKey.id(), true, 1),
            org.assertj.core.groups.Tuple.tuple(oldKey, false, 0));
    assertThat(new String(reopened.databaseFilePassword().reveal())).isEqualTo(password);
  }

  @Test
  void d2_destroyingAKeyMakesWhatItEncryptedUnreadable(@TempDir Path dataDir) throws Exception {
    LocalKeyStore store = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    int oldKey = store.list().get(0).id();
    Path file = LocalKeyStore.fileOf(dataDir);
    String valueUnderOldKey = valueLine(Files.readString(file));
    store.rotate();

    store.destroy(oldKey);

    assertThat(store.list()).extracting(KeyInfo::id).doesNotContain(oldKey);
    // A copy of the value from before the rotation (say, from a backup) is now shredded.
    String current = Files.readString(file);
    Files.writeString(file, current.replace(valueLine(current), valueUnderOldKey));
    LocalKeyStore restored = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    assertThatThrownBy(restored::databaseFilePassword)
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("key " + oldKey + " was destroyed");
  }

  @Test
  void d2_thePrimaryKeyCannotBeDestroyed(@TempDir Path dataDir) {
    LocalKeyStore store = LocalKeyStore.openOrCreate(dataDir, PASSPHRASE);
    int primary = store.list().get(0).id();
    assertThatThrownBy(() -> store.destroy(primary))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("rotate before destroying");
    assertThatThrownBy(() -> store.destroy(primary + 1))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("no key");
  }

  @Test
  void d2_devPassphraseIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path dataDir) throws Exception {
    String first = new String(DevPassphraseFile.readOrCreate(dataDir).reveal());
    String second = new String(DevPassphraseFile.readOrCreate(dataDir).reveal());
    assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(second);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(DevPassphraseFile.of(dataDir))))
        .isEqualTo("rw-------");
  }

  private static String valueLine(String properties) {
    return properties
        .lines()
        .filter(l -> l.startsWith("value." + LocalKeyStore.DATABASE_FILE_PASSWORD))
        .findFirst()
        .orElseThrow();
  }
}

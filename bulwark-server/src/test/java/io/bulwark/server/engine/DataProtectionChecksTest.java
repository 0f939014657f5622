package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataProtectionChecksTest {

  private static final DatabaseSettings EMBEDDED = new DatabaseSettings(null, null, null);

  private static final KeyStoreSettings NO_FILE = new KeyStoreSettings(null, null);

  @Test
  void d2_generatedPassphraseBesideTheDataWarnsInDevAndFailsInProduction(@TempDir Path dataDir) {
    Finding dev = d2(dataDir, BulwarkProfile.DEV, NO_FILE, Map.of());
    Finding production = d2(dataDir, BulwarkProfile.PRODUCTION, NO_FILE, Map.of());

    assertThat(dev.status()).isEqualTo(CheckStatus.WARN);
    assertThat(dev.message()).contains("generated into the data directory");
    assertThat(production.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(production.fix()).contains(KeyStoreSettings.PASSPHRASE_ENV);
  }

  @Test
  void d2_passphraseFromTheEnvironmentPasses(@TempDir Path dataDir) {
    Finding finding =
        d2(
            dataDir,
            BulwarkProfile.PRODUCTION,
            NO_FILE,
            Map.of(KeyStoreSettings.PASSPHRASE_ENV, "a long passphrase from the vault"));
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).doesNotContain("a long passphrase");
  }

  @Test
  void d2_passphraseFileInsideTheDataDirectoryOrReadableByOthersFails(@TempDir Path dir)
      throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    Path inside = Files.writeString(dataDir.resolve("pass"), "secret");
    Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
    Path loose = Files.writeString(dir.resolve("loose"), "secret");
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
    Path good = Files.writeString(dir.resolve("good"), "secret");
    Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-------"));

    assertThat(d2(dataDir, BulwarkProfile.PRODUCTION, new KeyStoreSettings(inside, null), Map.of()))
        .extracting(Finding::status)
        .isEqualTo(CheckStatus.FAIL);
    assertThat(d2(dataDir, BulwarkProfile.DEV, new KeyStoreSettings(loose, null), Map.of()))
        .extracting(Finding::status)
        .isEqualTo(CheckStatus.FAIL);
    assertThat(d2(dataDir, BulwarkProfile.PRODUCTION, new KeyStoreSettings(good, null), Map.of()))
        .extracting(Finding::status)
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void d2_aKeyManagementKeyPassesInProductionAndNamesOnlyItsScheme(@TempDir Path dataDir) {
    KeyStoreSettings kms = new KeyStoreSettings(null, "aws-kms://arn:aws:kms:eu-west-1:1:key/k");
    Finding finding =
        d2(
            dataDir,
            BulwarkProfile.PRODUCTION,
            kms,
            Map.of(KeyStoreSettings.PASSPHRASE_ENV, "ignored when a key-management key is set"));
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("key-management key (aws-kms)").doesNotContain("arn:");
  }

  @Test
  void d2_aPassphraseFileAndAKeyManagementKeyTogetherAreRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> new KeyStoreSettings(dir.resolve("pass"), "aws-kms://k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void d1_anUnencryptedEmbeddedDatabaseFails(@TempDir Path dataDir) throws Exception {
    Files.createDirectories(dataDir.resolve("db"));
    String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("bulwark");
    try (Connection c = DriverManager.getConnection(url, "bulwark", "")) {
      c.createStatement().execute("CREATE TABLE t (x INT)");
    }
    Finding finding = new D1EmbeddedEncryptionCheck(dataDir, EMBEDDED).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.fix()).contains("bulwark admin encrypt-database");
  }

  private static Finding d2(
      Path dataDir, BulwarkProfile profile, KeyStoreSettings settings, Map<String, String> env) {
    return new D2KeyStorePassphraseCheck(dataDir, profile, EMBEDDED, settings, env::get).run();
  }
}

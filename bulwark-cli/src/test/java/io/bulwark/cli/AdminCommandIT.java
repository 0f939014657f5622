package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.crypto.DevPassphraseFile;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.persistence.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark admin}: encrypting an old data directory and managing keys (D1, D2). */
class AdminCommandIT {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void d1_encryptDatabaseMigratesAnUnencryptedDataDirectoryWithABackup(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("db"));
    String plainUrl =
        "jdbc:h2:file:"
            + data.toAbsolutePath().resolve("db").resolve("bulwark")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (BulwarkEngine engine =
        BulwarkEngine.builder().jdbc(plainUrl, "bulwark", Secret.of("")).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isPresent();
    }

    assertThat(admin("encrypt-database", "--data-dir", data.toString())).isZero();

    assertThat(text(out)).contains("encrypted the embedded database", "delete it");
    List<Path> backups;
    try (Stream<Path> list = Files.list(data)) {
      backups = list.filter(p -> p.getFileName().toString().startsWith("db-backup-")).toList();
    }
    assertThat(backups).singleElement();
    assertThat(backups.get(0).resolve("bulwark.mv.db")).exists();
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(data).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
    out.reset();
    assertThat(admin("encrypt-database", "--data-dir", data.toString())).isZero();
    assertThat(text(out)).contains("nothing to encrypt");
  }

  @Test
  void d2_keysListRotateAndDestroy(@TempDir Path dir) {
    Path data = dir.resolve("data");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(data).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isPresent();
    }
    assertThat(admin("keys", "list", "--data-dir", data.toString())).isZero();
    String oldKey = text(out).strip().split("\\s+")[1];
    // The database key, the audit signing key set and the e-mail lookup-hash key set (D1).
    assertThat(text(out)).contains("AES256_GCM", "primary", "values 3");

    assertThat(admin("keys", "rotate", "--data-dir", data.toString())).isZero();
    assertThat(admin("keys", "destroy", oldKey, "--data-dir", data.toString())).isZero();
    assertThat(text(out)).contains("destroyed key " + oldKey);
    out.reset();
    assertThat(admin("keys", "list", "--data-dir", data.toString())).isZero();
    assertThat(text(out).lines()).singleElement().asString().doesNotContain("key " + oldKey + " ");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(data).build()) {
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
  }

  @Test
  void d4_keyEventsAreAuditedAndAuditVerifyNamesAChangedRecord(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(data).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isPresent();
    }
    assertThat(admin("keys", "rotate", "--data-dir", data.toString())).isZero();
    out.reset();
    assertThat(admin("audit", "export", "--data-dir", data.toString())).isZero();
    List<String> lines = text(out).strip().lines().toList();
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("{\"seq\":1,")
        .contains("\"kind\":\"key_rotated\"", "\"prevHash\":\"" + "0".repeat(64) + "\"");
    out.reset();
    assertThat(admin("audit", "verify", "--data-dir", data.toString()))
        .as(() -> text(err))
        .isZero();
    assertThat(text(out)).contains("the audit log verifies: 1 records chained");

    try (Secret passphrase = DevPassphraseFile.readOrCreate(data);
        Secret file = LocalKeyStore.openOrCreate(data, passphrase).databaseFilePassword();
        Connection db =
            DriverManager.getConnection(
                Database.embeddedUrl(data),
                "bulwark",
                new String(Database.embeddedPassword(file)));
        Statement statement = db.createStatement()) {
      statement.executeUpdate("UPDATE bw_audit_record SET principal = 'someone-else'");
    }
    err.reset();
    assertThat(admin("audit", "verify", "--data-dir", data.toString())).isEqualTo(1);
    assertThat(text(err)).contains("does not verify: record 1 was changed after it was written");
  }

  @Test
  void d2_aWrongPassphraseIsReportedWithoutAStackTrace(@TempDir Path dir) {
    Path data = dir.resolve("data");
    BulwarkEngine.builder().embedded(data).build().close();
    int status =
        AdminCommand.run(
            List.of("keys", "list", "--data-dir", data.toString()),
            Map.of("BULWARK_KEYSTORE_PASSPHRASE", "not the passphrase")::get,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(text(err)).contains("cannot unlock the key store").doesNotContain("\tat ");
  }

  @Test
  void d3_configEncryptReadsTheValueFromStandardInputAndBindsItToTheSetting(@TempDir Path dir) {
    Path data = dir.resolve("data");
    BulwarkEngine.builder().embedded(data).build().close();
    String value = "Osprey-Quarry-93";

    int status =
        AdminCommand.run(
            List.of(
                "config", "encrypt", "bulwark.database.password", "--data-dir", data.toString()),
            name -> null,
            new ByteArrayInputStream((value + "\n").getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as(() -> text(err)).isZero();
    String encrypted = text(out).strip();
    assertThat(encrypted).startsWith("{bulwark-aead}").doesNotContain(value);
    var keys = BulwarkEngine.builder().embedded(data).embeddedAdmin();
    try (Secret decrypted = keys.decryptSetting("bulwark.database.password", encrypted)) {
      assertThat(new String(decrypted.reveal())).isEqualTo(value);
    }
    assertThatThrownBy(() -> keys.decryptSetting("bulwark.ldap.bind-password", encrypted))
        .hasMessageContaining("bulwark.ldap.bind-password")
        .hasMessageNotContaining(value);
    assertThatThrownBy(
            () ->
                AdminCommand.run(
                    List.of("config", "encrypt", "--data-dir", data.toString()),
                    name -> null,
                    new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
        .as("the value is never taken from the command line")
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("read from standard input");
    assertThatThrownBy(
            () ->
                AdminCommand.run(
                    List.of(
                        "config",
                        "encrypt",
                        "bulwark.mail.password",
                        "--data-dir",
                        data.toString()),
                    name -> null,
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("empty value");
  }

  @Test
  void d2_keysRewrapMovesTheKeyStoreToAnotherPassphrase(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(data).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isPresent();
    }
    Path newPassphrase = dir.resolve("new-passphrase");
    Files.createFile(
        newPassphrase,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(newPassphrase, "Kestrel-Meadow-35\n");
    assertThatThrownBy(() -> admin("keys", "rewrap", "--data-dir", data.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("exactly one of --to-kms-key-uri");

    assertThat(
            admin(
                "keys",
                "rewrap",
                "--to-passphrase-file",
                newPassphrase.toString(),
                "--data-dir",
                data.toString()))
        .as(() -> text(err))
        .isZero();

    assertThat(text(out)).contains("is now protected by the passphrase in " + newPassphrase);
    try (Stream<Path> files = Files.list(data.resolve("keys"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no backup unless asked")
          .noneMatch(name -> name.contains("backup"));
    }
    err.reset();
    assertThat(admin("keys", "list", "--data-dir", data.toString())).isEqualTo(1);
    assertThat(text(err)).contains("cannot unlock the key store");
    out.reset();
    assertThat(
            admin(
                "keys",
                "list",
                "--passphrase-file",
                newPassphrase.toString(),
                "--data-dir",
                data.toString()))
        .isZero();
    assertThat(text(out)).contains("primary");
  }

  private int admin(String... args) {
    return AdminCommand.run(
        List.of(args),
        name -> null,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}

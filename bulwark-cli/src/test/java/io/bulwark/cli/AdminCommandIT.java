package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(text(out)).contains("AES256_GCM", "primary", "values 2");

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

package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.config.ServerSettings;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.testing.db.PostgresTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The engine bean, the first-administrator bootstrap and their doctor checks in a real context. */
@ExtendWith(OutputCaptureExtension.class)
class EngineServerIT {

  private static final String PASSWORD_FILE = "initial-admin-password";

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ServerSettings.class)
  @Import(EngineConfiguration.class)
  static class EngineOnly {}

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    // As arguments: they must win over every other property source, as the CLI's do.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(EngineOnly.class).web(WebApplicationType.NONE).run(args);
  }

  private static LocalCheck check(ConfigurableApplicationContext context, String id) {
    return context.getBeansOfType(LocalCheck.class).values().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a2_firstStartWritesOwnerOnlyPasswordFileAndPrintsItOnce(
      @TempDir Path dataDir, CapturedOutput output) throws Exception {
    Path file = dataDir.resolve(PASSWORD_FILE);
    String password;
    try (ConfigurableApplicationContext context = start(Map.of("bulwark.data-dir", dataDir))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      password = Files.readString(file, StandardCharsets.UTF_8).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);
      assertThat(output.getOut()).contains(password).contains("First start");
      IdentityService identity = context.getBean(BulwarkEngine.class).identityService();
      assertThat(identity.authenticate("admin", Secret.of(password)).outcome())
          .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      assertThat(check(context, "A2").run().status()).isEqualTo(CheckStatus.WARN);
    }
    int printedAt = output.getAll().lastIndexOf(password);
    try (ConfigurableApplicationContext context = start(Map.of("bulwark.data-dir", dataDir))) {
      assertThat(output.getAll().substring(printedAt + password.length())).doesNotContain(password);
      assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(password);
      context
          .getBean(BulwarkEngine.class)
          .identityService()
          .changePassword("admin", Secret.of(password), Secret.of("my own good passphrase"));
    }
    try (ConfigurableApplicationContext context = start(Map.of("bulwark.data-dir", dataDir))) {
      assertThat(file).doesNotExist();
      assertThat(check(context, "A2").run().status()).isEqualTo(CheckStatus.PASS);
    }
  }

  @Test
  void a7_initialPasswordIsPrintedToTheConsoleButNeverLogged(
      @TempDir Path dataDir, @TempDir Path logDir, CapturedOutput output) throws Exception {
    Path logFile = logDir.resolve("bulwark.log");
    Map<String, Object> properties =
        Map.of(
            "bulwark.data-dir",
            dataDir,
            "logging.file.name",
            logFile,
            "logging.level.bulwark",
            "TRACE",
            "logging.level.io.bulwark",
            "TRACE");
    try (ConfigurableApplicationContext context = start(properties)) {
      assertThat(context.isActive()).isTrue();
    }
    String password =
        Files.readString(dataDir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).strip();
    assertThat(output.getOut()).containsOnlyOnce(password);
    assertThat(Files.readString(logFile, StandardCharsets.UTF_8))
        .contains("created user 'admin' with a one-time password")
        .doesNotContain(password);
  }

  @Test
  void a2_doctorFailsWhenThePasswordFileIsReadableByOthers(@TempDir Path dataDir) throws Exception {
    try (ConfigurableApplicationContext context = start(Map.of("bulwark.data-dir", dataDir))) {
      Files.setPosixFilePermissions(
          dataDir.resolve(PASSWORD_FILE), PosixFilePermissions.fromString("rw-r--r--"));
      var finding = check(context, "A2").run();
      assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(finding.fix()).contains("chmod 600");
    }
  }

  @Test
  void d3_refusesAWorldReadableDatabasePasswordFile(@TempDir Path dir) throws Exception {
    Path passwordFile = dir.resolve("db-password");
    Files.writeString(passwordFile, "whatever");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, Object> properties =
        Map.of(
            "bulwark.data-dir",
            dir,
            "bulwark.database.url",
            "jdbc:postgresql://127.0.0.1:1/none",
            "bulwark.database.username",
            "bulwark",
            "bulwark.database.password-file",
            passwordFile);
    assertThatThrownBy(() -> start(properties))
        .rootCause()
        .hasMessageContaining("refusing database password file")
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
    var finding =
        new DatabasePasswordFileCheck(
                new DatabaseSettings("jdbc:postgresql://h/db", "bulwark", passwordFile),
                ConfigurationSecrets.none())
            .run();
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  @PostgresTest
  void d3_connectsToPostgresWithAnOwnerOnlyPasswordFile(@TempDir Path dir, TestDatabase db)
      throws Exception {
    Path passwordFile = dir.resolve("db-password");
    OwnerOnlyFile.write(passwordFile, (db.password() + "\n").getBytes(StandardCharsets.UTF_8));
    Map<String, Object> properties =
        Map.of(
            "bulwark.data-dir",
            dir,
            "bulwark.database.url",
            db.jdbcUrl(),
            "bulwark.database.username",
            db.username(),
            "bulwark.database.password-file",
            passwordFile);
    try (ConfigurableApplicationContext context = start(properties)) {
      assertThat(check(context, "D3").run().status()).isEqualTo(CheckStatus.PASS);
      assertThat(context.getBean(BulwarkEngine.class).identityService().findUser("admin"))
          .isPresent();
      assertThat(dir.resolve("db")).doesNotExist();
    }
  }

  @Test
  void d3_encryptedSettingsDecryptAtStartAndDoctorFlagsPlainText(
      @TempDir Path dataDir, CapturedOutput output) {
    String value = "Heron-Lattice-27";
    String encrypted =
        BulwarkEngine.builder()
            .embedded(dataDir)
            .embeddedAdmin()
            .encryptSetting("bulwark.example.api-secret", Secret.of(value));
    try (ConfigurableApplicationContext context =
        start(Map.of("bulwark.data-dir", dataDir, "bulwark.example.api-secret", encrypted))) {
      var finding = check(context, "D3").run();
      assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
      assertThat(finding.message()).contains("encrypted settings: [bulwark.example.api-secret]");
      assertThat(context.getBean(ConfigurationSecrets.class).value("bulwark.example.api-secret"))
          .hasValueSatisfying(s -> assertThat(new String(s.reveal())).isEqualTo(value));
    }
    try (ConfigurableApplicationContext context =
        start(Map.of("bulwark.data-dir", dataDir, "bulwark.example.password", value))) {
      var finding = check(context, "D3").run();
      assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(finding.message())
          .contains("plain text", "bulwark.example.password")
          .doesNotContain(value);
    }
    assertThatThrownBy(
            () ->
                start(
                    Map.of("bulwark.data-dir", dataDir, "bulwark.other.client-secret", encrypted)))
        .as("a value moved to another setting fails the start")
        .rootCause()
        .hasMessageContaining("cannot decrypt the setting bulwark.other.client-secret")
        .hasMessageNotContaining(value);
    assertThat(output.getAll()).doesNotContain(value);
  }

  @Test
  @PostgresTest
  void d3_connectsToPostgresWithAnEncryptedDatabasePassword(@TempDir Path dir, TestDatabase db)
      throws Exception {
    Path passphraseFile = dir.resolve("keystore-passphrase");
    OwnerOnlyFile.write(passphraseFile, "Plover-Cascade-64\n".getBytes(StandardCharsets.UTF_8));
    Path dataDir = dir.resolve("data");
    String encrypted;
    try (Secret passphrase = Secret.of("Plover-Cascade-64");
        Secret password = Secret.of(db.password())) {
      encrypted =
          BulwarkEngine.builder()
              .embedded(dataDir, passphrase)
              .embeddedAdmin()
              .encryptSetting(ConfigurationSecrets.DATABASE_PASSWORD, password);
    }
    Map<String, Object> properties =
        Map.of(
            "bulwark.data-dir",
            dataDir,
            "bulwark.database.url",
            db.jdbcUrl(),
            "bulwark.database.username",
            db.username(),
            "bulwark.keystore.passphrase-file",
            passphraseFile,
            ConfigurationSecrets.DATABASE_PASSWORD,
            encrypted);
    try (ConfigurableApplicationContext context = start(properties)) {
      assertThat(check(context, "D3").run().status()).isEqualTo(CheckStatus.PASS);
      assertThat(context.getBean(BulwarkEngine.class).identityService().findUser("admin"))
          .isPresent();
    }
  }
}

package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LoginAttempt;
import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.operator.AdminChannelFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bulwark admin user …}, {@code unlock} and {@code locked} (issue 12 item 9, A2, A5, A10):
 * on the data directory of a stopped server, and through the admin channel of a running one.
 */
class OperatorCommandIT {

  private static final String ATTACKER = "198.51.100.9";
  private static final Pattern ONE_TIME = Pattern.compile("one-time password [^:]*: (\\S+)");

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int admin(String... args) {
    out.reset();
    err.reset();
    return AdminCommand.run(
        List.of(args),
        Map.<String, String>of()::get,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int adminHere(String... args) {
    String[] withDir = java.util.Arrays.copyOf(args, args.length + 2);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dataDir.toString();
    return admin(withDir);
  }

  @Test
  void a2_a10_offlineCreateResetDisableEnable() {
    BulwarkEngine.builder().embedded(dataDir).build().close();

    assertThat(adminHere("user", "create", "erin", "--first", "Erin", "--email", "e@example.org"))
        .as(text(err))
        .isZero();
    assertThat(text(out)).contains("created user erin");
    String first = oneTimePassword();
    assertThat(adminHere("user", "reset-password", "erin")).as(text(err)).isZero();
    String second = oneTimePassword();
    assertThat(adminHere("user", "disable", "erin")).isZero();
    assertThat(text(out)).contains("disabled erin");

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      User erin = identity.findUser("erin").orElseThrow();
      assertThat(erin.email()).isEqualTo("e@example.org");
      assertThat(erin.disabled()).isTrue();
      assertThat(identity.authenticate("erin", Secret.of(first)).outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(identity.authenticate("erin", Secret.of(second)).outcome())
          .isEqualTo(AuthenticationOutcome.DISABLED);
    }
    assertThat(adminHere("user", "enable", "erin")).isZero();
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.identityService().authenticate("erin", Secret.of(second)).outcome())
          .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
    }
  }

  @Test
  void a5_offlineUnlockLiftsTheLocksOfAnAccountAndLockedListsThem() throws Exception {
    lockErin();

    assertThat(adminHere("locked")).isZero();
    assertThat(text(out)).contains("erin  from " + ATTACKER + "  failures 10  until ");
    assertThat(adminHere("unlock", "erin")).isZero();
    assertThat(text(out)).contains("unlocked erin (1 locks lifted)");
    assertThat(adminHere("locked")).isZero();
    assertThat(text(out)).contains("no locked accounts");

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(
              engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER)).isAdmitted())
          .isTrue();
    }
  }

  @Test
  void refusalsNameTheRuleAndExitWithOne() {
    BulwarkEngine.builder().embedded(dataDir).build().close();

    assertThat(adminHere("unlock", "nobody")).isEqualTo(1);
    assertThat(text(err)).contains("user nobody not found");
    assertThat(adminHere("user", "create", "bad/id")).isEqualTo(1);
    assertThat(text(err)).contains("userId");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThatThrownBy(() -> admin("unlock")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> admin("user", "disable", "erin", "--email", "e@example.org"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> admin("user", "rename", "erin")).isInstanceOf(UsageException.class);
    assertThat(BulwarkCli.run("admin", "unlock")).isEqualTo(2);
  }

  @Test
  void a5_a10_throughTheRunningServersAdminChannel() throws Exception {
    lockErin();
    try (ConfigurableApplicationContext server = startServer()) {
      BulwarkEngine engine = server.getBean(BulwarkEngine.class);
      assertThat(AdminChannelFile.path(dataDir)).exists();

      assertThat(adminHere("unlock", "erin")).as(text(err)).isZero();
      assertThat(text(err)).contains("done through the running server at https://127.0.0.1:");
      assertThat(text(out)).contains("unlocked erin (1 locks lifted)");

      assertThat(adminHere("user", "create", "finn", "--last", "Fen")).as(text(err)).isZero();
      String password = oneTimePassword();
      assertThat(engine.identityService().authenticate("finn", Secret.of(password)).outcome())
          .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      long revision = engine.identityService().findUser("erin").orElseThrow().revision();
      assertThat(adminHere("user", "reset-password", "erin")).isZero();
      assertThat(engine.identityService().confirmAuthenticated("erin", revision)).isEmpty();
      assertThat(adminHere("user", "disable", "erin")).isZero();
      assertThat(engine.identityService().findUser("erin").orElseThrow().disabled()).isTrue();
      assertThat(adminHere("locked")).isZero();
      assertThat(text(out)).contains("no locked accounts");
      assertThat(adminHere("unlock", "nobody")).isEqualTo(1);
      assertThat(text(err)).contains("user nobody not found");
    }
    assertThat(AdminChannelFile.path(dataDir)).doesNotExist();
  }

  @Test
  void aLeftOverChannelFileOfAStoppedServerFallsBackToTheDataDirectory() throws Exception {
    lockErin();
    String leftOver;
    try (ConfigurableApplicationContext server = startServer()) {
      assertThat(server.isRunning()).isTrue();
      leftOver = Files.readString(AdminChannelFile.path(dataDir));
    }
    Files.writeString(AdminChannelFile.path(dataDir), leftOver);

    assertThat(adminHere("unlock", "erin")).as(text(err)).isZero();
    assertThat(text(err)).contains("no server answers at");
    assertThat(text(out)).contains("unlocked erin (1 locks lifted)");
  }

  @Test
  void d2_keyCommandsAgainstARunningServerSayWhatToDoAndLeaveTheKeyStore() throws Exception {
    try (ConfigurableApplicationContext server = startServer()) {
      assertThat(server.isRunning()).isTrue();
      Path keyStore = dataDir.resolve("keys").resolve("keystore.properties");
      byte[] before = Files.readAllBytes(keyStore);

      assertThat(adminHere("keys", "rotate")).isEqualTo(1);
      assertThat(text(err))
          .contains("a server is running on the data directory")
          .contains("curl -u ADMIN -X POST https://127.0.0.1:")
          .contains("/engine-rest/key/rotate");
      assertThat(adminHere("keys", "destroy", "1")).isEqualTo(1);
      assertThat(text(err)).contains("stop it first");
      assertThat(Files.readAllBytes(keyStore)).isEqualTo(before);
    }
  }

  /** The server on this data directory, on a free port. */
  private ConfigurableApplicationContext startServer() {
    return SpringApplication.run(
        BulwarkServerApplication.class,
        "--bulwark.data-dir=" + dataDir,
        "--server.port=0",
        "--logging.level.root=WARN");
  }

  /**
   * Erin locked for {@link #ATTACKER} by the default 10 failures, made in moments: delays of 1 ms.
   */
  private void lockErin() throws InterruptedException {
    LoginThrottleSettings quick =
        new LoginThrottleSettings(
            LoginThrottleSettings.Mode.ENFORCED,
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            10,
            Duration.ofMinutes(15),
            100,
            Duration.ofDays(30),
            30,
            Duration.ofSeconds(10));
    try (BulwarkEngine engine =
        BulwarkEngine.builder().embedded(dataDir).loginThrottle(quick).build()) {
      engine
          .identityService()
          .createUser(
              engine.trustedApplication("setup"),
              new NewUser(
                  "erin", "Erin", Secret.of("a long secret phrase"), PasswordChange.NOT_REQUIRED));
      for (int i = 0; i < 10; i++) {
        Thread.sleep(5);
        engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER));
      }
      assertThat(
              engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER)).isAdmitted())
          .isFalse();
    }
  }

  private String oneTimePassword() {
    Matcher matcher = ONE_TIME.matcher(text(out));
    assertThat(matcher.find()).as(text(out)).isTrue();
    return matcher.group(1);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}

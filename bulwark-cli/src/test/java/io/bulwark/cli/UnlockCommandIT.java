package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.LoginAttempt;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark admin unlock USER} with the server stopped (A5). */
class UnlockCommandIT {

  private static final String ATTACKER = "198.51.100.9";

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int admin(String... args) {
    return UnlockCommand.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void a5_unlockLiftsTheLocksOfAnAccount() {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      engine
          .identityService()
          .createUser(
              engine.trustedApplication("setup"),
              new NewUser(
                  "erin", "Erin", Secret.of("a long secret phrase"), PasswordChange.NOT_REQUIRED));
      for (int i = 0; i < 5; i++) {
        engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER));
      }
      assertThat(
              engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER)).isAdmitted())
          .isFalse();
    }

    assertThat(admin("unlock", "erin", "--data-dir", dataDir.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("unlocked erin (1 locks lifted)");

    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(
              engine.loginThrottleService().admit(new LoginAttempt("erin", ATTACKER)).isAdmitted())
          .isTrue();
    }
  }

  @Test
  void a5_unlockOfAnUnknownUserFails() {
    BulwarkEngine.builder().embedded(dataDir).build().close();

    assertThat(admin("unlock", "nobody", "--data-dir", dataDir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no user nobody");
  }

  @Test
  void unlockWithoutAUserIsAUsageError() {
    assertThatThrownBy(() -> admin("unlock")).isInstanceOf(UsageException.class);
    assertThat(BulwarkCli.run("admin", "unlock")).isEqualTo(2);
  }
}

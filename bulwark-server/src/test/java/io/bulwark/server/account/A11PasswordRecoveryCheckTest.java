package io.bulwark.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.engine.PasswordRecoveryProperties;
import io.bulwark.server.mail.MailSettings;
import io.bulwark.server.mail.MailTransport;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Doctor check A11 fails on a weakened recovery, warns when it is off, passes otherwise. */
class A11PasswordRecoveryCheckTest {

  private static final URI BASE = URI.create("https://bulwark.example.org/");

  private static MailSettings mail(String host) {
    return new MailSettings(
        host,
        null,
        MailTransport.STARTTLS,
        host == null ? null : "bulwark@example.org",
        null,
        null,
        null,
        Duration.ofSeconds(10),
        false);
  }

  private static PasswordRecoveryProperties recovery(URI base, Duration lifetime, int perAccount) {
    return new PasswordRecoveryProperties(base, lifetime, perAccount, 10, Duration.ofHours(1));
  }

  @Test
  void a11_passesWithMailAndBaselineLimits() {
    var finding =
        new A11PasswordRecoveryCheck(
                mail("smtp.example.org"), recovery(BASE, Duration.ofMinutes(30), 3))
            .run();
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void a11_warnsWhenRecoveryIsOff() {
    assertThat(
            new A11PasswordRecoveryCheck(mail(null), recovery(BASE, Duration.ofMinutes(30), 3))
                .run()
                .status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(
            new A11PasswordRecoveryCheck(
                    mail("smtp.example.org"), recovery(null, Duration.ofMinutes(30), 3))
                .run()
                .status())
        .isEqualTo(CheckStatus.WARN);
  }

  @Test
  void a11_failsALongLivedLinkOrLooseLimits() {
    assertThat(
            new A11PasswordRecoveryCheck(
                    mail("smtp.example.org"), recovery(BASE, Duration.ofHours(2), 3))
                .run()
                .status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(
            new A11PasswordRecoveryCheck(
                    mail("smtp.example.org"), recovery(BASE, Duration.ofMinutes(30), 50))
                .run()
                .status())
        .isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void a11_linkBaseMustBeHttpsWithoutQuery() {
    assertThatThrownBy(
            () -> recovery(URI.create("http://bulwark.example.org"), Duration.ofMinutes(30), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link-base-url");
    assertThatThrownBy(
            () -> recovery(URI.create("https://evil.example/?x=1"), Duration.ofMinutes(30), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(recovery(BASE, Duration.ofMinutes(30), 3).linkBaseUrl())
        .isEqualTo(URI.create("https://bulwark.example.org"));
  }
}

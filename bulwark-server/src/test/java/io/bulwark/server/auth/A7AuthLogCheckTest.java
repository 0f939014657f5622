package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.DoctorMode;
import io.bulwark.server.doctor.Finding;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * Doctor check A7 against a logger whose level the test sets (not {@code bulwark.auth} itself,
 * whose level other tests in this JVM rely on), and against the configured level under {@code
 * bulwark doctor}.
 */
class A7AuthLogCheckTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("test.a7.bulwark.auth");
  private final A7AuthLogCheck check = new A7AuthLogCheck(logger, Optional.empty());

  @Test
  void a7_servingPassesAtInfoAndFailsWhenSignInsOrAllEventsAreDropped() {
    logger.setLevel(Level.INFO);
    assertThat(check.run().status()).isEqualTo(CheckStatus.PASS);

    logger.setLevel(Level.WARN);
    Finding failuresOnly = check.run();
    assertThat(failuresOnly.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(failuresOnly.message()).contains("failures only");

    logger.setLevel(Level.OFF);
    Finding off = check.run();
    assertThat(off.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(off.message()).contains("switched off");
    assertThat(off.fix()).contains("logging.level.bulwark.auth");
  }

  @Test
  void a7_underDoctorTheConfiguredLevelCountsNotTheDoctorsOwnQuietLogging() {
    MockEnvironment doctor =
        new MockEnvironment()
            .withProperty(DoctorMode.PROPERTY, DoctorMode.DOCTOR)
            .withProperty("logging.level.root", "WARN");
    assertThat(new A7AuthLogCheck(doctor).run().status()).isEqualTo(CheckStatus.PASS);

    doctor.setProperty("logging.level.bulwark.auth", "warn");
    assertThat(new A7AuthLogCheck(doctor).run().message()).contains("failures only");
    doctor.setProperty("logging.level.bulwark.auth", "OFF");
    assertThat(new A7AuthLogCheck(doctor).run().status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void a7_theLiveEventLoggerIsOnByDefault() {
    assertThat(new A7AuthLogCheck(new MockEnvironment()).run().status())
        .isEqualTo(CheckStatus.PASS);
  }
}

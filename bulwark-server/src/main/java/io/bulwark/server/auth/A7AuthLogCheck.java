package io.bulwark.server.auth;

import io.bulwark.server.doctor.DoctorMode;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Doctor check A7: the authentication event log is on. In a serving context it reads the live level
 * of the {@value AuthEventLog#LOGGER_NAME} logger; under {@code bulwark doctor}, whose own process
 * quiets its logging, it reads the configured {@code logging.level.bulwark.auth} (or {@code
 * logging.level.bulwark}) instead. FAIL when successful sign-ins (INFO) would not be written, or no
 * event at all; the events themselves are tested where they are made.
 */
@Component
public final class A7AuthLogCheck implements LocalCheck {

  private static final String SETTING = "logging.level." + AuthEventLog.LOGGER_NAME;

  private final Logger events;

  /** The configured level under {@code bulwark doctor}; empty in a serving context. */
  private final Optional<String> configured;

  @Autowired
  public A7AuthLogCheck(Environment environment) {
    this(
        LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME),
        DoctorMode.isDoctor(environment)
            ? Optional.of(
                environment.getProperty(
                    SETTING, environment.getProperty("logging.level.bulwark", "INFO")))
            : Optional.empty());
  }

  A7AuthLogCheck(Logger events, Optional<String> configured) {
    this.events = events;
    this.configured = configured;
  }

  @Override
  public String id() {
    return "A7";
  }

  @Override
  public Finding run() {
    boolean warn;
    boolean info;
    if (configured.isPresent()) {
      String level = configured.get().strip().toUpperCase(Locale.ROOT);
      warn = !level.equals("OFF") && !level.equals("ERROR") && !level.equals("FATAL");
      info = warn && !level.equals("WARN");
    } else {
      warn = events.isWarnEnabled();
      info = events.isInfoEnabled();
    }
    if (!warn) {
      return Finding.fail(
          id(),
          "the authentication event log " + AuthEventLog.LOGGER_NAME + " is switched off",
          "remove the " + SETTING + " setting (default INFO)");
    }
    if (!info) {
      return Finding.fail(
          id(),
          "the authentication event log "
              + AuthEventLog.LOGGER_NAME
              + " writes failures only: sign-ins, sign-outs, token issues and user changes are lost",
          "remove the " + SETTING + " setting (default INFO)");
    }
    return Finding.pass(
        id(),
        "authentication events (sign-in, failure, lockout, unlock, tokens, sessions, user changes,"
            + " denials) go to the "
            + AuthEventLog.LOGGER_NAME
            + " logger as JSON");
  }
}

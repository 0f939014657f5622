package io.bulwark.server.auth;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Doctor check A7: the authentication event log is on. Reads the live level of the {@value
 * AuthEventLog#LOGGER_NAME} logger: FAIL when successful sign-ins (INFO) would not be written, WARN
 * when only failures would be (a WARN level); the events themselves are tested where they are made.
 */
@Component
public final class A7AuthLogCheck implements LocalCheck {

  private final Logger events;

  public A7AuthLogCheck() {
    this(LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME));
  }

  A7AuthLogCheck(Logger events) {
    this.events = events;
  }

  @Override
  public String id() {
    return "A7";
  }

  @Override
  public Finding run() {
    if (!events.isWarnEnabled()) {
      return Finding.fail(
          id(),
          "the authentication event log " + AuthEventLog.LOGGER_NAME + " is switched off",
          "remove the logging.level." + AuthEventLog.LOGGER_NAME + " setting (default INFO)");
    }
    if (!events.isInfoEnabled()) {
      return Finding.fail(
          id(),
          "the authentication event log "
              + AuthEventLog.LOGGER_NAME
              + " writes failures only: sign-ins, sign-outs, token issues and user changes are lost",
          "remove the logging.level." + AuthEventLog.LOGGER_NAME + " setting (default INFO)");
    }
    return Finding.pass(
        id(),
        "authentication events (sign-in, failure, lockout, unlock, tokens, sessions, user changes,"
            + " denials) go to the "
            + AuthEventLog.LOGGER_NAME
            + " logger as JSON");
  }
}

package io.bulwark.server.auth;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Doctor check A10: reports the session idle and absolute timeouts. Values outside the hard bounds
 * of {@link SessionSettings} never get this far (the server refuses to start); values longer than
 * the defaults (30 minutes idle, 8 hours absolute) are a WARN, since a longer-lived session is a
 * larger window for a stolen session cookie; beyond {@link #FAIL_IDLE} idle or {@link
 * #FAIL_ABSOLUTE} in all it is a FAIL, which refuses a production start.
 */
@Component
public final class A10SessionLifetimeCheck implements LocalCheck {

  /** The baseline's idle timeout (A10); longer is a relaxation. */
  static final Duration SAFE_IDLE = Duration.ofMinutes(30);

  /** The default absolute timeout; longer is a relaxation. */
  static final Duration SAFE_ABSOLUTE = Duration.ofHours(8);

  /** An idle timeout beyond this is a FAIL: a session left open for hours. */
  static final Duration FAIL_IDLE = Duration.ofHours(2);

  /** An absolute timeout beyond this is a FAIL: a session that outlives a working day. */
  static final Duration FAIL_ABSOLUTE = Duration.ofHours(24);

  private final SessionSettings settings;

  public A10SessionLifetimeCheck(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "A10";
  }

  @Override
  public Finding run() {
    String values =
        "session idle timeout "
            + settings.idleTimeout()
            + ", absolute timeout "
            + settings.absoluteTimeout();
    boolean idleTooLong = settings.idleTimeout().compareTo(SAFE_IDLE) > 0;
    boolean absoluteTooLong = settings.absoluteTimeout().compareTo(SAFE_ABSOLUTE) > 0;
    if (!idleTooLong && !absoluteTooLong) {
      return Finding.pass(id(), values);
    }
    boolean failed =
        settings.idleTimeout().compareTo(FAIL_IDLE) > 0
            || settings.absoluteTimeout().compareTo(FAIL_ABSOLUTE) > 0;
    return new Finding(
        id(),
        failed ? CheckStatus.FAIL : CheckStatus.WARN,
        values
            + (failed
                ? " (longer than " + FAIL_IDLE + " idle or " + FAIL_ABSOLUTE + " absolute)"
                : " (longer than " + SAFE_IDLE + " idle / " + SAFE_ABSOLUTE + " absolute)"),
        "set bulwark.session.idle-timeout to at most "
            + SAFE_IDLE
            + " and bulwark.session.absolute-timeout to at most "
            + SAFE_ABSOLUTE);
  }
}

package io.bulwark.server.auth;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Doctor check E8: the bounds on work an anonymous client can cause, as configured and against this
 * JVM's heap. FAIL when the concurrent password checks (64 MiB each) could take more than half the
 * maximum heap; WARN when a request may wait more than 5 seconds for a check or the server may hold
 * more than 100,000 sessions.
 */
@Component
public final class E8ResourceBoundsCheck implements LocalCheck {

  /** The memory one Argon2id check holds while it runs (A3: 64 MiB). */
  static final long CHECK_BYTES = 64L << 20;

  private final PasswordCheckSettings passwords;
  private final SessionLimitSettings sessions;
  private final long maxHeapBytes;

  @Autowired
  public E8ResourceBoundsCheck(PasswordCheckSettings passwords, SessionLimitSettings sessions) {
    this(passwords, sessions, Runtime.getRuntime().maxMemory());
  }

  E8ResourceBoundsCheck(
      PasswordCheckSettings passwords, SessionLimitSettings sessions, long maxHeapBytes) {
    this.passwords = passwords;
    this.sessions = sessions;
    this.maxHeapBytes = maxHeapBytes;
  }

  @Override
  public String id() {
    return "E8";
  }

  @Override
  public Finding run() {
    long checksMiB = (passwords.maxConcurrent() * CHECK_BYTES) >> 20;
    long heapMiB = maxHeapBytes >> 20;
    String values =
        "password checks: "
            + passwords.maxConcurrent()
            + " at once ("
            + checksMiB
            + " MiB of a "
            + heapMiB
            + " MiB heap), wait "
            + passwords.maxWait()
            + "; sessions: "
            + sessions.maxPerUser()
            + " per user, "
            + sessions.maxTotal()
            + " in all";
    if (passwords.maxConcurrent() * CHECK_BYTES > maxHeapBytes / 2) {
      return Finding.fail(
          id(),
          values + ": password checks alone could take more than half the heap",
          "lower bulwark.password-checks.max-concurrent or give the JVM more heap (-Xmx)");
    }
    if (passwords.maxWait().toSeconds() > 5 || sessions.maxTotal() > 100_000) {
      return Finding.warn(
          id(),
          values,
          "keep bulwark.password-checks.max-wait at most PT5S and bulwark.session.max-total at"
              + " most 100000");
    }
    return Finding.pass(id(), values);
  }
}

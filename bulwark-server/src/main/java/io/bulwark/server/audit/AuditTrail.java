package io.bulwark.server.audit;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.BulwarkEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Appends the server's events to the engine's tamper-evident audit log (D4): authentication events
 * and administrative operations through {@code AuthEventLog} (A7, E6), the production start
 * override through the start-up doctor (O2). An append that fails is logged at ERROR and not
 * thrown: the operation it records has happened, and its event is in the log already. Thread-safe.
 */
@Component
public final class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final String NODE = nodeName();

  private final ObjectProvider<BulwarkEngine> engine;

  public AuditTrail(ObjectProvider<BulwarkEngine> engine) {
    this.engine = engine;
  }

  /** The name of this node, as every event, audit record and the session registry give it. */
  public static String node() {
    return NODE;
  }

  /**
   * Appends one record; does nothing where no engine runs.
   *
   * @param principal who acted, or {@code null} when unknown
   * @param kind what happened, e.g. {@code login_failure}
   * @param subject what it was done to, or {@code null}
   * @param details the event's further fields, in order; never a password, token or session ID
   */
  public void append(
      @Nullable String principal,
      String kind,
      @Nullable String subject,
      Map<String, String> details) {
    BulwarkEngine running = engine.getIfAvailable();
    if (running == null) {
      return;
    }
    try {
      running.auditService().append(new AuditEvent(NODE, principal, kind, subject, details));
    } catch (RuntimeException e) {
      LOG.error("audit log: cannot append the {} event (D4)", kind, e);
    }
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}

package io.bulwark.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened, to be appended to the audit log (D4): an authentication event (A7), an
 * administrative operation (E6), a key event or a {@code doctor} override. The engine adds the
 * sequence number, the time and the hashes. Values are cut to the audit log's bounds (node and
 * principal 128 characters, subject 256, each detail value 256, at most 16 details); passwords,
 * tokens and session IDs never go in.
 *
 * @param node the node that saw the event, e.g. its host name
 * @param principal who did it, or {@code null} when unknown (a login with an unknown user name)
 * @param kind what happened: lower-case letters, digits and {@code _}, e.g. {@code login_failure}
 * @param subject what it was done to (a user ID, a group ID), or {@code null}
 * @param details further fields in order (outcome, client address, reason), names as for kind
 */
public record AuditEvent(
    String node,
    @Nullable String principal,
    String kind,
    @Nullable String subject,
    Map<String, String> details) {

  public AuditEvent {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}

package io.bulwark.server.tls;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check T2: the configured protocols are TLS 1.3 and/or 1.2 only, and this JVM refuses
 * client-initiated renegotiation ({@link TlsJvmSettings}); WARN while that refusal reaches the
 * client as silence instead of an alert (Tomcat's NIO connector).
 */
public final class T2ProtocolsCheck implements LocalCheck {

  private final TlsSettings settings;

  public T2ProtocolsCheck(TlsSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "T2";
  }

  @Override
  public Finding run() {
    List<String> problems =
        settings.problems().stream().filter(p -> p.startsWith("bulwark.tls.protocols")).toList();
    if (!problems.isEmpty()) {
      return Finding.fail(
          id(),
          String.join("; ", problems),
          "remove bulwark.tls.protocols or set it to TLSv1.3,TLSv1.2");
    }
    if (!TlsJvmSettings.renegotiationRefused()) {
      return Finding.fail(
          id(),
          "client-initiated renegotiation is allowed ("
              + TlsJvmSettings.REJECT_RENEGOTIATION
              + " is not true)",
          "start the server through 'bulwark serve', which sets it, or pass -D"
              + TlsJvmSettings.REJECT_RENEGOTIATION
              + "=true");
    }
    // The same fact the remote probe sees (TlsDetailChecks): the JDK refuses, Tomcat stays silent.
    return Finding.warn(
        id(),
        "TLS protocols "
            + String.join(", ", settings.protocols())
            + "; client-initiated renegotiation is refused but gets no alert: Tomcat's NIO"
            + " connector leaves the connection silent until the keep-alive or read timeout",
        "none in Bulwark yet (issue 17); a TLS-terminating proxy in front answers it with an"
            + " alert");
  }
}

package io.bulwark.server.tls;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check T2: the configured protocols are TLS 1.3 and/or 1.2 only, and this JVM refuses
 * client-initiated renegotiation ({@link TlsJvmSettings}). The refusal reaches the client as a
 * fatal alert through {@link RenegotiationRefusingEngine}, which the server's connector always
 * uses.
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
    return Finding.pass(
        id(),
        "TLS protocols "
            + String.join(", ", settings.protocols())
            + "; client-initiated renegotiation is refused with a fatal alert");
  }
}

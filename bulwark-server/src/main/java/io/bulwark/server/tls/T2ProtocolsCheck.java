package io.bulwark.server.tls;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/** Doctor check T2: the configured protocols are TLS 1.3 and/or 1.2 only. */
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
    return Finding.pass(id(), "TLS protocols " + String.join(", ", settings.protocols()));
  }
}

package io.bulwark.server.tls;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/** Doctor check T3: the configured suites are TLS 1.3 suites and ECDHE with AEAD only. */
public final class T3CipherSuitesCheck implements LocalCheck {

  private final TlsSettings settings;

  public T3CipherSuitesCheck(TlsSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "T3";
  }

  @Override
  public Finding run() {
    List<String> problems =
        settings.problems().stream()
            .filter(p -> p.startsWith("bulwark.tls.cipher-suites"))
            .toList();
    if (!problems.isEmpty()) {
      return Finding.fail(
          id(),
          String.join("; ", problems),
          "remove bulwark.tls.cipher-suites or choose from " + String.join(",", TlsPolicy.SUITES));
    }
    long tls12 = settings.cipherSuites().stream().filter(TlsPolicy.TLS12_SUITES::contains).count();
    return Finding.pass(
        id(),
        settings.cipherSuites().size()
            + " cipher suites, "
            + tls12
            + " of them for TLS 1.2, all ECDHE with AEAD");
  }
}

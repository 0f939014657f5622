package io.bulwark.server.tls;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check T3: the configured suites are TLS 1.3 suites and ECDHE with AEAD only, and this JVM
 * offers only the key exchange groups of {@link TlsPolicy#GROUPS} ({@link TlsJvmSettings}).
 */
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
    List<String> groups = TlsJvmSettings.configuredGroups();
    if (groups.isEmpty() || !TlsPolicy.GROUPS.containsAll(groups)) {
      return Finding.fail(
          id(),
          "key exchange groups "
              + (groups.isEmpty() ? "are the JDK's defaults (with ffdhe)" : groups.toString())
              + "; only "
              + TlsPolicy.GROUPS
              + " are allowed",
          "start the server through 'bulwark serve', which sets " + TlsJvmSettings.NAMED_GROUPS);
    }
    long tls12 = settings.cipherSuites().stream().filter(TlsPolicy.TLS12_SUITES::contains).count();
    return Finding.pass(
        id(),
        settings.cipherSuites().size()
            + " cipher suites, "
            + tls12
            + " of them for TLS 1.2, all ECDHE with AEAD; groups "
            + String.join(", ", groups));
  }
}

package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Transport checks seen from outside: plain HTTP (T1), protocols (T2), TLS 1.2 suites (T3). */
final class TransportChecks {

  /** The only TLS 1.2 suites T3 allows: ECDHE key exchange with an AEAD cipher. */
  private static final Pattern STRONG_TLS12 =
      Pattern.compile("TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_128_GCM|AES_256_GCM|CHACHA20_POLY1305)_.*");

  private TransportChecks() {}

  /** T1: plain HTTP to the TLS port must not get content; a bare redirect to HTTPS is allowed. */
  static Finding t1(ProbeConnector connector) {
    HttpAnswer answer = connector.plain("plain GET /", connector.get("/", "text/html"));
    String fix = "serve HTTPS only on this port; a plain listener may only redirect to https://";
    boolean html = answer.body().toLowerCase(Locale.ROOT).contains("<html");
    int s = answer.status();
    if (s >= 200 && s < 300) {
      return Finding.fail("T1", "plain HTTP to the HTTPS port is answered " + s, fix);
    }
    if (s >= 300 && s < 400) {
      boolean toHttps = answer.header("Location").startsWith("https://");
      if (!toHttps || !answer.body().isBlank()) {
        return Finding.fail("T1", "plain HTTP gets a redirect with content or not to https", fix);
      }
      return Finding.pass("T1", "plain HTTP is only redirected to HTTPS");
    }
    if (html) {
      return Finding.fail("T1", "plain HTTP gets an HTML page (status " + s + ")", fix);
    }
    return Finding.pass(
        "T1",
        "plain HTTP gets no content ("
            + (s < 0 ? "connection closed or TLS alert" : "status " + s)
            + ")");
  }

  /** T2: TLS 1.0 and 1.1 refused, TLS 1.2 and 1.3 accepted. */
  static Finding t2(ProbeConnector connector) {
    List<String> problems = new ArrayList<>();
    List<String> untested = new ArrayList<>();
    String[] all = connector.supportedSuites().toArray(String[]::new);
    for (String old : List.of("TLSv1", "TLSv1.1")) {
      Handshake h = connector.handshake(new String[] {old}, all);
      if (h.accepted()) {
        problems.add(old + " accepted");
      } else if (h.outcome() == Handshake.Outcome.NOT_OFFERED) {
        untested.add(old);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String modern : List.of("TLSv1.2", "TLSv1.3")) {
      if (!connector.handshake(new String[] {modern}, null).accepted()) {
        missing.add(modern);
      }
    }
    if (!problems.isEmpty()) {
      return Finding.fail(
          "T2",
          String.join(", ", problems),
          "enable only TLSv1.3 and TLSv1.2 (bulwark.tls settings or the proxy in front)");
    }
    if (missing.size() == 2) {
      return Finding.fail("T2", "neither TLSv1.2 nor TLSv1.3 is accepted", "enable TLSv1.3, 1.2");
    }
    if (!missing.isEmpty() || !untested.isEmpty()) {
      return Finding.warn(
          "T2",
          (missing.isEmpty() ? "" : "not accepted: " + missing + "; ")
              + (untested.isEmpty() ? "" : "this JVM could not offer " + untested),
          "enable both TLSv1.3 and TLSv1.2; run the probe with 'bulwark doctor --remote'");
    }
    return Finding.pass("T2", "TLSv1 and TLSv1.1 refused; TLSv1.2 and TLSv1.3 accepted");
  }

  /** T3: every weak TLS 1.2 suite this JVM can offer is tried alone and must be refused. */
  static Finding t3(ProbeConnector connector) {
    List<String> accepted = new ArrayList<>();
    int tried = 0;
    for (String suite : connector.supportedSuites()) {
      if (!isWeakTls12Candidate(suite)) {
        continue;
      }
      Handshake h = connector.handshake(new String[] {"TLSv1.2"}, new String[] {suite});
      if (h.outcome() != Handshake.Outcome.NOT_OFFERED) {
        tried++;
      }
      if (h.accepted()) {
        accepted.add(suite);
      }
    }
    if (!accepted.isEmpty()) {
      return Finding.fail(
          "T3",
          "weak TLS 1.2 suites accepted: " + String.join(", ", accepted),
          "allow only ECDHE suites with AES-GCM or ChaCha20-Poly1305 for TLS 1.2");
    }
    if (tried == 0) {
      return Finding.warn(
          "T3",
          "no weak suite could be offered from this JVM; T3 not tested",
          "run the probe with 'bulwark doctor --remote' in its own JVM");
    }
    return Finding.pass("T3", tried + " weak TLS 1.2 suites tried, all refused");
  }

  /** Weak: any TLS 1.2 suite except ECDHE with AEAD (CBC, static RSA, DHE, 3DES, NULL, anon). */
  static boolean isWeakTls12Candidate(String suite) {
    if (suite.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")
        || suite.startsWith("TLS_AES_")
        || suite.startsWith("TLS_CHACHA20_")) {
      return false;
    }
    return !STRONG_TLS12.matcher(suite).matches();
  }
}

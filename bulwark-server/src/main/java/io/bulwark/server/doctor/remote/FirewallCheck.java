package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * W6 from outside: a few requests that a request firewall refuses before any authentication (double
 * encoding, an encoded slash, a path parameter, a method outside the allowlist). A server without
 * one passes them on to authentication or routing and answers 401, 404 or worse.
 */
final class FirewallCheck {

  /** Method and target of each hostile request, on the integration API. */
  private static final List<String[]> VECTORS =
      List.of(
          new String[] {"GET", "/engine-rest/%252e%252e/internal/x"},
          new String[] {"GET", "/engine-rest/a%2Fb"},
          new String[] {"GET", "/engine-rest/x;jsessionid=doctor"},
          new String[] {"PROPFIND", "/engine-rest/x"});

  private FirewallCheck() {}

  static Finding w6(ProbeConnector c) {
    List<String> passed = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    for (String[] vector : VECTORS) {
      String label = vector[0] + " " + vector[1];
      HttpAnswer answer = c.tls(label, request(c, vector[0], vector[1]));
      if (answer.status() < 0) {
        unanswered.add(label);
      } else if (!refused(answer.status())) {
        passed.add(answer.label());
      }
    }
    String fix =
        "filter requests before authentication and routing: refuse double encoding, encoded"
            + " slashes, path parameters and methods outside the allowlist with 400 or 405 (W6)";
    if (!passed.isEmpty()) {
      return Finding.fail("W6", "not refused: " + String.join("; ", passed), fix);
    }
    if (!unanswered.isEmpty()) {
      return Finding.warn("W6", "no answer to: " + String.join("; ", unanswered), fix);
    }
    return Finding.pass(
        "W6", VECTORS.size() + " hostile requests refused with 400 or 405 before authentication");
  }

  private static boolean refused(int status) {
    return status == 400 || status == 405;
  }

  private static String request(ProbeConnector c, String method, String target) {
    return method
        + " "
        + target
        + " HTTP/1.1\r\nHost: "
        + c.target().authority()
        + "\r\nUser-Agent: bulwark-doctor\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
  }
}

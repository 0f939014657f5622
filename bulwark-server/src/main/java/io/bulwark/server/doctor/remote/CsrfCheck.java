package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * W2 from outside: after loading the login page (and taking the cookies it sets, as a browser
 * would), posts the login form without its CSRF token. A web app that checks CSRF tokens refuses
 * with 403 before looking at the credentials; one that processes the form does not. The posted
 * credentials are random and never valid.
 */
final class CsrfCheck {

  static final String LOGIN = "/app/login";

  private CsrfCheck() {}

  static Finding w2(ProbeConnector c, HttpAnswer loginPage) {
    if (loginPage.status() != 200) {
      return Finding.warn(
          "W2",
          loginPage.label() + ": the login form could not be loaded, CSRF protection not tested",
          "run the probe from a client that bulwark.service-groups.web.allow admits");
    }
    HttpAnswer post = c.tls("POST " + LOGIN + " without CSRF token", formPost(c, loginPage));
    if (post.status() == 403) {
      return Finding.pass("W2", post.label() + ": the form is refused without its CSRF token");
    }
    String seen =
        post.label() + (post.has("Location") ? " (Location: " + post.header("Location") + ")" : "");
    String fix =
        "require a CSRF token on every state-changing request of the web apps (Spring Security"
            + " CSRF protection, W2)";
    if (post.status() < 0) {
      return Finding.warn("W2", seen + ": no answer, CSRF protection not confirmed", fix);
    }
    return Finding.fail("W2", seen + ": the login form was processed without a CSRF token", fix);
  }

  private static String formPost(ProbeConnector c, HttpAnswer loginPage) {
    String body = "username=doctor-probe-csrf&password=not-a-password-" + System.nanoTime();
    StringBuilder request =
        new StringBuilder("POST ")
            .append(LOGIN)
            .append(" HTTP/1.1\r\nHost: ")
            .append(c.target().authority())
            .append("\r\nUser-Agent: bulwark-doctor\r\nAccept: text/html\r\n")
            .append("Content-Type: application/x-www-form-urlencoded\r\n");
    List<String> cookies = cookies(loginPage);
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(String.join("; ", cookies)).append("\r\n");
    }
    return request
        .append("Content-Length: ")
        .append(body.getBytes(StandardCharsets.ISO_8859_1).length)
        .append("\r\nConnection: close\r\n\r\n")
        .append(body)
        .toString();
  }

  /** The name=value pairs of the cookies an answer sets, without their attributes. */
  static List<String> cookies(HttpAnswer answer) {
    List<String> pairs = new ArrayList<>();
    for (String cookie : answer.headers("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0].trim();
      if (pair.indexOf('=') > 0 && pair.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f)) {
        pairs.add(pair);
      }
    }
    return pairs;
  }
}

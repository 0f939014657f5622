package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an anonymous client can reach and learn: errors (W5), authentication (A1), groups (W7). */
final class ExposureChecks {

  /** Traces of internals in an answer: stack frames, class names, file names, SQL. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\bat (java|javax|jdk|sun|org|com|io|net)\\.[\\w.$]+\\(|Exception|\\.java:\\d+"
              + "|SQLSTATE|ORA-\\d{5}|syntax error at or near|\\bSELECT\\b[^<]{1,200}\\bFROM\\b"
              + "|\\bINSERT INTO\\b");

  private ExposureChecks() {}

  /** W5: errors are problem details or generic, never stack traces, class names or SQL. */
  static Finding w5(Answers answers) {
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    for (HttpAnswer a : answers.errors()) {
      Matcher m = LEAK.matcher(a.body());
      if (m.find()) {
        fails.add(a.label() + ": body shows '" + m.group() + "'");
      }
      boolean problem = a.header("Content-Type").startsWith("application/problem+json");
      if (a.status() >= 400 && !problem && !a.body().isBlank()) {
        warns.add(a.label() + ": not problem+json");
      }
    }
    String fix = "answer errors with RFC 9457 problem details, log the cause server-side only";
    if (!fails.isEmpty()) {
      return Finding.fail("W5", String.join("; ", fails), fix);
    }
    if (!warns.isEmpty()) {
      return Finding.warn("W5", String.join("; ", warns), fix);
    }
    return Finding.pass("W5", "error answers are problem details or empty, without internals");
  }

  /** A1: anonymous requests get no content from any group. */
  static Finding a1(Answers answers) {
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    int api = answers.api().status();
    if (isContent(api)) {
      fails.add(answers.api().label());
    } else if (api != 401) {
      warns.add(answers.api().label() + " (expected 401)");
    }
    int internal = answers.internal().status();
    if (isContent(internal)) {
      fails.add(answers.internal().label());
    } else if (internal != 401 && internal != 403 && internal != 404 && internal != -1) {
      warns.add(answers.internal().label() + " (expected 401, 403 or 404)");
    }
    HttpAnswer app = answers.app();
    boolean toLogin =
        app.status() >= 300 && app.status() < 400 && app.header("Location").contains("login");
    if (isContent(app.status())) {
      fails.add(app.label());
    } else if (!toLogin && app.status() != 401) {
      warns.add(app.label() + " (expected a redirect to the login page or 401)");
    }
    String fix = "require authentication on every service group (bulwark.security settings)";
    if (!fails.isEmpty()) {
      return Finding.fail("A1", "anonymous content: " + String.join("; ", fails), fix);
    }
    if (!warns.isEmpty()) {
      return Finding.warn("A1", String.join("; ", warns), fix);
    }
    return Finding.pass("A1", "anonymous requests get 401, 403, 404 or the login page only");
  }

  /** W7: which service groups answer at all from here, and whether any does so anonymously. */
  static Finding w7(Answers answers, ProbeTarget target) {
    String seen =
        "/app/ "
            + status(answers.app())
            + ", /engine-rest/ "
            + status(answers.api())
            + ", /internal/ "
            + status(answers.internal());
    boolean anyContent =
        isContent(answers.app().status())
            || isContent(answers.api().status())
            || isContent(answers.internal().status());
    if (anyContent) {
      return Finding.fail("W7", "a group serves anonymous content: " + seen, "see A1");
    }
    int internal = answers.internal().status();
    if (!isLoopback(target.host()) && internal > 0 && internal != 403 && internal != 404) {
      return Finding.warn(
          "W7",
          "internal services reachable from this address: " + seen,
          "limit /internal/ to loopback or an allowlist (bulwark service group settings)");
    }
    return Finding.pass("W7", "groups answer: " + seen);
  }

  private static boolean isContent(int status) {
    return status >= 200 && status < 300;
  }

  private static String status(HttpAnswer a) {
    return a.status() < 0 ? "no answer" : String.valueOf(a.status());
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

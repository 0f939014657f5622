package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Response header checks: HSTS (T5), cookies (W1), security headers (W3), disclosure (W4). */
final class HeaderChecks {

  private static final long ONE_YEAR_SECONDS = 31_536_000L;
  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)");
  private static final Pattern VERSION =
      Pattern.compile(
          "Apache-Coyote|Apache Tomcat|Tomcat/\\d|Jetty\\(|Jetty/\\d|nginx/\\d|Apache/\\d"
              + "|Undertow/\\d|WildFly|JBoss|PHP/\\d|Werkzeug/\\d");

  private HeaderChecks() {}

  /** T5: HSTS of at least one year on the web app and on the REST API. */
  static Finding t5(Answers answers) {
    return t5(answers.login(), answers.api());
  }

  /** T5 on one web app answer and one API answer. */
  static Finding t5(HttpAnswer web, HttpAnswer api) {
    List<String> problems = new ArrayList<>();
    for (HttpAnswer a : List.of(web, api)) {
      Matcher m = MAX_AGE.matcher(a.header("Strict-Transport-Security"));
      if (!m.find()) {
        problems.add(a.label() + ": no HSTS");
      } else if (m.group(1).length() < 12 && Long.parseLong(m.group(1)) < ONE_YEAR_SECONDS) {
        problems.add(a.label() + ": HSTS max-age " + m.group(1) + " < 31536000");
      }
    }
    return problems.isEmpty()
        ? Finding.pass("T5", "HSTS max-age of at least one year on /app/ and /engine-rest/")
        : Finding.fail(
            "T5",
            String.join("; ", problems),
            "send Strict-Transport-Security: max-age=31536000 (or more) on every response");
  }

  /** W3: security headers on the web app and the API; no-store on API answers. */
  static Finding w3(Answers answers) {
    return w3(answers.login(), answers.api());
  }

  /** W3 on one web app answer and one API answer. */
  static Finding w3(HttpAnswer web, HttpAnswer api) {
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    for (HttpAnswer a : List.of(web, api)) {
      checkCsp(a, fails, warns);
      if (!a.header("X-Content-Type-Options").equalsIgnoreCase("nosniff")) {
        fails.add(a.label() + ": X-Content-Type-Options is not nosniff");
      }
      if (!a.header("X-Frame-Options").equalsIgnoreCase("DENY")) {
        fails.add(a.label() + ": X-Frame-Options is not DENY");
      }
      for (String required : List.of("Referrer-Policy", "Permissions-Policy")) {
        if (!a.has(required)) {
          fails.add(a.label() + ": no " + required);
        }
      }
    }
    if (!api.header("Cache-Control").toLowerCase(Locale.ROOT).contains("no-store")) {
      fails.add(api.label() + ": Cache-Control without no-store");
    }
    String fix =
        "send CSP without 'unsafe-inline' and with frame-ancestors 'none', nosniff,"
            + " X-Frame-Options DENY, Referrer-Policy, Permissions-Policy, and no-store on API"
            + " and authenticated answers";
    if (!fails.isEmpty()) {
      return Finding.fail("W3", String.join("; ", fails), fix);
    }
    if (!warns.isEmpty()) {
      return Finding.warn("W3", String.join("; ", warns), fix);
    }
    return Finding.pass("W3", "security headers present on /app/login and /engine-rest/");
  }

  private static void checkCsp(HttpAnswer a, List<String> fails, List<String> warns) {
    String csp = a.header("Content-Security-Policy");
    if (csp.isEmpty()) {
      fails.add(a.label() + ": no Content-Security-Policy");
      return;
    }
    Map<String, String> directives = new LinkedHashMap<>();
    for (String part : csp.split(";", -1)) {
      String[] nv = part.trim().split("\\s+", 2);
      if (!nv[0].isEmpty()) {
        directives.put(nv[0].toLowerCase(Locale.ROOT), nv.length > 1 ? nv[1] : "");
      }
    }
    String scripts =
        directives.getOrDefault("script-src", directives.getOrDefault("default-src", ""));
    if (scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'")) {
      fails.add(a.label() + ": CSP allows inline or eval script");
    } else if (csp.contains("'unsafe-inline'")) {
      warns.add(a.label() + ": CSP allows 'unsafe-inline' outside scripts");
    }
    if (!directives.containsKey("script-src") && !directives.containsKey("default-src")) {
      fails.add(a.label() + ": CSP restricts no scripts (no script-src or default-src)");
    }
    if (!"'none'".equals(directives.get("frame-ancestors"))) {
      fails.add(a.label() + ": CSP without frame-ancestors 'none'");
    }
  }

  /** W4: no Server, X-Powered-By or product version in any header or body. */
  static Finding w4(Answers answers) {
    List<String> problems = new ArrayList<>();
    for (HttpAnswer a : answers.all()) {
      for (String banned : List.of("Server", "X-Powered-By")) {
        if (a.has(banned)) {
          problems.add(a.label() + ": " + banned + ": " + a.header(banned));
        }
      }
      for (Map.Entry<String, List<String>> h : a.headers().entrySet()) {
        for (String value : h.getValue()) {
          if (VERSION.matcher(value).find()
              && !List.of("server", "x-powered-by").contains(h.getKey())) {
            problems.add(a.label() + ": header " + h.getKey() + " names a product version");
          }
        }
      }
      Matcher m = VERSION.matcher(a.body());
      if (m.find()) {
        problems.add(a.label() + ": body names '" + m.group() + "'");
      }
    }
    return problems.isEmpty()
        ? Finding.pass("W4", "no Server, X-Powered-By or product version disclosed")
        : Finding.fail(
            "W4",
            String.join("; ", problems),
            "remove Server and X-Powered-By headers and replace container error pages");
  }

  /** W1: cookies set by the login page are Secure, HttpOnly, SameSite and host-only. */
  static Finding w1(Answers answers) {
    List<String> cookies = answers.login().headers("Set-Cookie");
    if (cookies.isEmpty()) {
      return Finding.pass("W1", "GET /app/login sets no cookie");
    }
    List<String> fails = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    for (String cookie : cookies) {
      String[] parts = cookie.split(";", -1);
      String name = parts[0].split("=", 2)[0].trim();
      List<String> attributes = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        attributes.add(parts[i].trim().split("=", 2)[0].toLowerCase(Locale.ROOT));
      }
      for (String required : List.of("secure", "httponly", "samesite")) {
        if (!attributes.contains(required)) {
          fails.add("cookie " + name + " without " + required);
        }
      }
      if (attributes.contains("domain")) {
        fails.add("cookie " + name + " has a Domain attribute (not host-only)");
      }
      if (!name.startsWith("__Host-")) {
        warns.add("cookie " + name + " without the __Host- prefix");
      }
    }
    String fix = "set cookies with Secure; HttpOnly; SameSite; Path=/, no Domain, prefix __Host-";
    if (!fails.isEmpty()) {
      return Finding.fail("W1", String.join("; ", fails), fix);
    }
    if (!warns.isEmpty()) {
      return Finding.warn("W1", String.join("; ", warns), fix);
    }
    return Finding.pass("W1", cookies.size() + " cookie(s) Secure, HttpOnly, SameSite, __Host-");
  }
}

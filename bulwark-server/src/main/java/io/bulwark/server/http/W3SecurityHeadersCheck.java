package io.bulwark.server.http;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.doctor.remote.HeaderGrades;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Doctor check W3: runs the server's header filter ({@link LiveHeaders}) on a web app and an API
 * request and grades the headers it writes by the remote probe's rules: FAIL when the filter is
 * missing or disabled, or when it writes a weak CSP, no nosniff, framing allowed, no
 * Referrer-Policy or Permissions-Policy, or API answers without no-store.
 */
@Component
public final class W3SecurityHeadersCheck implements LocalCheck {

  private final LiveHeaders live;

  public W3SecurityHeadersCheck(
      ObjectProvider<FilterRegistrationBean<SecurityHeadersFilter>> registrations,
      Environment environment) {
    this.live = new LiveHeaders(registrations, environment);
  }

  @Override
  public String id() {
    return "W3";
  }

  @Override
  public Finding run() {
    return live.check(id(), HeaderGrades::w3);
  }

  /** Grades what the filter writes. */
  static Finding grade(Filter filter) {
    return LiveHeaders.grade(filter, HeaderGrades::w3);
  }
}

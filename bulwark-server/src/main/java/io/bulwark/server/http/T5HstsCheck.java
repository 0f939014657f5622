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
 * Doctor check T5: the HSTS header that the server's header filter writes ({@link LiveHeaders}),
 * graded by the remote probe's rule: at least one year on web app and API answers, else FAIL.
 */
@Component
public final class T5HstsCheck implements LocalCheck {

  private final LiveHeaders live;

  public T5HstsCheck(
      ObjectProvider<FilterRegistrationBean<SecurityHeadersFilter>> registrations,
      Environment environment) {
    this.live = new LiveHeaders(registrations, environment);
  }

  @Override
  public String id() {
    return "T5";
  }

  @Override
  public Finding run() {
    return live.check(id(), HeaderGrades::t5);
  }

  /** Grades what the filter writes. */
  static Finding grade(Filter filter) {
    return LiveHeaders.grade(filter, HeaderGrades::t5);
  }
}

package io.bulwark.server.http;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.doctor.remote.HeaderGrades;
import jakarta.servlet.Filter;
import java.util.Optional;
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
    String[] problem = new String[1];
    Optional<Filter> filter = live.filter(problem);
    if (filter.isEmpty()) {
      return Finding.fail(id(), problem[0], "keep HttpConfiguration's security header filter");
    }
    return grade(filter.get());
  }

  /** Grades what the filter writes. */
  static Finding grade(Filter filter) {
    Finding f =
        HeaderGrades.t5(
            LiveHeaders.record(filter, LiveHeaders.WEB_PATH),
            LiveHeaders.record(filter, LiveHeaders.API_PATH));
    return new Finding(f.checkId(), f.status(), "header filter: " + f.message(), f.fix());
  }
}

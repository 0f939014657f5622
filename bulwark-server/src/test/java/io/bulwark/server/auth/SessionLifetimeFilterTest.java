package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The absolute session timeout with a fixed clock (the servlet objects are Spring's test ones). */
class SessionLifetimeFilterTest {

  private static final SessionSettings SETTINGS =
      new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(8), Duration.ofMinutes(1));

  @Test
  void a10_sessionOlderThanAbsoluteTimeoutIsInvalidated() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletRequest request = requestWith(session);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filterAt(
            Instant.ofEpochMilli(session.getCreationTime())
                .plus(Duration.ofHours(8).plusSeconds(1)))
        .doFilter(request, response, chain);

    assertThat(session.isInvalid()).isTrue();
    assertThat(response.getRedirectedUrl()).isEqualTo("/app/login?expired");
    assertThat(chain.getRequest()).as("request not passed on").isNull();
  }

  @Test
  void a10_youngerSessionPassesUntouched() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletRequest request = requestWith(session);
    MockFilterChain chain = new MockFilterChain();

    filterAt(Instant.ofEpochMilli(session.getCreationTime()).plus(Duration.ofHours(7)))
        .doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(session.isInvalid()).isFalse();
    assertThat(chain.getRequest()).isSameAs(request);
  }

  private static MockHttpServletRequest requestWith(MockHttpSession session) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/");
    request.setSession(session);
    return request;
  }

  private static SessionLifetimeFilter filterAt(Instant now) {
    return new SessionLifetimeFilter(
        SETTINGS,
        new AuthEventLog(
            new AuditTrail(new StaticListableBeanFactory().getBeanProvider(BulwarkEngine.class))),
        Clock.fixed(now, ZoneOffset.UTC));
  }
}

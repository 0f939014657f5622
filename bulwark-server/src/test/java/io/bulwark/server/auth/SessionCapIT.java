package io.bulwark.server.auth;

import static io.bulwark.server.auth.TestHttpClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Anonymous visitors create no session, and sessions are capped per user and in total (E8). The
 * tests run in order on one server: the session count carries over.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"bulwark.session.max-per-user=2", "bulwark.session.max-total=3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionCapIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String PASSWORD = "a long test passphrase 4711";

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;
  @Autowired private SessionCounter sessions;

  private URI base;

  @BeforeEach
  void findServer() {
    base = TestServer.baseUri(environment);
  }

  @Test
  @Order(1)
  void e8_loginPageCreatesNoSession() {
    TestHttpClient anonymous = new TestHttpClient(base);
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> page = new TestHttpClient(base).get("/app/login");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith(SessionCookieCustomizer.COOKIE_NAME));
    }
    HttpResponse<String> failed = anonymous.signIn("nobody", "not the password at all");
    assertThat(location(failed)).endsWith("/app/login?error");
    assertThat(anonymous.sessionId()).as("a failed sign-in creates no session").isEmpty();
    assertThat(sessions.active()).isZero();
  }

  @Test
  @Order(2)
  void e8_thirdSessionOfOneUserEndsTheOldest() {
    String user = newUser();
    TestHttpClient first = signedIn(user);
    TestHttpClient second = signedIn(user);
    TestHttpClient third = signedIn(user);

    HttpResponse<String> oldest = first.get("/app/");
    assertThat(oldest.statusCode()).isEqualTo(302);
    assertThat(location(oldest)).endsWith("/app/login?expired");
    assertThat(second.get("/app/").statusCode()).isEqualTo(200);
    assertThat(third.get("/app/").statusCode()).isEqualTo(200);
    assertThat(sessions.active()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void e8_signInIsRefusedWhileTheServerHoldsMaxTotalSessions() {
    signedIn(newUser());
    assertThat(sessions.active()).isEqualTo(3);

    TestHttpClient refused = new TestHttpClient(base);
    HttpResponse<String> answer = refused.signIn(newUser(), PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body()).contains("try again").doesNotContain("Exception");
    assertThat(refused.sessionId()).isEmpty();
    assertThat(sessions.active()).isEqualTo(3);
  }

  private TestHttpClient signedIn(String user) {
    TestHttpClient browser = new TestHttpClient(base);
    HttpResponse<String> answer = browser.signIn(user, PASSWORD);
    assertThat(location(answer)).endsWith("/app/");
    return browser;
  }

  private String newUser() {
    String id = "cap-" + UUID.randomUUID().toString().substring(0, 8);
    try (Secret secret = Secret.of(PASSWORD)) {
      engine
          .identityService()
          .createUser(
              ADMIN, new NewUser(id, "Session Holder", secret, PasswordChange.NOT_REQUIRED));
    }
    return id;
  }
}

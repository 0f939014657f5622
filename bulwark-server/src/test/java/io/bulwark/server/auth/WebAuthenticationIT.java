package io.bulwark.server.auth;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static io.bulwark.server.auth.TestHttpClient.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/** Sign-in, forced password change, sessions, cookies and CSRF of the web apps, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
class WebAuthenticationIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final AtomicInteger USERS = new AtomicInteger();

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;
  @Autowired private ApplicationContext context;
  @Autowired private AuthenticationProvider apiAuthenticationProvider;

  private URI base;

  @BeforeEach
  void findServer() {
    base = TestServer.baseUri(environment);
  }

  @Test
  void a2_firstLoginMustChangePassword() {
    TestUser user = newUser(PasswordChange.REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);

    HttpResponse<String> signIn = browser.signIn(user.id(), user.password());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(location(browser.get("/app/"))).endsWith("/app/password");

    HttpResponse<String> form = browser.get("/app/password");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("one-time password").contains("name=\"next\"");
  }

  @Test
  void a2_otherPagesRedirectToPasswordChangeUntilChanged() {
    TestUser user = newUser(PasswordChange.REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(user.id(), user.password());

    assertThat(location(browser.get("/"))).endsWith("/app/");
    for (String page : List.of("/app/", "/app/tasklist", "/app/login")) {
      HttpResponse<String> answer = browser.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(location(answer)).as(page).endsWith("/app/password");
    }

    HttpResponse<String> weak = changePassword(browser, user.password(), "short");
    assertThat(weak.statusCode()).isEqualTo(200);
    assertThat(weak.body())
        .contains("Too short: use at least 12 characters.")
        .doesNotContain("Exception", "at io.bulwark");
    HttpResponse<String> wrongCurrent =
        changePassword(browser, "not-the-current-password", strongPassword());
    assertThat(wrongCurrent.body()).contains("The current password is wrong.");
    HttpResponse<String> differ =
        browser.submit(
            "/app/password",
            "/app/password",
            Map.of("current", user.password(), "next", strongPassword(), "repeat", "other"));
    assertThat(differ.body()).contains("The two new passwords differ.");
    assertThat(location(browser.get("/app/"))).endsWith("/app/password");

    String before = browser.sessionId().orElseThrow();
    HttpResponse<String> changed = changePassword(browser, user.password(), strongPassword());
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(location(changed)).endsWith("/app/?changed");
    assertThat(browser.sessionId()).get().isNotEqualTo(before);
    HttpResponse<String> home = browser.get("/app/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Signed in as").contains(user.id());
  }

  @Test
  void a2_apiGrantsUserWhoMustChangePasswordOnlyThePendingAuthority() {
    TestUser user = newUser(PasswordChange.REQUIRED);

    // The API's one-time password gate then lets only PUT /user/{own id}/credentials through
    // (IdentityRestIT.a2_aUserWithAOneTimePasswordMayOnlyChangeIt).
    assertThat(
            apiAuthenticationProvider
                .authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user.id(), user.password()))
                .getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly(Authorities.PASSWORD_CHANGE_PENDING);
  }

  @Test
  void a2_noDefaultUserIsCreated() {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    assertThatThrownBy(
            () ->
                apiAuthenticationProvider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("user", "password")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void w1_sessionCookieIsSecureHttpOnlySameSiteHostOnly() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);

    HttpResponse<String> loginPage = browser.get("/app/login");
    HttpResponse<String> signIn =
        browser.post(
            "/app/login",
            Map.of(
                "username", user.id(),
                "password", user.password(),
                "_csrf", TestHttpClient.csrfToken(loginPage.body())));

    assertThat(sessionSetCookie(signIn))
        .startsWith(SessionCookieCustomizer.COOKIE_NAME + "=")
        .contains("; Secure", "; HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContainIgnoringCase("Domain=")
        .doesNotContainIgnoringCase("Expires=");
    // The login page sets only the CSRF cookie, with the same attributes (E8, W1, W2).
    assertThat(loginPage.headers().allValues("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("__Host-bulwark-csrf=")
        .contains("; Secure", "; HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContainIgnoringCase("Domain=");
    assertThat(loginPage.body()).doesNotContainIgnoringCase("jsessionid");
    assertThat(location(signIn)).endsWith("/app/").doesNotContainIgnoringCase("jsessionid");
  }

  @Test
  void w2_postWithoutCsrfTokenIsRejected() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);
    browser.get("/app/login");

    HttpResponse<String> loginWithoutToken =
        browser.post("/app/login", Map.of("username", user.id(), "password", user.password()));
    assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    assertThat(loginWithoutToken.body()).contains("Access denied").doesNotContain("Exception");

    browser.signIn(user.id(), user.password());
    HttpResponse<String> logoutWithoutToken = browser.post("/app/logout", Map.of());
    HttpResponse<String> logoutWithWrongToken =
        browser.post("/app/logout", Map.of("_csrf", "forged"));
    assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
    assertThat(logoutWithWrongToken.statusCode()).isEqualTo(403);
    assertThat(browser.get("/app/").statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void a10_sessionStartsAtLogin() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);
    browser.get("/app/login");
    assertThat(browser.sessionId()).as("no session before sign-in (E8)").isEmpty();

    browser.signIn(user.id(), user.password());

    assertThat(browser.sessionId()).isPresent();
    assertThat(browser.get("/app/").statusCode()).isEqualTo(200);
  }

  @Test
  void a10_logoutInvalidatesSession() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(user.id(), user.password());
    String signedIn = browser.sessionId().orElseThrow();

    HttpResponse<String> logout = browser.submit("/app/", "/app/logout", Map.of());

    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(location(logout)).endsWith("/app/login?logout");
    assertThat(sessionSetCookie(logout))
        .startsWith(SessionCookieCustomizer.COOKIE_NAME + "=;")
        .contains("Expires=Thu, 01 Jan 1970", "; Secure", "Path=/");
    TestHttpClient replay = new TestHttpClient(base);
    HttpResponse<String> withOldCookie = replay.getWithSessionCookie("/app/", signedIn);
    assertThat(withOldCookie.statusCode()).isEqualTo(302);
    assertThat(location(withOldCookie)).endsWith("/app/login");
  }

  @Test
  void a6_unknownUserAndWrongPasswordGetTheSameAnswer() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);

    List<String> unknown = failedSignIn("nobody-" + UUID.randomUUID(), user.password());
    List<String> wrongPassword = failedSignIn(user.id(), user.password() + "x");

    assertThat(unknown).isEqualTo(wrongPassword);
    assertThat(unknown.get(1)).endsWith("/app/login?error");
    assertThat(unknown.get(2)).contains("Sign-in failed. Check your user ID and password.");
  }

  @Test
  void a7_authenticationEventsAreLogged() {
    TestUser user = newUser(PasswordChange.REQUIRED);
    String newPassword = strongPassword();
    String unknownUser = "ghost-" + UUID.randomUUID();
    ListAppender<ILoggingEvent> appender = captureAuthLog();
    try {
      TestHttpClient browser = new TestHttpClient(base);
      browser.signIn(unknownUser, "irrelevant-password-1");
      browser.signIn(user.id(), "wrong-password-" + UUID.randomUUID());
      browser.signIn(user.id(), user.password());
      changePassword(browser, user.password(), newPassword);
      String sessionId = browser.sessionId().orElseThrow();
      browser.submit("/app/", "/app/logout", Map.of());
      browser.signIn(user.id(), newPassword);

      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .anyMatch(
              entry("event", "login_failure", "reason", "unknown_user", "principal", unknownUser))
          .anyMatch(
              entry("event", "login_failure", "reason", "wrong_password", "principal", user.id()))
          .anyMatch(entry("event", "login_password_change_required", "principal", user.id()))
          .anyMatch(entry("event", "password_changed", "principal", user.id()))
          .anyMatch(entry("event", "logout", "principal", user.id()))
          .anyMatch(entry("event", "login_success", "principal", user.id(), "channel", "web"));
      assertThat(String.join("\n", lines))
          .doesNotContain(user.password(), newPassword, "irrelevant-password-1", sessionId);
    } finally {
      ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(appender);
    }
  }

  @Test
  void w3_pagesHaveNoInlineScriptOrStyle() {
    TestUser user = newUser(PasswordChange.NOT_REQUIRED);
    TestHttpClient browser = new TestHttpClient(base);
    String login = browser.get("/app/login").body();
    browser.signIn(user.id(), user.password());

    for (String page :
        List.of(login, browser.get("/app/").body(), browser.get("/app/password").body())) {
      // Scripts only as same-origin static files with no inline body (W3).
      assertThat(page)
          .contains("/app/assets/bulwark.css")
          .doesNotContain("<style", " style=", " onclick=", " onload=", "javascript:")
          .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/app/assets/)")
          .doesNotContainPattern("<script[^>]*>[^<]+</script>");
    }
    HttpResponse<String> css = browser.get("/app/assets/bulwark.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
  }

  private List<String> failedSignIn(String userId, String password) {
    TestHttpClient browser = new TestHttpClient(base);
    HttpResponse<String> answer = browser.signIn(userId, password);
    HttpResponse<String> page = browser.get(URI.create(location(answer)).getRawPath() + "?error");
    String body = page.body().replaceAll("value=\"[^\"]+\"", "value=\"\"");
    return List.of(String.valueOf(answer.statusCode()), location(answer), body);
  }

  private static HttpResponse<String> changePassword(
      TestHttpClient browser, String current, String next) {
    return browser.submit(
        "/app/password", "/app/password", Map.of("current", current, "next", next, "repeat", next));
  }

  private static String sessionSetCookie(HttpResponse<?> answer) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionCookieCustomizer.COOKIE_NAME + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie set: " + answer.headers()));
  }

  private static ListAppender<ILoggingEvent> captureAuthLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(appender);
    return appender;
  }

  private TestUser newUser(PasswordChange passwordChange) {
    String id =
        "web-user-" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    String password = strongPassword();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Test " + id, secret, passwordChange));
    }
    return new TestUser(id, password);
  }

  private static String strongPassword() {
    return "Tq7!" + UUID.randomUUID();
  }

  private record TestUser(String id, String password) {}
}

package io.bulwark.server.rest;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.TestHttpClient;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A10 over real HTTPS: an administrator lists a user's web sessions and ends one or all of them
 * (with the user's tokens) through Bulwark's extension endpoints under {@code
 * /engine-rest/user/{id}/sessions}; the browser whose session ended is sent to the login at its
 * next request; a user without a grant sees 404/403, a bad handle is a 400 naming the field; each
 * end is an authentication event (A7) that names no handle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserSessionRestIT {

  private static final Pattern HANDLE = Pattern.compile("\"handle\":\"([0-9a-f]{32})\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([A-Za-z0-9_-]{43})\"");

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void a10_administratorListsAndEndsAnotherUsersSessionsAndTokens() throws Exception {
    String[] admin = rest.newAdmin();
    String[] user = rest.newUser("sessions");
    String path = "/engine-rest/user/" + user[0] + "/sessions";
    TestHttpClient laptop = signedIn(user);
    TestHttpClient phone = signedIn(user);
    String token = token(user);
    ListAppender<ILoggingEvent> log = captureAuthLog();
    try {
      HttpResponse<String> listed = rest.send("GET", path, admin, null);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body())
          .contains("\"userId\":\"" + user[0] + "\"")
          .contains("\"client\":\"127.0.0.1\"")
          .contains("\"node\":")
          .contains("\"userAgent\":")
          .doesNotContain(laptop.sessionId().orElseThrow());
      List<String> handles = handles(listed.body());
      assertThat(handles).hasSize(2);

      assertThat(rest.send("DELETE", path + "/" + handles.get(0), admin, null).statusCode())
          .isEqualTo(204);
      int stillIn = signedInStill(laptop) + signedInStill(phone);
      assertThat(stillIn).as("exactly one browser was signed out").isEqualTo(1);
      assertThat(rest.send("DELETE", path + "/" + handles.get(0), admin, null).statusCode())
          .isEqualTo(404);

      assertThat(rest.send("DELETE", path, admin, null).statusCode()).isEqualTo(204);
      assertThat(signedInStill(laptop) + signedInStill(phone)).isZero();
      assertThat(bearer(token).statusCode()).isEqualTo(401);
      assertThat(rest.send("GET", path, admin, null).body()).isEqualTo("[]");

      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .anyMatch(
              entry("event", "sessions_ended", "principal", admin[0], "user", user[0])
                  .and(line -> line.contains("\"sessions\":\"1\"")))
          .anyMatch(
              entry("event", "sessions_ended", "principal", admin[0], "tokens", "1")
                  .and(line -> line.contains("\"sessions\":\"1\"")))
          .noneMatch(line -> line.contains(handles.get(0)) || line.contains(token));
    } finally {
      ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
    }
  }

  @Test
  void a10_userSeesOwnSessionsButNoOneElsesAndCannotEndThem() throws Exception {
    String[] alice = rest.newUser("alice");
    String[] mallory = rest.newUser("mallory");
    TestHttpClient browser = signedIn(alice);
    String own = "/engine-rest/user/" + alice[0] + "/sessions";

    assertThat(handles(rest.send("GET", own, alice, null).body())).hasSize(1);
    assertThat(rest.send("GET", own, null, null).statusCode()).isEqualTo(401);
    assertThat(rest.send("GET", own, mallory, null).statusCode()).isIn(403, 404);
    assertThat(rest.send("DELETE", own, mallory, null).statusCode()).isEqualTo(403);
    String handle = handles(rest.send("GET", own, alice, null).body()).get(0);
    assertThat(rest.send("DELETE", own + "/" + handle, mallory, null).statusCode()).isEqualTo(403);
    assertThat(signedInStill(browser)).isEqualTo(1);

    HttpResponse<String> bad = rest.send("DELETE", own + "/not-a-handle", rest.newAdmin(), null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("handle").doesNotContain("Exception");
  }

  private TestHttpClient signedIn(String[] user) {
    TestHttpClient browser = new TestHttpClient(rest.server().uri("/"));
    browser.signIn(user[0], user[1]);
    assertThat(browser.get("/app/").statusCode()).isEqualTo(200);
    return browser;
  }

  private static int signedInStill(TestHttpClient browser) {
    HttpResponse<String> answer = browser.get("/app/");
    if (answer.statusCode() == 200) {
      return 1;
    }
    assertThat(TestHttpClient.location(answer)).contains("/app/login");
    return 0;
  }

  private String token(String[] user) throws Exception {
    HttpResponse<String> answer =
        rest.send(
            HttpRequest.newBuilder(rest.server().uri("/engine-rest/identity/token"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            user);
    Matcher matcher = TOKEN.matcher(answer.body());
    assertThat(matcher.find()).as(answer.body()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> bearer(String token) throws Exception {
    return rest.server()
        .client()
        .send(
            HttpRequest.newBuilder(rest.server().uri("/engine-rest/version"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> handles(String json) {
    return HANDLE.matcher(json).results().map(m -> m.group(1)).toList();
  }

  private static ListAppender<ILoggingEvent> captureAuthLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(appender);
    return appender;
  }
}

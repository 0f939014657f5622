package io.bulwark.server.auth;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.LoopbackClient.Answer;
import io.bulwark.server.http.ServerEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Login throttling (A5) and enumeration resistance (A6) as a client sees them: real HTTPS to the
 * running server, several client addresses (connections leave from 127.0.0.x), the web login form
 * and HTTP Basic on the token endpoint. Its own server (the properties below make a context of its
 * own), so that its failures throttle no other test. The delays between failures are cut to 10 ms
 * so that an account reaches its lock (10 failures) within the test; the default delays are shown
 * with a moving clock in the engine's LoginThrottleIT.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.login-throttle.delay=PT0.01S",
      "bulwark.login-throttle.max-delay=PT0.01S"
    })
class LoginThrottleServerIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String TOKEN_PATH = "/engine-rest/identity/token";
  private static final String PASSWORD = "a long secret phrase";

  @Autowired ApplicationContext context;
  @Autowired Environment environment;
  @Autowired BulwarkEngine engine;
  URI base;
  ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    base = TestServer.baseUri(environment);
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
  }

  @Test
  void a5_fiftyWrongPasswordsOverBasicAreThrottledAndTheRightOneGetsTheSameAnswer()
      throws Exception {
    String user = newUser();
    LoopbackClient attacker = new LoopbackClient(base, "127.0.0.11");
    List<Answer> wrong = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      wrong.add(basicToken(attacker, user, "wrong password " + i));
    }
    Answer right = basicToken(attacker, user, PASSWORD);

    assertThat(wrong.get(0).status()).isEqualTo(401);
    assertThat(wrong).extracting(Answer::comparable).containsOnly(wrong.get(0).comparable());
    assertThat(right.comparable()).isEqualTo(wrong.get(0).comparable());
    assertThat(lines())
        .filteredOn(entry("event", "login_throttled", "principal", user))
        .hasSize(41);
    assertThat(lines()).anyMatch(entry("event", "lockout", "principal", user, "channel", "api"));

    Answer victim = basicToken(new LoopbackClient(base, "127.0.0.12"), user, PASSWORD);
    assertThat(victim.status()).isEqualTo(200);
    assertThat(victim.body()).contains("\"access_token\"");
  }

  @Test
  void a5_fiftyWrongPasswordsOnTheLoginFormAreThrottledAndTheRightOneGetsTheSameAnswer()
      throws Exception {
    String user = newUser();
    LoopbackClient attacker = new LoopbackClient(base, "127.0.0.13");
    String csrf = TestHttpClient.csrfToken(attacker.get("/app/login").body());
    List<Answer> wrong = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      wrong.add(formLogin(attacker, csrf, user, "wrong password " + i));
    }
    Answer right = formLogin(attacker, csrf, user, PASSWORD);

    assertThat(wrong.get(0).status()).isEqualTo(302);
    assertThat(wrong.get(0).header("Location").orElseThrow()).endsWith("/app/login?error");
    assertThat(wrong).extracting(Answer::comparable).containsOnly(wrong.get(0).comparable());
    assertThat(right.comparable()).isEqualTo(wrong.get(0).comparable());
    assertThat(lines()).anyMatch(entry("event", "lockout", "principal", user, "channel", "web"));

    LoopbackClient victim = new LoopbackClient(base, "127.0.0.14");
    String victimCsrf = TestHttpClient.csrfToken(victim.get("/app/login").body());
    Answer signedIn = formLogin(victim, victimCsrf, user, PASSWORD);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void a5_administratorUnlocksThroughTheApi() throws Exception {
    String user = newUser();
    String admin = newAdmin();
    LoopbackClient attacker = new LoopbackClient(base, "127.0.0.16");
    for (int i = 0; i < 15; i++) {
      basicToken(attacker, user, "wrong password " + i);
    }
    assertThat(basicToken(attacker, user, PASSWORD).status()).isEqualTo(401);
    LoopbackClient desk = new LoopbackClient(base, "127.0.0.17");

    Answer byUser =
        desk.send(
            "POST",
            "/engine-rest/user/" + user + "/unlock",
            Map.of("Authorization", LoopbackClient.basic(user, PASSWORD)),
            "");
    assertThat(byUser.status()).isEqualTo(403);
    Answer byAdmin =
        desk.send(
            "POST",
            "/engine-rest/user/" + user + "/unlock",
            Map.of("Authorization", LoopbackClient.basic(admin, PASSWORD)),
            "");
    assertThat(byAdmin.status()).isEqualTo(204);
    Answer unknown =
        desk.send(
            "POST",
            "/engine-rest/user/nobody-" + user + "/unlock",
            Map.of("Authorization", LoopbackClient.basic(admin, PASSWORD)),
            "");
    assertThat(unknown.status()).isEqualTo(404);

    assertThat(basicToken(attacker, user, PASSWORD).status()).isEqualTo(200);
    assertThat(lines()).anyMatch(entry("event", "unlock", "principal", admin, "user", user));
  }

  /**
   * A6: 200 attempts with a known and 200 with an unknown user name, interleaved, through the whole
   * path (throttle, password check, answer); the medians differ by less than 10 %. Both pass the
   * same throttle, which counts unknown names like known ones.
   */
  @Test
  void a6_unknownAndKnownUserNamesTakeTheSameMedianTime() throws Exception {
    String known = newUser();
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    ServerEndpoint server = ServerEndpoint.of(context);
    HttpClient client = server.client();
    for (int i = 0; i < 10; i++) {
      timedBasic(client, server, known);
      timedBasic(client, server, unknown);
    }
    long[] knownNanos = new long[200];
    long[] unknownNanos = new long[200];
    for (int i = 0; i < 200; i++) {
      if (i % 2 == 0) {
        knownNanos[i] = timedBasic(client, server, known);
        unknownNanos[i] = timedBasic(client, server, unknown);
      } else {
        unknownNanos[i] = timedBasic(client, server, unknown);
        knownNanos[i] = timedBasic(client, server, known);
      }
    }
    double knownMedian = median(knownNanos);
    double unknownMedian = median(unknownNanos);
    double difference =
        Math.abs(knownMedian - unknownMedian) / Math.min(knownMedian, unknownMedian);
    assertThat(difference)
        .as("median known %.1f ms, unknown %.1f ms", knownMedian / 1e6, unknownMedian / 1e6)
        .isLessThan(0.10);
  }

  private static long timedBasic(HttpClient client, ServerEndpoint server, String user)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(TOKEN_PATH))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header("Authorization", LoopbackClient.basic(user, "not the password"))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    assertThat(answer.statusCode()).isEqualTo(401);
    return elapsed;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }

  private static Answer basicToken(LoopbackClient client, String user, String password)
      throws Exception {
    return client.send(
        "POST", TOKEN_PATH, Map.of("Authorization", LoopbackClient.basic(user, password)), "");
  }

  private static Answer formLogin(LoopbackClient client, String csrf, String user, String password)
      throws Exception {
    return client.postForm(
        "/app/login", Map.of("username", user, "password", password, "_csrf", csrf), Map.of());
  }

  private List<String> lines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private String newUser() {
    String id = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
    engine
        .identityService()
        .createUser(
            ADMIN, new NewUser(id, "Throttled", Secret.of(PASSWORD), PasswordChange.NOT_REQUIRED));
    return id;
  }

  private String newAdmin() {
    String id = newUser();
    engine.identityService().addMembership(ADMIN, id, IdentityService.ADMINISTRATORS_GROUP);
    return id;
  }
}

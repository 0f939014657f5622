package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Password checks before authentication are bounded (E8, W14): with one slot and no wait, eight
 * concurrent wrong passwords get 401 for the one that was checked and 429 with {@code Retry-After}
 * for the others, on the API (problem) and on the login form (a "try again" page). Token issuance
 * per user is capped (W14).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.password-checks.max-concurrent=1",
      "bulwark.password-checks.max-wait=PT0S",
      "bulwark.api.token-issue-limit=2"
    })
class PasswordCheckBoundIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String PASSWORD = "a long test passphrase 4711";

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;
  @Autowired private PasswordCheckLimiter limiter;

  private URI base;

  @BeforeEach
  void findServer() {
    base = TestServer.baseUri(environment);
  }

  @Test
  void e8_concurrentBasicGuessesBeyondTheBoundGet429() throws Exception {
    List<HttpResponse<String>> answers =
        concurrently(8, i -> send(basic("/engine-rest/identity/token", "nobody" + i, "wrong")));

    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).as(statuses.toString()).contains(401, 429).containsOnly(401, 429);
    HttpResponse<String> busy =
        answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
    assertThat(busy.headers().firstValue("Retry-After")).get().isEqualTo("1");
    assertThat(busy.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(busy.body()).contains("\"status\":429").doesNotContain("WWW-Authenticate");
    assertThat(limiter.refused()).isPositive();
  }

  @Test
  void e8_concurrentLoginFormGuessesBeyondTheBoundGetATryAgainPage() throws Exception {
    List<HttpResponse<String>> answers =
        concurrently(8, i -> new TestHttpClient(base).signIn("nobody" + i, "not the password"));

    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).as(statuses.toString()).contains(302, 429).containsOnly(302, 429);
    HttpResponse<String> busy =
        answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    assertThat(busy.body()).contains("try again").doesNotContain("Exception");
  }

  @Test
  void w14_tokenIssuancePerUserIsCapped() {
    String user = newUser();
    for (int i = 0; i < 2; i++) {
      assertThat(send(basic("/engine-rest/identity/token", user, PASSWORD)).statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> third = send(basic("/engine-rest/identity/token", user, PASSWORD));
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
    assertThat(third.body()).contains("Too many access tokens").doesNotContain("access_token");
    String other = newUser();
    assertThat(send(basic("/engine-rest/identity/token", other, PASSWORD)).statusCode())
        .as("another user is not affected")
        .isEqualTo(200);
  }

  private interface Call {
    HttpResponse<String> run(int index) throws Exception;
  }

  private static List<HttpResponse<String>> concurrently(int clients, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.run(index);
                }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpRequest basic(String path, String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(TestHttpClient.trustAll())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String newUser() {
    String id = "bound-" + UUID.randomUUID().toString().substring(0, 8);
    try (Secret secret = Secret.of(PASSWORD)) {
      engine
          .identityService()
          .createUser(
              ADMIN, new NewUser(id, "Session Holder", secret, PasswordChange.NOT_REQUIRED));
    }
    return id;
  }
}

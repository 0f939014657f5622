package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Per-principal request rate limits on the running server (W14), with a low limit set. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "bulwark.api.rate-limit.per-principal=2")
class ApiRateLimitIT {

  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;

  @Test
  void w14_aPrincipalBeyondItsRateGets429WithRetryAfterInThatGroupOnly() throws Exception {
    String id = "rate-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    assertThat(get("/engine-rest/user/" + id + "/profile", id, password).statusCode())
        .isEqualTo(200);
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(getAsync("/engine-rest/user/" + id + "/profile", id, password));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : burst) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }
    HttpResponse<String> refused =
        answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    assertThat(refused.body()).contains("W14");
    assertThat(get("/engine-rest/job/count", id, password).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return getAsync(path, user, password).get(60, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> getAsync(
      String path, String user, String password) {
    ServerEndpoint server = ServerEndpoint.of(context);
    return server
        .client()
        .sendAsync(
            HttpRequest.newBuilder(server.uri(path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

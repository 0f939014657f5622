package io.bulwark.server.auth;

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
import io.bulwark.server.http.CorrelationIdFilter;
import io.bulwark.server.http.ErrorPageController;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An exception that nothing handles, thrown by a controller that exists only in this test's context
 * (W5): the client gets a generic answer with a correlation ID and nothing of the exception; the
 * server log gets the exception under the same ID.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UnhandledExceptionIT.FailingController.class)
class UnhandledExceptionIT {

  /** What the exception carries; none of it may reach the client. */
  private static final String SECRET_DETAIL =
      "password=hunter2 SELECT secret FROM bw_user /srv/bulwark/Leaky.java:42";

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  private URI base;
  private String userId;
  private String password;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void createUser() {
    base = TestServer.baseUri(environment);
    userId = "w5-user-" + UUID.randomUUID().toString().substring(0, 8);
    password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(
              ADMIN, new NewUser(userId, "Test " + userId, secret, PasswordChange.NOT_REQUIRED));
    }
    log = new ListAppender<>();
    log.start();
    errorLogger().addAppender(log);
  }

  @AfterEach
  void stopCapture() {
    errorLogger().detachAppender(log);
  }

  @Test
  void w5_unhandledExceptionInApiIsGenericProblem() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(TestHttpClient.trustAll())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(base.resolve(FailingController.API))
                .header("Authorization", "Basic " + basic)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    String id = answer.headers().firstValue(CorrelationIdFilter.HEADER).orElseThrow();
    assertThat(answer.body())
        .contains("\"type\":\"https://bulwark.io/problems/internal-error\"")
        .contains("\"status\":500")
        .contains("\"detail\":\"The server could not complete the request.\"")
        .contains("\"correlationId\":\"" + id + "\"");
    assertLeaksNothing(answer.body());
    assertLoggedWith(id);
  }

  @Test
  void w5_unhandledExceptionInWebAppIsGenericPage() {
    TestHttpClient browser = new TestHttpClient(base);
    assertThat(browser.signIn(userId, password).statusCode()).isEqualTo(302);

    HttpResponse<String> answer = browser.get(FailingController.WEB);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    String id = answer.headers().firstValue(CorrelationIdFilter.HEADER).orElseThrow();
    assertThat(answer.body()).contains("<!DOCTYPE html>").contains(id);
    assertLeaksNothing(answer.body());
    assertLoggedWith(id);
  }

  private static void assertLeaksNothing(String body) {
    assertThat(body)
        .doesNotContain(
            "LeakyFailure",
            "IllegalStateException",
            "Exception",
            "hunter2",
            "SELECT",
            "/srv/bulwark",
            "Leaky.java",
            "\tat ",
            "io.bulwark",
            "java.");
  }

  private void assertLoggedWith(String correlationId) {
    assertThat(log.list)
        .anySatisfy(
            event -> {
              assertThat(event.getMDCPropertyMap())
                  .containsEntry(CorrelationIdFilter.MDC_KEY, correlationId);
              assertThat(event.getThrowableProxy()).isNotNull();
              assertThat(event.getThrowableProxy().getMessage()).endsWith(SECRET_DETAIL);
            });
  }

  private static Logger errorLogger() {
    return (Logger) LoggerFactory.getLogger(ErrorPageController.class);
  }

  /** Fails on every request; registered only in this test's context. */
  @RestController
  static final class FailingController {

    static final String API = "/engine-rest/w5-test-failure";
    static final String WEB = "/app/w5-test-failure";

    @GetMapping({API, WEB})
    String fail() {
      throw new LeakyFailureException(SECRET_DETAIL);
    }
  }

  /** An exception type whose name must not reach the client either. */
  static final class LeakyFailureException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    LeakyFailureException(String message) {
      super(message);
    }
  }
}

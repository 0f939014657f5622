package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Authentication on the API and internal chains (A1), statelessness (W2), default groups (W7). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSecurityIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;
  HttpClient client;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a1_apiRequiresAuthentication() throws Exception {
    HttpResponse<String> answer = get("/engine-rest/process-definition");
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"bulwark\""));
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    assertThat(answer.body()).contains("https://bulwark.io/problems/unauthorized");
  }

  @Test
  void a1_apiRefusesCredentialsWhileNoIdentityProviderExists() throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer =
        get("/engine-rest/process-definition", "Authorization", "Basic " + basic);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("https://bulwark.io/problems/unauthorized");
  }

  @Test
  void a1_internalServicesRequireAuthentication() throws Exception {
    HttpResponse<String> answer = get("/internal/health");
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void w2_apiSetsNoCookies() throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("someone:wrong".getBytes(StandardCharsets.UTF_8));
    for (HttpResponse<String> answer :
        List.of(
            get("/engine-rest/process-definition"),
            get("/engine-rest/process-definition", "Authorization", "Basic " + basic),
            get("/internal/health"))) {
      assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void w7_internalDefaultsToLoopback() throws Exception {
    ServiceGroupSettings settings = context.getBean(ServiceGroupSettings.class);
    assertThat(settings.internal().enabled()).isTrue();
    assertThat(settings.allowlist(ServiceGroup.INTERNAL))
        .allMatch(CidrBlock::isLoopbackOnly)
        .extracting(CidrBlock::toString)
        .containsExactly("127.0.0.0/8", "::1/128");
    // From loopback the gate lets the request through to authentication.
    assertThat(get("/internal/health").statusCode()).isEqualTo(401);
  }

  @Test
  void a2_noGeneratedDefaultUser() {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
  }

  @Test
  void w7_pathInNoGroupAnswers404() throws Exception {
    HttpResponse<String> answer = get("/actuator/env");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("https://bulwark.io/problems/not-found");
  }

  @Test
  void w7_rootRedirectsToTheWebApps() throws Exception {
    HttpResponse<String> answer = get("/");
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location")).hasValue("/app/");
  }
}

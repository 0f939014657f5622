package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Error answers (W5): problem details for the API, a generic page for the web apps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorAnswersIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;
  HttpClient client;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  @Test
  void w5_problemDetailsWithoutStackTrace() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(server.uri("/engine-rest/unknown%2Fpath")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    String id = answer.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(answer.body())
        .contains("\"type\":\"https://bulwark.io/problems/bad-request\"")
        .contains("\"title\":\"Bad request\"")
        .contains("\"status\":400")
        .contains("\"detail\":")
        .contains("\"instance\":\"urn:uuid:" + id + "\"")
        .contains("\"correlationId\":\"" + id + "\"")
        .doesNotContain("Exception", "\tat ", "java.", "org.springframework", "/work/", "%2F");
  }

  @Test
  void w5_correlationIdIsOursAndNewForEveryRequest() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/nowhere"))
            .header("X-Correlation-Id", "attacker-chosen")
            .GET()
            .build();
    HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> second = client.send(request, HttpResponse.BodyHandlers.ofString());
    String id = first.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(second.headers().firstValue("X-Correlation-Id").orElseThrow()).isNotEqualTo(id);
    assertThat(first.body()).doesNotContain("attacker-chosen");
  }

  @Test
  void w5_webErrorPageIsGeneric() throws Exception {
    RawResponse answer = server.raw("GET", "/app/%2e%2e/engine-rest");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).hasValue("text/html;charset=UTF-8");
    String id = answer.header("X-Correlation-Id").orElseThrow();
    assertThat(answer.body())
        .contains("<!DOCTYPE html>")
        .contains(id)
        .doesNotContain("<script", "style=", "Whitelabel", "Exception", "Tomcat", "%2e");
    assertThat(answer.header("Content-Security-Policy"))
        .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void w5_errorPageIsNotReachableDirectly() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(server.uri("/error")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("https://bulwark.io/problems/not-found");
  }
}

package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Security headers (W3, T5) and no server disclosure (W4) on every kind of answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseHeadersIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;
  HttpClient client;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  /** One request per kind of answer: 404 (no group), 401 (API), 302 (root), 405, 404 (web). */
  private List<HttpResponse<String>> answers() throws IOException, InterruptedException {
    return List.of(
        get("/nowhere"),
        get("/engine-rest/process-definition"),
        get("/internal/health"),
        get("/"),
        get("/app/missing"),
        send(HttpRequest.newBuilder(server.uri("/engine-rest/x")).method("PROPFIND", noBody())));
  }

  @Test
  void w3_headersOnEveryResponseIncluding404And401() throws Exception {
    List<HttpResponse<String>> answers = answers();
    assertThat(answers).extracting(HttpResponse::statusCode).contains(404, 401, 302, 405);
    for (HttpResponse<String> answer : answers) {
      String what = answer.request().uri().getPath() + " " + answer.statusCode();
      for (Map.Entry<String, String> header : SecurityHeaders.ALWAYS.entrySet()) {
        assertThat(answer.headers().allValues(header.getKey()))
            .as(what + " " + header.getKey())
            .containsExactly(header.getValue());
      }
      assertThat(answer.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
    }
  }

  @Test
  void t5_hstsOfOneYearOnEveryResponse() throws Exception {
    for (HttpResponse<String> answer : answers()) {
      assertThat(answer.headers().firstValue("Strict-Transport-Security"))
          .hasValue("max-age=31536000; includeSubDomains");
    }
  }

  @Test
  void w4_noServerOrPoweredByHeader() throws Exception {
    for (HttpResponse<String> answer : answers()) {
      assertThat(answer.headers().map().keySet())
          .as(answer.request().uri().getPath())
          .noneMatch(name -> name.equalsIgnoreCase("Server"))
          .noneMatch(name -> name.equalsIgnoreCase("X-Powered-By"));
      assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Spring");
    }
    RawResponse refusedByTomcat = server.raw("GET", "/engine-rest/%00");
    assertThat(refusedByTomcat.header("Server")).isEmpty();
    assertThat(refusedByTomcat.body()).doesNotContainIgnoringCase("tomcat");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(server.uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}

package io.bulwark.bench.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One REST client: its own {@link HttpClient} (HTTP/1.1, one keep-alive connection per concurrent
 * request), trusting only the server's certificate, sending one {@code Authorization} header.
 * Answers other than the expected status throw with the status and body.
 */
final class RestClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI engineRest;
  private final String authorization;
  private final boolean patient;

  RestClient(URI engineRest, SSLContext tls, String authorization) {
    this(engineRest, tls, authorization, false);
  }

  /**
   * A client; a patient one (set-up, never a measured row) waits out a 429 for its {@code
   * Retry-After} and sends again, up to 20 times.
   */
  RestClient(URI engineRest, SSLContext tls, String authorization, boolean patient) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.engineRest = engineRest;
    this.authorization = authorization;
    this.patient = patient;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return parse(send(request(path).GET(), 200));
  }

  /** A JSON {@code POST}; 200 with a body or 204 without one (Camunda's creations). */
  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return parse(send(json(request(path), "POST", body), 200, 204));
  }

  /** A {@code POST} without a body (the token endpoint). */
  JsonNode post(String path) throws IOException, InterruptedException {
    return parse(send(request(path).POST(HttpRequest.BodyPublishers.noBody()), 200));
  }

  void put(String path, Object body) throws IOException, InterruptedException {
    send(json(request(path), "PUT", body), 204);
  }

  /** A {@code PUT} without a body (memberships). */
  void put(String path) throws IOException, InterruptedException {
    send(request(path).PUT(HttpRequest.BodyPublishers.noBody()), 204);
  }

  /** Any answer at all (a readiness probe): its status. */
  int status(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** {@code POST /deployment/create} as Camunda Modeler sends it: one BPMN file. */
  JsonNode deploy(String name, String fileName, String xml)
      throws IOException, InterruptedException {
    String boundary = "bench-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "form-data; name=\"deployment-name\"", null, name);
    part(body, boundary, "form-data; name=\"deployment-source\"", null, "bulwark-bench");
    part(
        body,
        boundary,
        "form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"",
        "application/octet-stream",
        xml);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        request("/deployment/create")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return parse(send(request, 200));
  }

  private static void part(
      ByteArrayOutputStream body,
      String boundary,
      String disposition,
      @Nullable String type,
      String value) {
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: ").append(disposition).append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n").append(value).append("\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(engineRest + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private static HttpRequest.Builder json(HttpRequest.Builder request, String method, Object body) {
    return request
        .header("Content-Type", "application/json")
        .method(
            method,
            HttpRequest.BodyPublishers.ofString(
                JSON.writeValueAsString(body), StandardCharsets.UTF_8));
  }

  private String send(HttpRequest.Builder request, int... expected)
      throws IOException, InterruptedException {
    HttpRequest built = request.build();
    HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
    for (int attempt = 0; patient && response.statusCode() == 429 && attempt < 20; attempt++) {
      long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
      Thread.sleep(Math.max(1, seconds) * 1000);
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    }
    int answered = response.statusCode();
    if (Arrays.stream(expected).noneMatch(status -> status == answered)) {
      throw new IllegalStateException(
          built.method()
              + " "
              + built.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static JsonNode parse(String body) {
    return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
  }
}

package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the engine-resource ITs share: JSON requests over real HTTPS with Basic credentials, and
 * users created through the engine with passwords that pass the policy. Public for the ITs of
 * resources outside this package (location rules).
 */
public final class RestTestClient {

  static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  static final String PROBLEM = "application/problem+json;charset=UTF-8";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final BulwarkEngine engine;
  private final ServerEndpoint server;
  private final HttpClient client;

  public RestTestClient(BulwarkEngine engine, ServerEndpoint server) {
    this.engine = engine;
    this.server = server;
    this.client = server.client();
  }

  public ServerEndpoint server() {
    return server;
  }

  /** A user who passes the policy; returns its ID and password. */
  public String[] newUser(String prefix) {
    String id = prefix + "-" + suffix();
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    return new String[] {id, password};
  }

  /** A member of {@code bulwark-admins}. */
  String[] newAdmin() {
    String[] admin = newUser("admin");
    engine.identityService().addMembership(SETUP, admin[0], IdentityService.ADMINISTRATORS_GROUP);
    return admin;
  }

  static Principal principal(String[] user) {
    return new Principal(user[0], Set.of());
  }

  public HttpResponse<String> send(String method, String path, String[] user, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // Every answer, errors included, must be one Camunda's document allows (issue 14).
    CamundaOpenApi.get().assertConforms(method, path, answer);
    return answer;
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String[] user) throws Exception {
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> sendForBytes(String path, String[] user) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.uri(path)).header("Authorization", basic(user)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public static JsonNode json(HttpResponse<String> answer) {
    return JSON.readTree(answer.body());
  }

  static String basic(String[] user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8));
  }

  public static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

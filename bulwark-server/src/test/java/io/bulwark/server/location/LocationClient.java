package io.bulwark.server.location;

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

/** Users and HTTPS calls of the location rule tests, on one server node. */
final class LocationClient {

  static final String RULES = "/engine-rest/location-rule";
  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BulwarkEngine engine;
  private final ServerEndpoint server;
  private final HttpClient client;

  LocationClient(BulwarkEngine engine, ServerEndpoint server) {
    this.engine = engine;
    this.server = server;
    this.client = server.client();
  }

  ServerEndpoint server() {
    return server;
  }

  /** A new user in the given groups; returns its ID and password. */
  String[] newUser(String prefix, String... groups) {
    String id = prefix + "-" + suffix();
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    for (String group : groups) {
      engine.identityService().addMembership(SETUP, id, group);
    }
    return new String[] {id, password};
  }

  /** A new group. */
  String newGroup(String prefix) {
    String id = prefix + "-" + suffix();
    engine.identityService().createGroup(SETUP, id, "Test " + id);
    return id;
  }

  /** An HTTPS call with Basic credentials ({@code user} null: none), checked against Camunda's. */
  HttpResponse<String> send(String method, String path, String[] user, String json)
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
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (path.startsWith("/engine-rest/")) {
      CamundaOpenApi.get().assertConforms(method, path, answer);
    }
    return answer;
  }

  /** Inserts a rule through the REST resource; returns its ID. */
  String insert(String[] admin, int position, String pattern, String access, String principal)
      throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            RULES,
            admin,
            "{\"pattern\":\""
                + pattern
                + "\",\"access\":\""
                + access
                + "\",\"principal\":\""
                + principal
                + "\",\"position\":"
                + position
                + "}");
    if (created.statusCode() != 200) {
      throw new AssertionError("rule not created: " + created.body());
    }
    return json(created).get("id").asString();
  }

  static JsonNode json(HttpResponse<String> answer) {
    return JSON.readTree(answer.body());
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}

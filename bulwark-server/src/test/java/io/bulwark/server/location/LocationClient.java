package io.bulwark.server.location;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.RestTestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Users, groups and rules of the location rule tests on one server node, over real HTTPS. */
final class LocationClient {

  static final String RULES = "/engine-rest/location-rule";
  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  private final BulwarkEngine engine;
  private final RestTestClient rest;

  LocationClient(BulwarkEngine engine, ServerEndpoint server) {
    this.engine = engine;
    this.rest = new RestTestClient(engine, server);
  }

  ServerEndpoint server() {
    return rest.server();
  }

  /** A new user in the given groups; returns its ID and password. */
  String[] newUser(String prefix, String... groups) {
    String[] user = rest.newUser(prefix);
    for (String group : groups) {
      engine.identityService().addMembership(SETUP, user[0], group);
    }
    return user;
  }

  /** A new group. */
  String newGroup(String prefix) {
    String id = prefix + "-" + RestTestClient.suffix();
    engine.identityService().createGroup(SETUP, id, "Test " + id);
    return id;
  }

  /**
   * A call with Basic credentials ({@code user} null: none); an API answer is checked against
   * Camunda's document, an internal service's is not (it has none).
   */
  HttpResponse<String> send(String method, String path, String[] user, String json)
      throws Exception {
    if (path.startsWith("/engine-rest/")) {
      return rest.send(method, path, user, json);
    }
    return rest.send(
        HttpRequest.newBuilder(server().uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody()),
        user);
  }

  /** Inserts a rule through the REST resource; returns its ID. */
  String insert(String[] admin, int position, String pattern, String access, String principal)
      throws Exception {
    String json = body(pattern, access, principal);
    HttpResponse<String> created =
        send(
            "POST",
            RULES,
            admin,
            json.substring(0, json.length() - 1) + ",\"position\":" + position + "}");
    if (created.statusCode() != 200) {
      throw new AssertionError("rule not created: " + created.body());
    }
    return RestTestClient.json(created).get("id").asString();
  }

  /** A rule's JSON body. */
  static String body(String pattern, String access, String principal) {
    return "{\"pattern\":\""
        + pattern
        + "\",\"access\":\""
        + access
        + "\",\"principal\":\""
        + principal
        + "\"}";
  }
}

package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code /version}, {@code /engine}, {@code /identity/groups} and {@code /identity/verify} over
 * real HTTPS: Camunda's shapes, a user reads their own groups only, and verification answers the
 * same for a wrong password and an unknown user (A6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineInfoRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void versionAndEngineAnswerCamundasShape() throws Exception {
    String[] user = rest.newUser("reader");
    assertThat(rest.send("GET", "/engine-rest/version", user, null).body())
        .isEqualTo("{\"version\":\"7.24.0\"}");
    assertThat(rest.send("GET", "/engine-rest/engine", user, null).body())
        .isEqualTo("[{\"name\":\"default\"}]");
    assertThat(rest.send("GET", "/engine-rest/engine", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void z2_aUserReadsTheirOwnGroupsButNotOthers() throws Exception {
    String[] admin = rest.newAdmin();
    String[] dora = rest.newUser("dora");
    String group = "g-" + RestTestClient.suffix();
    engine.identityService().createGroup(RestTestClient.SETUP, group, "Claims team");
    engine.identityService().addMembership(RestTestClient.SETUP, dora[0], group);

    JsonNode own =
        json(rest.send("GET", "/engine-rest/identity/groups?userId=" + dora[0], dora, null));
    assertThat(own.get("groups").toString())
        .isEqualTo("[{\"id\":\"" + group + "\",\"name\":\"Claims team\"}]");
    assertThat(own.get("groupUsers").isArray()).isTrue();
    JsonNode others =
        json(rest.send("GET", "/engine-rest/identity/groups?userId=" + admin[0], dora, null));
    assertThat(others.get("groups").size()).isZero();
    assertThat(rest.send("GET", "/engine-rest/identity/groups", dora, null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void a6_verifyChecksPasswordsAndRevealsNoAccounts() throws Exception {
    String[] caller = rest.newUser("caller");
    String[] dora = rest.newUser("dora");
    HttpResponse<String> right =
        rest.send(
            "POST",
            "/engine-rest/identity/verify",
            caller,
            "{\"username\":\"" + dora[0] + "\",\"password\":\"" + dora[1] + "\"}");
    assertThat(right.body())
        .isEqualTo("{\"authenticatedUser\":\"" + dora[0] + "\",\"authenticated\":true}");
    HttpResponse<String> wrong =
        rest.send(
            "POST",
            "/engine-rest/identity/verify",
            caller,
            "{\"username\":\"" + dora[0] + "\",\"password\":\"Wrong-Horse-Battery-93\"}");
    assertThat(wrong.body())
        .isEqualTo("{\"authenticatedUser\":\"" + dora[0] + "\",\"authenticated\":false}");
    HttpResponse<String> unknown =
        rest.send(
            "POST",
            "/engine-rest/identity/verify",
            caller,
            "{\"username\":\"nobody-here\",\"password\":\"Wrong-Horse-Battery-93\"}");
    assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode());
    assertThat(unknown.body())
        .isEqualTo("{\"authenticatedUser\":\"nobody-here\",\"authenticated\":false}");
    assertThat(
            rest.send("POST", "/engine-rest/identity/verify", caller, "{\"username\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
  }
}

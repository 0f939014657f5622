package io.bulwark.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of what Bulwark serves (issue 14, item 10): generated from the controllers,
 * for authenticated callers only, and every operation in it is Camunda's or a listed difference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

  private static final String PATH = "/engine-rest/openapi.json";
  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;

  @Test
  void a1_documentNeedsAuthentication() throws Exception {
    HttpResponse<String> answer = get(PATH, null);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(404);
    assertThat(get("/swagger-ui.html", null).statusCode()).isEqualTo(404);
  }

  @Test
  void documentListsExactlyTheServedOperationsAndNoOthers() throws Exception {
    String[] user = newUser();
    HttpResponse<String> answer = get(PATH, user);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode document = JsonMapper.builder().build().readTree(answer.body());
    assertThat(document.get("openapi").asString()).startsWith("3.0");
    assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
    List<String> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        operations.add(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
      }
    }
    assertThat(operations)
        .contains(
            "POST /engine-rest/user/create",
            "GET /engine-rest/user/{id}/profile",
            "GET /engine-rest/group/count",
            "PUT /engine-rest/tenant/{id}/user-members/{userId}")
        .allSatisfy(
            operation ->
                assertThat(operation).startsWith(operation.split(" ")[0] + " /engine-rest/"));
    CamundaOpenApi camunda = CamundaOpenApi.get();
    for (String operation : operations) {
      String[] parts = operation.split(" ", 2);
      assertThat(camunda.knows(parts[0], parts[1]))
          .as(operation + " is neither Camunda's nor listed in camunda-differences.json")
          .isTrue();
    }
  }

  private HttpResponse<String> get(String path, String[] user) throws Exception {
    ServerEndpoint server = ServerEndpoint.of(context);
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
    }
    return server.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An ordinary user without any grant: the document is for every authenticated caller. */
  private String[] newUser() {
    String id = "reader-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    return new String[] {id, password};
  }
}

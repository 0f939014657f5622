package io.bulwark.server.rest.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camunda 7's password policy endpoints (A4) over real HTTPS to the running server: the rules, and
 * which ones a candidate breaks, without storing anything; authenticated like all of /engine-rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordPolicyApiIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String PATH = "/engine-rest/identity/password-policy";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  ServerEndpoint server;
  HttpClient client;
  String basic;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
    String id = "policy-user-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a4_getAnswersTheRulesInCamundaShape() throws Exception {
    HttpResponse<String> answer = send("GET", null, basic);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode rules = JSON.readTree(answer.body()).get("rules");
    assertThat(rules.get(0).get("placeholder").stringValue()).isEqualTo("PASSWORD_POLICY_LENGTH");
    assertThat(rules.get(0).get("parameter").get("minLength").stringValue()).isEqualTo("12");
    assertThat(answer.body())
        .contains("{\"placeholder\":\"PASSWORD_POLICY_COMMON_PASSWORD\",\"parameter\":null}")
        .contains("\"PASSWORD_POLICY_MAX_LENGTH\",\"parameter\":{\"maxLength\":\"128\"}");
  }

  @Test
  void a4_postTellsWhichRulesACandidateBreaksAndStoresNothing() throws Exception {
    PasswordStorage before = engine.identityService().passwordStorage();

    HttpResponse<String> refused =
        send("POST", "{\"password\":\"Password1234\",\"profile\":{\"id\":\"password\"}}", basic);
    assertThat(refused.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(refused.body());
    assertThat(body.get("valid").booleanValue()).isFalse();
    assertThat(verdict(body, "PASSWORD_POLICY_COMMON_PASSWORD")).isFalse();
    assertThat(verdict(body, "PASSWORD_POLICY_NOT_CONTAINING_USER_ID")).isFalse();
    assertThat(verdict(body, "PASSWORD_POLICY_LENGTH")).isTrue();

    HttpResponse<String> accepted =
        send(
            "POST",
            "{\"password\":\"river otter lamp quartz\","
                + "\"profile\":{\"id\":\"jdoe\",\"firstName\":\"John\",\"lastName\":\"Doe\"}}",
            basic);
    assertThat(JSON.readTree(accepted.body()).get("valid").booleanValue()).isTrue();

    HttpResponse<String> ownName =
        send(
            "POST",
            "{\"password\":\"johnathan riverbank 7\",\"profile\":{\"firstName\":\"Johnathan\"}}",
            basic);
    assertThat(verdict(JSON.readTree(ownName.body()), "PASSWORD_POLICY_NOT_CONTAINING_USER_NAME"))
        .isFalse();

    assertThat(engine.identityService().passwordStorage()).isEqualTo(before);
  }

  @Test
  void a4_badBodyIsAProblemAndNoCredentialsIsUnauthorized() throws Exception {
    HttpResponse<String> notJson = send("POST", "password=Password1234", basic);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    assertThat(notJson.body()).doesNotContain("Password1234", "Exception", "at io.");

    assertThat(send("POST", "{\"password\":12}", basic).statusCode()).isEqualTo(400);
    assertThat(send("GET", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "{\"password\":\"x\"}", null).statusCode()).isEqualTo(401);
  }

  private static boolean verdict(JsonNode body, String placeholder) {
    for (JsonNode rule : body.get("rules")) {
      if (rule.get("placeholder").stringValue().equals(placeholder)) {
        return rule.get("valid").booleanValue();
      }
    }
    throw new AssertionError("no rule " + placeholder + " in " + body);
  }

  private HttpResponse<String> send(String method, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(PATH))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

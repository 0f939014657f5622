package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The token endpoint as an OAuth 2.0 client-credentials endpoint (RFC 6749 sections 4.4, 5.1, 5.2)
 * and token revocation (RFC 7009), over real HTTPS (A9).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthTokenIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String TOKEN_PATH = "/engine-rest/identity/token";
  private static final String REVOKE_PATH = "/engine-rest/identity/revoke";
  private static final String API_PATH = "/engine-rest/version";
  private static final Pattern ANSWER =
      Pattern.compile(
          "\\{\"access_token\":\"([A-Za-z0-9_-]{43})\",\"token_type\":\"Bearer\","
              + "\"expires_in\":900}");

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  ServerEndpoint server;
  HttpClient client;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  @Test
  void a9_clientCredentialsGrantIssuesAStandardTokenAnswer() throws Exception {
    String[] user = newUser();
    HttpResponse<String> answer = form(TOKEN_PATH, basic(user), "grant_type=client_credentials");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answer.headers().firstValue("Pragma")).hasValue("no-cache");
    Matcher token = ANSWER.matcher(answer.body());
    assertThat(token.matches()).as(answer.body()).isTrue();
    assertThat(get(API_PATH, "Bearer " + token.group(1)).statusCode()).isEqualTo(200);
  }

  @Test
  void a9_errorsHaveTheShapesOfRfc6749() throws Exception {
    String[] user = newUser();
    assertError(
        form(TOKEN_PATH, basic(user[0], "not the password"), "grant_type=client_credentials"),
        401,
        "invalid_client");
    assertError(form(TOKEN_PATH, null, "grant_type=client_credentials"), 401, "invalid_client");
    assertError(
        form(TOKEN_PATH, basic(user), "grant_type=password"), 400, "unsupported_grant_type");
    assertError(form(TOKEN_PATH, basic(user), "scope=all"), 400, "invalid_request");
    assertError(
        form(TOKEN_PATH, basic(user), "grant_type=client_credentials&scope=all"),
        400,
        "invalid_scope");
    assertError(
        form(
            TOKEN_PATH, basic(user), "grant_type=client_credentials&grant_type=client_credentials"),
        400,
        "invalid_request");
    assertError(
        form(TOKEN_PATH, basic(user), "grant_type=client_credentials&client_secret=x"),
        400,
        "invalid_request");
    HttpResponse<String> unauthorized = form(TOKEN_PATH, null, "grant_type=client_credentials");
    assertThat(unauthorized.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"bulwark\", charset=\"UTF-8\"");
  }

  @Test
  void a9_revocationPerRfc7009() throws Exception {
    String[] user = newUser();
    String token = issue(user);
    String[] other = newUser();
    String othersToken = issue(other);

    HttpResponse<String> revoked = form(REVOKE_PATH, basic(user), "token=" + token);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.body()).isEmpty();
    assertThat(revoked.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(get(API_PATH, "Bearer " + token).statusCode()).isEqualTo(401);

    // Unknown, already revoked, and another user's token: the same 200; the other token lives.
    assertThat(form(REVOKE_PATH, basic(user), "token=" + token).statusCode()).isEqualTo(200);
    assertThat(form(REVOKE_PATH, basic(user), "token=no-such-token").statusCode()).isEqualTo(200);
    assertThat(
            form(REVOKE_PATH, basic(user), "token=" + othersToken + "&token_type_hint=access_token")
                .statusCode())
        .isEqualTo(200);
    assertThat(get(API_PATH, "Bearer " + othersToken).statusCode()).isEqualTo(200);

    // A token revokes itself with bearer authentication too.
    assertThat(form(REVOKE_PATH, "Bearer " + othersToken, "token=" + othersToken).statusCode())
        .isEqualTo(200);
    assertThat(get(API_PATH, "Bearer " + othersToken).statusCode()).isEqualTo(401);

    assertError(
        form(REVOKE_PATH, basic(user), "token_type_hint=access_token"), 400, "invalid_request");
    assertError(form(REVOKE_PATH, null, "token=" + token), 401, "invalid_client");
  }

  private static void assertError(HttpResponse<String> answer, int status, String error) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answer.body()).startsWith("{\"error\":\"" + error + "\",\"error_description\":\"");
  }

  private String issue(String[] user) throws Exception {
    Matcher token =
        ANSWER.matcher(form(TOKEN_PATH, basic(user), "grant_type=client_credentials").body());
    assertThat(token.matches()).isTrue();
    return token.group(1);
  }

  private HttpResponse<String> form(String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.uri(path)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String[] user) {
    return basic(user[0], user[1]);
  }

  private static String basic(String userId, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String[] newUser() {
    String id = "oauth-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "OAuth client", secret, PasswordChange.NOT_REQUIRED));
    }
    return new String[] {id, password};
  }
}

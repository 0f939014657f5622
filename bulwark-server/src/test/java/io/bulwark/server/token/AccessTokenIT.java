package io.bulwark.server.token;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.config.ServerSettings;
import io.bulwark.server.engine.EmbeddedDatabaseAccess;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Bearer access tokens on the integration API (A9), over real HTTPS to the running server with its
 * embedded H2 database. Users are disabled with SQL on the same database, so that the token check
 * is seen to read the user's state on every request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTokenIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String TOKEN_PATH = "/engine-rest/identity/token";
  private static final String API_PATH = "/engine-rest/version";
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\{\"access_token\":\"([A-Za-z0-9_-]{43})\",\"token_type\":\"Bearer\","
              + "\"expires_in\":900}");

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  @Autowired ServerSettings serverSettings;
  ServerEndpoint server;
  HttpClient client;
  final List<HttpResponse<String>> answers = new ArrayList<>();

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  @Test
  void a9_tokenIssuedWithBasicAndAcceptedAsBearer() throws Exception {
    assertThat(server.uri("/").getScheme()).isEqualTo("https");
    String[] user = newUser(PasswordChange.NOT_REQUIRED);

    HttpResponse<String> issued = send("POST", TOKEN_PATH, basic(user[0], user[1]));
    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(issued.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
    assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
    String token = tokenOf(issued);

    // Authenticated: past the security chain to the resource.
    HttpResponse<String> used = send("GET", API_PATH, bearer(token));
    assertThat(used.statusCode()).isEqualTo(200);
    assertThat(send("GET", API_PATH, basic(user[0], "wrong password!")).statusCode())
        .isEqualTo(401);
    assertThat(send("DELETE", TOKEN_PATH, bearer(token)).statusCode()).isEqualTo(204);
  }

  @Test
  void a9_unauthenticatedApiRequestIsOfferedBasicAndBearer() throws Exception {
    HttpResponse<String> api =
        client.send(
            HttpRequest.newBuilder(server.uri(API_PATH)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> internal =
        client.send(
            HttpRequest.newBuilder(server.uri("/internal/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().allValues("WWW-Authenticate"))
        .containsExactly("Basic realm=\"bulwark\", charset=\"UTF-8\"", "Bearer realm=\"bulwark\"");
    // Tokens are for the integration API only: the internal services offer Basic alone.
    assertThat(internal.statusCode()).isEqualTo(401);
    assertThat(internal.headers().allValues("WWW-Authenticate"))
        .containsExactly("Basic realm=\"bulwark\", charset=\"UTF-8\"");
  }

  @Test
  void a9_revokedTokenIsRefused() throws Exception {
    String token = issueToken(newUser(PasswordChange.NOT_REQUIRED));
    assertThat(send("DELETE", TOKEN_PATH, bearer(token)).statusCode()).isEqualTo(204);

    assertRefused(send("GET", API_PATH, bearer(token)));
    assertRefused(send("DELETE", TOKEN_PATH, bearer(token)));
  }

  @Test
  void a9_expiredTokenIsRefused() throws Exception {
    String[] user = newUser(PasswordChange.NOT_REQUIRED);
    String token = issueToken(user);
    assertThat(send("GET", API_PATH, bearer(token)).statusCode()).isEqualTo(200);
    // The engine test moves a clock; here the stored expiry is moved into the past.
    sql(
        "UPDATE bw_access_token SET expires = created - INTERVAL '1' SECOND WHERE user_id = ?",
        user[0]);

    assertRefused(send("GET", API_PATH, bearer(token)));
  }

  @Test
  void a9_deletedUsersTokenIsRefusedAtOnce() throws Exception {
    String[] user = newUser(PasswordChange.NOT_REQUIRED);
    String token = issueToken(user);
    assertThat(send("GET", API_PATH, bearer(token)).statusCode()).isEqualTo(200);

    sql("DELETE FROM bw_user WHERE id = ?", user[0]);
    assertRefused(send("GET", API_PATH, bearer(token)));
  }

  @Test
  void a9_disabledUsersTokenIsRefusedAtOnce() throws Exception {
    String[] user = newUser(PasswordChange.NOT_REQUIRED);
    String token = issueToken(user);
    assertThat(send("GET", API_PATH, bearer(token)).statusCode()).isEqualTo(200);

    sql("UPDATE bw_user SET disabled = TRUE WHERE id = ?", user[0]);
    assertRefused(send("GET", API_PATH, bearer(token)));
  }

  @Test
  void a9_unknownAndMalformedTokensAreRefused() throws Exception {
    for (String token : List.of("x".repeat(43), "not a token", "", "a.b.c")) {
      assertRefused(send("GET", API_PATH, bearer(token).strip()));
    }
  }

  @Test
  void a2_userWhoMustChangePasswordGetsNoToken() throws Exception {
    String[] user = newUser(PasswordChange.REQUIRED);
    HttpResponse<String> answer = send("POST", TOKEN_PATH, basic(user[0], user[1]));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body())
        .contains("one-time password must be changed first")
        .doesNotContain("access_token");
  }

  @Test
  void a9_bearerTokenCannotBeExchangedForAnother() throws Exception {
    String token = issueToken(newUser(PasswordChange.NOT_REQUIRED));
    HttpResponse<String> answer = send("POST", TOKEN_PATH, bearer(token));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body())
        .contains("https://bulwark.io/problems/forbidden")
        .doesNotContain("access_token");
  }

  @Test
  void w2_tokenRequestsSetNoCookies() throws Exception {
    String token = issueToken(newUser(PasswordChange.NOT_REQUIRED));
    send("GET", API_PATH, bearer(token));
    send("POST", TOKEN_PATH, bearer(token));
    send("DELETE", TOKEN_PATH, bearer(token));
    send("GET", API_PATH, bearer(token));
    send("POST", TOKEN_PATH, basic("nobody", "wrong password!"));

    assertThat(answers).hasSizeGreaterThanOrEqualTo(6);
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().allValues("Set-Cookie")).as(answer.toString()).isEmpty();
    }
  }

  @Test
  void a7_tokenEventsAreLoggedWithoutTheToken() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME);
    logger.addAppender(log);
    try {
      String[] user = newUser(PasswordChange.NOT_REQUIRED);
      String token = issueToken(user);
      send("DELETE", TOKEN_PATH, bearer(token));
      send("GET", API_PATH, bearer(token));

      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .anyMatch(entry("event", "token_issued", "principal", user[0]))
          .anyMatch(entry("event", "token_revoked", "principal", user[0]))
          .anyMatch(entry("event", "token_refused", "reason", "unknown"))
          .noneMatch(line -> line.contains(token));
    } finally {
      logger.detachAppender(log);
    }
  }

  private void assertRefused(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json;charset=UTF-8");
    assertThat(answer.body()).contains("https://bulwark.io/problems/unauthorized");
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
  }

  private String issueToken(String[] user) throws Exception {
    HttpResponse<String> issued = send("POST", TOKEN_PATH, basic(user[0], user[1]));
    assertThat(issued.statusCode()).isEqualTo(200);
    return tokenOf(issued);
  }

  private static String tokenOf(HttpResponse<String> answer) {
    Matcher matcher = TOKEN.matcher(answer.body());
    assertThat(matcher.matches()).as(answer.body()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> send(String method, String path, String authorization)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", authorization)
            .build();
    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
    answers.add(answer);
    return answer;
  }

  private static String basic(String userId, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  /** Creates a user; returns its ID and password. */
  private String[] newUser(PasswordChange passwordChange) {
    String id = "api-user-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Test " + id, secret, passwordChange));
    }
    return new String[] {id, password};
  }

  /** Runs SQL on the server's embedded H2 database, in this JVM beside the server's pool. */
  private void sql(String statement, String userId) throws SQLException {
    try (Connection c = EmbeddedDatabaseAccess.connect(serverSettings.dataDir());
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, userId);
      assertThat(ps.executeUpdate()).isPositive();
    }
  }
}

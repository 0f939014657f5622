package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.auth.LoopbackClient.Answer;
import io.bulwark.testing.db.PostgresTest;
import io.bulwark.testing.db.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two servers on one PostgreSQL database, as a cluster runs (A5, A10): what happens on one node
 * takes effect on the other's very next request, because neither caches authentication. Each node
 * has its own data directory (certificate) and keeps its web sessions in its own memory.
 */
class TwoNodeRevocationIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([A-Za-z0-9_-]{43})\"");
  private static final String API = "/engine-rest/version";

  @TempDir Path dir;

  private ConfigurableApplicationContext node(String name, TestDatabase db) throws Exception {
    Path passwordFile = dir.resolve("db-password");
    if (!Files.exists(passwordFile)) {
      Files.writeString(passwordFile, db.password() + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }
    return BulwarkServerApplication.start(
        "--server.port=0",
        "--bulwark.data-dir=" + dir.resolve(name),
        "--bulwark.database.url=" + db.jdbcUrl(),
        "--bulwark.database.username=" + db.username(),
        "--bulwark.database.password-file=" + passwordFile,
        "--bulwark.login-throttle.delay=PT0.01S",
        "--bulwark.login-throttle.max-delay=PT0.01S");
  }

  @Test
  @PostgresTest
  void a10_changesOnOneNodeEndSessionsAndTokensOnTheOtherAtTheNextRequest(TestDatabase db)
      throws Exception {
    try (ConfigurableApplicationContext nodeA = node("a", db);
        ConfigurableApplicationContext nodeB = node("b", db)) {
      URI a = TestServer.baseUri(nodeA.getEnvironment());
      URI b = TestServer.baseUri(nodeB.getEnvironment());
      String user = "clustered-" + UUID.randomUUID().toString().substring(0, 8);
      String password = "Tq7!" + UUID.randomUUID();
      createUser(nodeA, user, password);

      TestHttpClient browserOnA = new TestHttpClient(a);
      browserOnA.signIn(user, password);
      assertThat(browserOnA.get("/app/").statusCode()).isEqualTo(200);
      LoopbackClient apiOnA = new LoopbackClient(a, "127.0.0.31");
      String token = token(apiOnA, user, password);
      assertThat(bearer(apiOnA, token).status()).isEqualTo(200);

      // The password changes on node B: the session on node A ends at its next request.
      TestHttpClient browserOnB = new TestHttpClient(b);
      browserOnB.signIn(user, password);
      String newPassword = "Tq7!" + UUID.randomUUID();
      HttpResponse<String> changed =
          browserOnB.submit(
              "/app/password",
              "/app/password",
              Map.of("current", password, "next", newPassword, "repeat", newPassword));
      assertThat(changed.statusCode()).isEqualTo(302);
      assertThat(browserOnB.get("/app/").statusCode()).isEqualTo(200);
      HttpResponse<String> ended = browserOnA.get("/app/");
      assertThat(ended.statusCode()).isEqualTo(302);
      assertThat(TestHttpClient.location(ended)).endsWith("/app/login?expired");

      // The user is disabled (through the shared database): both nodes refuse at once.
      LoopbackClient apiOnB = new LoopbackClient(b, "127.0.0.32");
      String tokenOnB = token(apiOnB, user, newPassword);
      assertThat(bearer(apiOnB, tokenOnB).status()).isEqualTo(200);
      sql(db, "UPDATE bw_user SET disabled = TRUE, revision = revision + 1 WHERE id = ?", user);
      assertThat(bearer(apiOnA, token).status()).isEqualTo(401);
      assertThat(bearer(apiOnB, tokenOnB).status()).isEqualTo(401);
      assertThat(browserOnB.get("/app/").statusCode()).isEqualTo(302);
    }
  }

  @Test
  @PostgresTest
  void a10_sessionsListedAndEndedThroughOneNodeEndOnTheOther(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext nodeA = node("a", db);
        ConfigurableApplicationContext nodeB = node("b", db)) {
      URI a = TestServer.baseUri(nodeA.getEnvironment());
      URI b = TestServer.baseUri(nodeB.getEnvironment());
      String user = "clustered-" + UUID.randomUUID().toString().substring(0, 8);
      String password = "Tq7!" + UUID.randomUUID();
      createUser(nodeA, user, password);
      String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
      createUser(nodeA, admin, password);
      nodeA
          .getBean(BulwarkEngine.class)
          .identityService()
          .addMembership(ADMIN, admin, IdentityService.ADMINISTRATORS_GROUP);

      TestHttpClient laptopOnA = new TestHttpClient(a);
      laptopOnA.signIn(user, password);
      TestHttpClient phoneOnB = new TestHttpClient(b);
      phoneOnB.signIn(user, password);

      // The user sees both sessions on node B's profile page and ends the one on node A.
      String page = phoneOnB.get("/app/account/profile").body();
      Matcher other = Pattern.compile("name=\"handle\" value=\"([0-9a-f]{32})\"").matcher(page);
      assertThat(other.find()).as("the session on node A is listed on node B").isTrue();
      assertThat(laptopOnA.get("/app/").statusCode()).isEqualTo(200);
      phoneOnB.submit(
          "/app/account/profile",
          "/app/account/profile/sessions/end",
          Map.of("handle", other.group(1)));
      assertThat(TestHttpClient.location(laptopOnA.get("/app/"))).endsWith("/app/login?expired");
      assertThat(phoneOnB.get("/app/").statusCode()).isEqualTo(200);

      // An administrator on node A ends every session of the user: the one on node B ends.
      LoopbackClient adminOnA = new LoopbackClient(a, "127.0.0.35");
      Answer listed =
          adminOnA.send(
              "GET",
              "/engine-rest/user/" + user + "/sessions",
              Map.of("Authorization", LoopbackClient.basic(admin, password)),
              null);
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.body()).contains("\"handle\":").doesNotContain(other.group(1));
      Answer ended =
          adminOnA.send(
              "DELETE",
              "/engine-rest/user/" + user + "/sessions",
              Map.of("Authorization", LoopbackClient.basic(admin, password)),
              null);
      assertThat(ended.status()).isEqualTo(204);
      assertThat(TestHttpClient.location(phoneOnB.get("/app/"))).endsWith("/app/login?expired");
    }
  }

  @Test
  @PostgresTest
  void a5_failuresCountedOnOneNodeLockTheAccountOnTheOther(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext nodeA = node("a", db);
        ConfigurableApplicationContext nodeB = node("b", db)) {
      String user = "clustered-" + UUID.randomUUID().toString().substring(0, 8);
      String password = "Tq7!" + UUID.randomUUID();
      createUser(nodeA, user, password);
      LoopbackClient attackerOnA =
          new LoopbackClient(TestServer.baseUri(nodeA.getEnvironment()), "127.0.0.33");
      for (int i = 0; i < 10; i++) {
        basic(attackerOnA, user, "wrong " + i);
      }
      URI b = TestServer.baseUri(nodeB.getEnvironment());
      assertThat(basic(new LoopbackClient(b, "127.0.0.33"), user, password).status())
          .isEqualTo(401);
      assertThat(basic(new LoopbackClient(b, "127.0.0.34"), user, password).status())
          .isEqualTo(200);
    }
  }

  private static void createUser(ConfigurableApplicationContext node, String id, String password) {
    try (Secret secret = Secret.of(password)) {
      node.getBean(BulwarkEngine.class)
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Clustered", secret, PasswordChange.NOT_REQUIRED));
    }
  }

  private static String token(LoopbackClient client, String user, String password)
      throws Exception {
    Answer answer = basic(client, user, password);
    Matcher matcher = TOKEN.matcher(answer.body());
    assertThat(matcher.find()).as(answer.body()).isTrue();
    return matcher.group(1);
  }

  private static Answer basic(LoopbackClient client, String user, String password)
      throws Exception {
    return client.send(
        "POST",
        "/engine-rest/identity/token",
        Map.of("Authorization", LoopbackClient.basic(user, password)),
        "");
  }

  private static Answer bearer(LoopbackClient client, String token) throws Exception {
    return client.send("GET", API, Map.of("Authorization", "Bearer " + token), null);
  }

  private static void sql(TestDatabase db, String statement, String parameter) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, parameter);
      ps.executeUpdate();
    }
  }
}

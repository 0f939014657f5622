package io.bulwark.server.auth;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.server.auth.LoopbackClient.Answer;
import io.bulwark.server.ldap.TestDirectoryServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * LDAP end to end (A8, A5, A6, T7): the server with an in-process directory over LDAPS (certificate
 * and host name verified), signed into over HTTPS with the login form and with Basic on the
 * integration API. A directory user locked by {@code nsAccountLock} (the default "disabled" filter,
 * nothing configured) gets exactly the answer of a wrong password; directory users are throttled
 * like database users; the members of directory group {@code engineers}, mapped to {@code
 * bulwark-admins}, hold that group's grants. Its own server: the delays between failures are cut to
 * 10 ms so that an account reaches its lock within the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.login-throttle.delay=PT0.01S",
      "bulwark.login-throttle.max-delay=PT0.01S",
      "bulwark.ldap.mapped-groups[engineers]=bulwark-admins"
    })
class LdapSignInIT {

  private static final String TASKS_PATH = "/engine-rest/task?maxResults=1";
  private static final String BASE = TestDirectoryServer.BASE;

  private static TestDirectoryServer ldap;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    ldap = TestDirectoryServer.start();
    registry.add("bulwark.ldap.url", () -> "ldaps://localhost:" + ldap.ldapsPort());
    registry.add("bulwark.ldap.trust-certificates", () -> ldap.trustedCertificates().toString());
    registry.add("bulwark.ldap.bind-dn", () -> TestDirectoryServer.SERVICE_DN);
    registry.add("bulwark.ldap.bind-password-file", () -> ldap.bindPasswordFile().toString());
    registry.add("bulwark.ldap.user-base-dn", () -> "ou=people," + BASE);
    registry.add("bulwark.ldap.group-base-dn", () -> "ou=groups," + BASE);
  }

  @AfterAll
  static void stopDirectory() {
    ldap.close();
  }

  @Autowired Environment environment;
  private URI base;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    base = TestServer.baseUri(environment);
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
  }

  @Test
  void a8_directoryUserSignsInWithTheLoginForm() throws Exception {
    LoopbackClient browser = new LoopbackClient(base, "127.0.0.31");
    String csrf = TestHttpClient.csrfToken(browser.get("/app/login").body());

    Answer signedIn = formLogin(browser, csrf, "ada", TestDirectoryServer.ADA_PASSWORD);

    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location").orElseThrow()).doesNotContain("error");
    Answer home = browser.get("/app/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("<strong id=\"signed-in-user\">ada</strong>");
    assertThat(lines())
        .anyMatch(entry("event", "login_success", "principal", "ada", "channel", "web"));
  }

  @Test
  void a8_directoryUserAuthenticatesWithBasicOnTheIntegrationApi() throws Exception {
    Answer tasks =
        basicGet(new LoopbackClient(base, "127.0.0.32"), "ada", TestDirectoryServer.ADA_PASSWORD);

    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
    assertThat(lines())
        .anyMatch(entry("event", "login_success", "principal", "ada", "channel", "api"));
  }

  @Test
  void a8_z2_aMappedDirectoryGroupGivesItsMembersTheBulwarkGroupsGrants() throws Exception {
    LoopbackClient api = new LoopbackClient(base, "127.0.0.37");
    String ada = LoopbackClient.basic("ada", TestDirectoryServer.ADA_PASSWORD);

    Answer group =
        api.send("GET", "/engine-rest/group/bulwark-admins", Map.of("Authorization", ada), null);
    Answer unlock =
        api.send("POST", "/engine-rest/user/nobody/unlock", Map.of("Authorization", ada), "");

    assertThat(group.status()).as(group.body()).isEqualTo(200);
    assertThat(unlock.status()).as("an administrator's answer: no such user").isEqualTo(404);
  }

  @Test
  void a8_a6_lockedDirectoryUserGetsTheAnswerOfAWrongPassword() throws Exception {
    LoopbackClient api = new LoopbackClient(base, "127.0.0.33");
    Answer wrong = basicGet(api, "mallory", "not-the-password-42");
    Answer right = basicGet(api, "mallory", TestDirectoryServer.MALLORY_PASSWORD);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(right.comparable()).isEqualTo(wrong.comparable());

    LoopbackClient browser = new LoopbackClient(base, "127.0.0.34");
    String csrf = TestHttpClient.csrfToken(browser.get("/app/login").body());
    Answer wrongForm = formLogin(browser, csrf, "mallory", "not-the-password-42");
    Answer rightForm = formLogin(browser, csrf, "mallory", TestDirectoryServer.MALLORY_PASSWORD);
    assertThat(wrongForm.header("Location").orElseThrow()).endsWith("/app/login?error");
    assertThat(rightForm.comparable()).isEqualTo(wrongForm.comparable());

    assertThat(lines())
        .anyMatch(entry("event", "login_failure", "principal", "mallory", "reason", "disabled"));
  }

  @Test
  void a5_directoryUserIsThrottledAndSignsInFromAnotherAddress() throws Exception {
    LoopbackClient attacker = new LoopbackClient(base, "127.0.0.35");
    List<Answer> wrong = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      wrong.add(basicGet(attacker, "ada", "wrong password " + i));
    }
    Answer right = basicGet(attacker, "ada", TestDirectoryServer.ADA_PASSWORD);

    assertThat(wrong).extracting(Answer::comparable).containsOnly(wrong.get(0).comparable());
    assertThat(right.comparable()).isEqualTo(wrong.get(0).comparable());
    assertThat(lines()).anyMatch(entry("event", "lockout", "principal", "ada", "channel", "api"));
    Answer victim =
        basicGet(new LoopbackClient(base, "127.0.0.36"), "ada", TestDirectoryServer.ADA_PASSWORD);
    assertThat(victim.status()).isEqualTo(200);
  }

  @Test
  void a8_a9_directoryUserGetsUsesAndRevokesAnAccessToken() throws Exception {
    ldap.addUser("grace", "Grace-Compiler-Pioneer-1952", "engineers");
    LoopbackClient client = new LoopbackClient(base, "127.0.0.38");

    String token = issueToken(client, "grace", "Grace-Compiler-Pioneer-1952");
    Answer tasks = bearerGet(client, token);
    Answer group =
        client.send(
            "GET",
            "/engine-rest/group/bulwark-admins",
            Map.of("Authorization", "Bearer " + token),
            null);
    Answer elsewhere = bearerGet(new LoopbackClient(base, "127.0.0.39"), token);
    Answer revoke =
        client.postForm(
            "/engine-rest/identity/revoke",
            Map.of("token", token),
            Map.of("Authorization", "Bearer " + token));
    Answer afterRevoke = bearerGet(client, token);

    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    assertThat(group.status()).as("mapped group engineers → bulwark-admins").isEqualTo(200);
    assertThat(elsewhere.status()).as("bound to its client address (A9)").isEqualTo(401);
    assertThat(revoke.status()).isEqualTo(200);
    assertThat(afterRevoke.status()).isEqualTo(401);
    assertThat(lines())
        .anyMatch(entry("event", "token_issued", "principal", "grace"))
        .anyMatch(entry("event", "token_revoked", "principal", "grace"));
  }

  @Test
  void a8_a10_directoryUsersTokenStopsAtItsNextUseWhenTheDirectoryLocksChangesOrForgetsThem()
      throws Exception {
    String password = "Hopper-Nanosecond-Wire-1906";
    ldap.addUser("hopper", password);
    ldap.addUser("lamarr", password);
    ldap.addUser("noether", password);
    LoopbackClient client = new LoopbackClient(base, "127.0.0.40");
    String locked = issueToken(client, "hopper", password);
    String changed = issueToken(client, "lamarr", password);
    String forgotten = issueToken(client, "noether", password);
    assertThat(bearerGet(client, locked).status()).isEqualTo(200);
    assertThat(bearerGet(client, changed).status()).isEqualTo(200);
    assertThat(bearerGet(client, forgotten).status()).isEqualTo(200);

    ldap.lock("hopper");
    ldap.setMail("lamarr", "lamarr@example.org");
    ldap.delete("noether");

    assertThat(bearerGet(client, locked).status()).isEqualTo(401);
    assertThat(bearerGet(client, changed).status()).isEqualTo(401);
    assertThat(bearerGet(client, forgotten).status()).isEqualTo(401);
    assertThat(basicGet(client, "hopper", password).status()).as("like Basic").isEqualTo(401);
    assertThat(lines())
        .anyMatch(entry("event", "token_refused", "principal", "hopper", "reason", "user_disabled"))
        .anyMatch(entry("event", "token_refused", "principal", "lamarr", "reason", "user_changed"))
        .anyMatch(entry("event", "token_refused", "principal", "noether", "reason", "unknown"));
  }

  private static String issueToken(LoopbackClient client, String user, String password)
      throws Exception {
    Answer answer =
        client.send(
            "POST",
            "/engine-rest/identity/token",
            Map.of("Authorization", LoopbackClient.basic(user, password)),
            "");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Matcher matcher = TokenBindingIT.TOKEN.matcher(answer.body());
    assertThat(matcher.find()).as(answer.body()).isTrue();
    return matcher.group(1);
  }

  private static Answer bearerGet(LoopbackClient client, String token) throws Exception {
    return client.send("GET", TASKS_PATH, Map.of("Authorization", "Bearer " + token), null);
  }

  private static Answer basicGet(LoopbackClient client, String user, String password)
      throws Exception {
    return client.send(
        "GET", TASKS_PATH, Map.of("Authorization", LoopbackClient.basic(user, password)), null);
  }

  private static Answer formLogin(LoopbackClient client, String csrf, String user, String password)
      throws Exception {
    return client.postForm(
        "/app/login", Map.of("username", user, "password", password, "_csrf", csrf), Map.of());
  }

  private List<String> lines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}

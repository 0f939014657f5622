package io.bulwark.server.auth;

import static io.bulwark.server.auth.TestHttpClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The idle timeout (A10) reaches the servlet container and is enforced there. The setting's minimum
 * is one minute; to keep the test short, the signed-in session's own inactivity limit is then cut
 * to one second through the container, which is what the setting configures.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"bulwark.session.idle-timeout=PT2M", "bulwark.session.absolute-timeout=PT1H"})
class SessionIdleTimeoutIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;
  @Autowired private ApplicationContext context;
  @Autowired private A10SessionLifetimeCheck check;

  @Test
  void a10_configuredIdleTimeoutIsTheSessionsInactivityLimit() throws Exception {
    TestHttpClient browser = signedIn();

    Session session = containerSession(browser.sessionId().orElseThrow());

    assertThat(session.getMaxInactiveInterval()).isEqualTo(120);
  }

  @Test
  void a10_idleSessionEndsAndCannotBeReplayed() throws Exception {
    TestHttpClient browser = signedIn();
    String sessionId = browser.sessionId().orElseThrow();
    assertThat(browser.get("/app/").statusCode()).isEqualTo(200);

    containerSession(sessionId).setMaxInactiveInterval(1);
    Thread.sleep(2_500);

    HttpResponse<String> idle = browser.get("/app/");
    assertThat(idle.statusCode()).isEqualTo(302);
    assertThat(location(idle)).endsWith("/app/login");
    assertThat(browser.getWithSessionCookie("/app/", sessionId).statusCode()).isEqualTo(302);
    assertThat(manager().findSession(sessionId)).isNull();
  }

  @Test
  void a10_doctorReportsTheConfiguredTimeouts() {
    Finding finding = check.run();

    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("idle timeout PT2M").contains("absolute timeout PT1H");
  }

  private TestHttpClient signedIn() {
    String id = "idle-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    TestHttpClient browser = new TestHttpClient(TestServer.baseUri(environment));
    assertThat(browser.signIn(id, password).statusCode()).isEqualTo(302);
    return browser;
  }

  private Session containerSession(String id) throws Exception {
    Session session = manager().findSession(id);
    assertThat(session).as("container session " + id).isNotNull();
    return session;
  }

  private Manager manager() {
    TomcatWebServer server =
        (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
    return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
  }
}

package io.bulwark.server.operator;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin channel of a running server (W7, A1, A7): its file is owner-only and pins the served
 * certificate; only its secret opens {@code /internal/admin}, not even a valid user credential;
 * what goes through it is logged as the operator's. Its own server and data directory, so that no
 * other test context rewrites the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminChannelIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("bulwark.data-dir", () -> dataDir.toString());
  }

  @Autowired Environment environment;
  @Autowired BulwarkEngine engine;
  private ListAppender<ILoggingEvent> log;
  private AdminChannelFile channel;
  private HttpClient client;

  @BeforeEach
  void open() throws Exception {
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(log);
    channel = AdminChannelFile.read(dataDir).orElseThrow();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", channel.certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
  }

  @Test
  void w7_channelFileIsOwnerOnlyAndNamesThisServersLoopbackPort() throws Exception {
    Path file = AdminChannelFile.path(dataDir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    assertThat(channel.uri())
        .isEqualTo(URI.create("https://127.0.0.1:" + port + "/internal/admin"));
    assertThat(channel.secret().length()).isGreaterThanOrEqualTo(43);
    assertThat(new W7AdminChannelCheck(dataDir).run().status().name()).isEqualTo("PASS");
    // The pinned certificate is the served one: the handshake above the trust store of it alone
    // succeeds.
    assertThat(send(get("/locked").header("Authorization", authorization())).statusCode())
        .isEqualTo(200);
  }

  @Test
  void w7_a1_onlyTheChannelSecretOpensTheChannel() throws Exception {
    String basicAdmin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:whatever password".getBytes(StandardCharsets.UTF_8));
    List<HttpRequest.Builder> refused =
        List.of(
            get("/locked"),
            get("/locked").header("Authorization", "Bulwark-Admin-Channel wrong-secret"),
            get("/locked").header("Authorization", basicAdmin),
            post("/users/admin/disable", "").header("Authorization", "Bearer " + secret()));
    for (HttpRequest.Builder request : refused) {
      HttpResponse<String> answer = send(request);
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.body()).contains("\"status\":401").doesNotContain("Exception");
    }
    assertThat(engine.identityService().findUser("admin").orElseThrow().disabled()).isFalse();
    assertThat(lines()).filteredOn(entry("event", "admin_channel_refused")).hasSize(4);
    assertThat(lines()).allMatch(line -> !line.contains(secret()));
  }

  @Test
  void a7_userOperationsRunAsTheOperatorAndAreLogged() throws Exception {
    HttpResponse<String> created =
        send(
            post(
                    "/users",
                    "{\"id\":\"opal\",\"firstName\":\"Opal\",\"email\":\"opal@example.org\"}")
                .header("Authorization", authorization()));
    assertThat(created.statusCode()).isEqualTo(201);
    String password = oneTimePassword(created.body());
    assertThat(engine.identityService().authenticate("opal", Secret.of(password)).outcome())
        .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);

    assertThat(
            send(post("/users/opal/disable", "").header("Authorization", authorization()))
                .statusCode())
        .isEqualTo(204);
    assertThat(engine.identityService().findUser("opal").orElseThrow().disabled()).isTrue();
    HttpResponse<String> reset =
        send(post("/users/opal/password-reset", "").header("Authorization", authorization()));
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(oneTimePassword(reset.body())).isNotEqualTo(password);

    HttpResponse<String> unknown =
        send(post("/users/nobody/unlock", "").header("Authorization", authorization()));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("user nobody not found");
    HttpResponse<String> invalid =
        send(post("/users", "{\"id\":\"-bad id\"}").header("Authorization", authorization()));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("userId");

    for (String event : List.of("user_created", "user_disabled", "password_reset_by_operator")) {
      assertThat(lines())
          .anyMatch(
              entry(
                  "event",
                  event,
                  "principal",
                  "app:cli-admin",
                  "user",
                  "opal",
                  "client",
                  "127.0.0.1"));
    }
    assertThat(lines()).allMatch(line -> !line.contains(password));
  }

  private String oneTimePassword(String json) {
    Matcher matcher = Pattern.compile("\"oneTimePassword\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return matcher.group(1);
  }

  private String secret() {
    return new String(channel.secret().reveal());
  }

  private String authorization() {
    return "Bulwark-Admin-Channel " + secret();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(channel.uri() + path)).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(channel.uri() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> lines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}

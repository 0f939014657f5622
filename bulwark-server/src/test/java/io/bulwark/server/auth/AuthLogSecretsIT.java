package io.bulwark.server.auth;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.LoopbackClient.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * A7: no password, token or session ID in any log. Drives every authentication event of the server
 * with known secrets — form logins right and wrong, a password change, logout, Basic, token issue,
 * use and revocation, throttling and lockout, unlock — with every Bulwark logger at TRACE into a
 * log file, then reads that file, the console output, and every log file and test output under
 * {@code target/}, and finds none of the secrets. Its own server (the properties make a context of
 * its own).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.login-throttle.delay=PT0.01S",
      "bulwark.login-throttle.max-delay=PT0.01S"
    })
class AuthLogSecretsIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([A-Za-z0-9_-]{43})\"");
  private static final Path LOG_FILE = Path.of("target/auth-log-secrets-it/bulwark.log");

  @Autowired Environment environment;
  @Autowired BulwarkEngine engine;

  private final List<String> secrets = new ArrayList<>();
  private String user;
  private String admin;

  @Test
  void a7_noPasswordTokenOrSessionIdInAnyLog(CapturedOutput output) throws Exception {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    FileAppender<ILoggingEvent> file = fileAppender(logging);
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(file);
    logging.getLogger("bulwark").setLevel(Level.TRACE);
    logging.getLogger("io.bulwark").setLevel(Level.TRACE);
    try {
      driveEveryEvent();
    } finally {
      root.detachAppender(file);
      file.stop();
      logging.getLogger("bulwark").setLevel(null);
      logging.getLogger("io.bulwark").setLevel(null);
    }
    List<String> logged = Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8);
    assertThat(logged)
        .anyMatch(entry("event", "login_failure", "reason", "wrong_password"))
        .anyMatch(entry("event", "login_failure", "reason", "unknown_user"))
        .anyMatch(entry("event", "login_success", "principal", user))
        .anyMatch(entry("event", "password_changed", "principal", user))
        .anyMatch(entry("event", "logout", "principal", user))
        .anyMatch(entry("event", "token_issued", "principal", user))
        .anyMatch(entry("event", "token_revoked", "principal", user))
        .anyMatch(entry("event", "token_refused", "reason", "unknown"))
        .anyMatch(entry("event", "login_throttled", "principal", user))
        .anyMatch(entry("event", "lockout", "principal", user))
        .anyMatch(entry("event", "unlock", "principal", admin, "user", user));

    List<Path> files = new ArrayList<>(logFilesUnder(Path.of("target")));
    assertThat(files).contains(LOG_FILE);
    for (Path path : files) {
      String text = Files.readString(path, StandardCharsets.ISO_8859_1);
      assertThat(secrets)
          .as("secrets in " + path)
          .allSatisfy(s -> assertThat(text).doesNotContain(s));
    }
    String console = output.getAll();
    assertThat(console).contains("\"event\":\"login_success\"");
    assertThat(secrets).allSatisfy(s -> assertThat(console).doesNotContain(s));
  }

  private static FileAppender<ILoggingEvent> fileAppender(LoggerContext logging)
      throws IOException {
    Files.createDirectories(LOG_FILE.getParent());
    Files.deleteIfExists(LOG_FILE);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logging);
    encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger %X %msg%n%ex");
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(logging);
    file.setName("auth-log-secrets-it");
    file.setFile(LOG_FILE.toString());
    file.setEncoder(encoder);
    file.start();
    return file;
  }

  private void driveEveryEvent() throws Exception {
    URI base = TestServer.baseUri(environment);
    user = "logged-" + UUID.randomUUID().toString().substring(0, 8);
    String password = secret("Tq7!" + UUID.randomUUID());
    admin = "logadmin-" + UUID.randomUUID().toString().substring(0, 8);
    String adminPassword = secret("Tq7!" + UUID.randomUUID());
    createUser(user, password);
    createUser(admin, adminPassword);
    engine.identityService().addMembership(ADMIN, admin, IdentityService.ADMINISTRATORS_GROUP);

    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(user, secret("wrong-" + UUID.randomUUID()));
    browser.signIn("nobody-" + user, secret("unknown-" + UUID.randomUUID()));
    browser.signIn(user, password);
    secret(browser.sessionId().orElseThrow());
    String newPassword = secret("Tq7!" + UUID.randomUUID());
    browser.submit(
        "/app/password",
        "/app/password",
        Map.of("current", password, "next", newPassword, "repeat", newPassword));
    secret(browser.sessionId().orElseThrow());
    browser.submit("/app/", "/app/logout", Map.of());

    LoopbackClient api = new LoopbackClient(base, "127.0.0.21");
    Answer issued = token(api, user, newPassword);
    Matcher token = TOKEN.matcher(issued.body());
    assertThat(token.find()).as(issued.body()).isTrue();
    String bearer = secret(token.group(1));
    api.send(
        "GET",
        "/engine-rest/process-definition",
        Map.of("Authorization", "Bearer " + bearer),
        null);
    api.send(
        "DELETE", "/engine-rest/identity/token", Map.of("Authorization", "Bearer " + bearer), null);
    api.send(
        "GET",
        "/engine-rest/process-definition",
        Map.of("Authorization", "Bearer " + bearer),
        null);

    LoopbackClient attacker = new LoopbackClient(base, "127.0.0.22");
    for (int i = 0; i < 12; i++) {
      token(attacker, user, secret("guess-" + i + "-" + UUID.randomUUID()));
    }
    api.send(
        "POST",
        "/engine-rest/user/" + user + "/unlock",
        Map.of("Authorization", LoopbackClient.basic(admin, adminPassword)),
        "");
  }

  private static List<Path> logFilesUnder(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".log") || name.endsWith("-output.txt");
              })
          .map(Path::normalize)
          .toList();
    }
  }

  private static Answer token(LoopbackClient client, String user, String password)
      throws IOException {
    return client.send(
        "POST",
        "/engine-rest/identity/token",
        Map.of("Authorization", LoopbackClient.basic(user, password)),
        "");
  }

  private String secret(String value) {
    secrets.add(value);
    return value;
  }

  private void createUser(String id, String password) {
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Logged " + id, secret, PasswordChange.NOT_REQUIRED));
    }
  }
}

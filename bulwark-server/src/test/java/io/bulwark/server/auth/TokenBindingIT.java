package io.bulwark.server.auth;

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
import io.bulwark.server.auth.LoopbackClient.Answer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * A9 by default: an access token is bound to the client address it was issued to. Used from another
 * address it is refused exactly like an unknown token (401, same problem, same challenge), and the
 * refusal is an authentication event with reason {@code wrong_client} (A7).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
class TokenBindingIT {

  static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([A-Za-z0-9_-]{43})\"");

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  @Test
  void a9_tokenUsedFromAnotherAddressIsRefusedLikeAnUnknownToken() throws Exception {
    URI base = TestServer.baseUri(environment);
    String[] user = newUser(engine);
    LoopbackClient issuer = new LoopbackClient(base, "127.0.0.41");
    LoopbackClient elsewhere = new LoopbackClient(base, "127.0.0.42");
    String token = token(issuer, user);
    ListAppender<ILoggingEvent> log = captureAuthLog();
    try {
      assertThat(bearer(issuer, token).status()).isEqualTo(200);
      Answer stolen = bearer(elsewhere, token);
      Answer unknown = bearer(elsewhere, "A".repeat(43));
      assertThat(stolen.status()).isEqualTo(401);
      assertThat(stolen.comparable()).isEqualTo(unknown.comparable());
      assertThat(stolen.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
      // Still valid from its own address: the refusal did not revoke it.
      assertThat(bearer(issuer, token).status()).isEqualTo(200);

      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .anyMatch(
              entry(
                  "event", "token_refused",
                  "reason", "wrong_client",
                  "principal", user[0],
                  "client", "127.0.0.42"))
          .noneMatch(line -> line.contains(token));
    } finally {
      ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
    }
  }

  static String[] newUser(BulwarkEngine engine) {
    String id = "bound-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(ADMIN, new NewUser(id, "Bound", secret, PasswordChange.NOT_REQUIRED));
    }
    return new String[] {id, password};
  }

  static String token(LoopbackClient client, String[] user) throws Exception {
    Answer answer =
        client.send(
            "POST",
            "/engine-rest/identity/token",
            Map.of("Authorization", LoopbackClient.basic(user[0], user[1])),
            "");
    Matcher matcher = TOKEN.matcher(answer.body());
    assertThat(matcher.find()).as(answer.body()).isTrue();
    return matcher.group(1);
  }

  static Answer bearer(LoopbackClient client, String token) throws Exception {
    return client.send(
        "GET", "/engine-rest/version", Map.of("Authorization", "Bearer " + token), null);
  }

  static ListAppender<ILoggingEvent> captureAuthLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(appender);
    return appender;
  }
}
